// Room tokens for signed-in members, tried as someone breaking the rules would: over real HTTP with session
// cookies and real websockets (the `ws` client, with y-websocket's Yjs sync). A tutor cannot review what they own,
// another organisation's member is refused, a coordinator writes nothing, a removed member is cut off at once
// (their open sockets closed, their tokens refused from then on), and an altered or expired member token opens nothing.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { memberRefusals } from '../../shared/protocol/member-access.ts';
import { createSessionReportDoc } from '../../shared/reports/index.ts';
import { fillTermlyReview } from '../../shared/reports/termly-review/example.ts';
import { closeCodes, refusalReasons } from '../../shared/protocol/limits.ts';
import { openMemoryStore } from '../storage/memory.ts';
import { TestSession, api, eventually, type TestRelay } from '../testing.ts';
import { removeMember } from './members.ts';
import { call, organisation, type SignedInMember as Member } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

async function agency(config: { removedMemberCheckMs?: number } = {}) {
  const store = openMemoryStore();
  const relay = await session.relay({ store, ...config });
  const a = await organisation(store, 'Bright Tutors', {
    tutor: { role: 'tutor' },
    otherTutor: { role: 'tutor' },
    mentor: { role: 'mentor' },
    reviewer: { role: 'quality-reviewer' },
    coordinator: { role: 'coordinator' },
    contact: { role: 'client-contact', clientId: 'client-9' },
    teacher: { role: 'early-career-teacher' },
  });
  const b = await organisation(store, 'Other Agency', {
    tutor: { role: 'tutor' },
    teacher: { role: 'early-career-teacher' },
  });
  return { store, relay, a, b };
}

const register = (relay: TestRelay, who: Member, body: unknown, bearer?: string) =>
  call(relay, 'POST', '/api/organisation/reports', { cookie: who.cookie, body, ...(bearer ? { bearer } : {}) });

const tokenFor = (relay: TestRelay, who: Member, reportId: string) =>
  call(relay, 'GET', `/api/organisation/reports/${reportId}/token`, { cookie: who.cookie });

const list = (relay: TestRelay, who?: Member) =>
  call(relay, 'GET', '/api/organisation/reports', who ? { cookie: who.cookie } : {});

async function decide(relay: TestRelay, token: string, reportId: string, action: string) {
  return api(relay, 'POST', `/api/reports/${reportId}/transitions`, { token, body: { action, name: 'Someone' } });
}

describe('registering a report with the organisation', () => {
  it('makes the member who registers it its owner, once, from the app’s own pages only', async () => {
    const { relay, a } = await agency();
    expect(
      await call(relay, 'POST', '/api/organisation/reports', {
        cookie: a.tutor.cookie,
        body: { id: 'report-1' },
        origin: 'https://evil.example',
      }),
    ).toMatchObject({ status: 403 });
    expect(await call(relay, 'POST', '/api/organisation/reports', { body: { id: 'report-1' } })).toMatchObject({
      status: 401,
      body: { error: 'Sign in first.' },
    });
    const made = await register(relay, a.tutor, { id: 'report-1', mentorId: a.mentor.id, clientId: 'client-9' });
    expect(made).toMatchObject({
      status: 201,
      body: { id: 'report-1', ownerId: a.tutor.id, mentorId: a.mentor.id, clientId: 'client-9' },
    });
    // The list names its mentor, for the coordinator's overview of who mentors whom.
    expect(
      (await call(relay, 'GET', '/api/organisation/reports', { cookie: a.coordinator.cookie })).body.reports,
    ).toMatchObject([{ id: 'report-1', ownerName: 'tutor', mentorName: 'mentor' }]);
    // Asking again (an answer lost on the way) gives the same record; someone else is refused.
    expect(await register(relay, a.tutor, { id: 'report-1' })).toMatchObject({ status: 200, body: made.body });
    expect(await register(relay, a.otherTutor, { id: 'report-1' })).toMatchObject({
      status: 409,
      body: { error: 'This report is registered already, by someone else. Ask its owner to share it.' },
    });
  });

  it('is for the tutors and mentors who write reports, with a mentor of the same organisation', async () => {
    const { relay, a, b } = await agency();
    expect(await register(relay, a.coordinator, { id: 'report-2' })).toMatchObject({
      status: 403,
      body: {
        error:
          'Reports are registered by the tutors and mentors who write them (and quality reviewers, their observations); as a coordinator you read them.',
      },
    });
    for (const mentorId of [a.otherTutor.id, b.tutor.id])
      expect(await register(relay, a.tutor, { id: 'report-2', mentorId })).toMatchObject({
        status: 400,
        body: { error: 'The mentor named is not a mentor of your organisation.' },
      });
  });

  it('takes a report already on the relay only with its own tutor link', async () => {
    const { relay, a } = await agency();
    const claimed = await api(relay, 'POST', '/api/reports', { body: { id: 'shared-1' } });
    expect(await register(relay, a.tutor, { id: 'shared-1' })).toMatchObject({
      status: 409,
      body: {
        error: 'A report with this id is on the relay already. If it is yours, register it with its tutor link.',
      },
    });
    const reviewer = await api(relay, 'POST', '/api/reports/shared-1/links', {
      token: claimed.body.token,
      body: { role: 'reviewer' },
    });
    expect(await register(relay, a.tutor, { id: 'shared-1' }, reviewer.body.token)).toMatchObject({
      status: 403,
      body: { error: 'Only the report’s own tutor link can bring it into your organisation.' },
    });
    expect(await register(relay, a.tutor, { id: 'shared-1' }, claimed.body.token)).toMatchObject({ status: 201 });
  });
});

describe('room tokens from membership', () => {
  it('gives the owner a tutor token, never a reviewer’s, even once the report is submitted', async () => {
    const { relay, a } = await agency();
    await register(relay, a.tutor, { id: 'own-1' });
    const first = await tokenFor(relay, a.tutor, 'own-1');
    expect(first).toMatchObject({ status: 200, body: { role: 'tutor', readOnly: false } });
    const lifetime = Date.parse(first.body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(55 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60_000);
    expect((await decide(relay, first.body.token, 'own-1', 'submit')).status).toBe(200);
    const after = await tokenFor(relay, a.tutor, 'own-1');
    expect(after.body.role).toBe('tutor');
    // The owner's token cannot approve, nor make a reviewer's link to approve with.
    expect(await decide(relay, after.body.token, 'own-1', 'approve')).toMatchObject({
      status: 409,
      body: { error: 'A tutor cannot approve a report; only a reviewer can.' },
    });
    expect(
      await api(relay, 'POST', '/api/reports/own-1/links', { token: after.body.token, body: { role: 'reviewer' } }),
    ).toMatchObject({
      status: 403,
      body: {
        error: 'Share links are made with a report’s own link, not with the one Margin gives you for signing in.',
      },
    });
  });

  it('lets a quality reviewer review a submitted report of the organisation, not a draft', async () => {
    const { relay, a } = await agency();
    await register(relay, a.tutor, { id: 'review-1' });
    expect(await tokenFor(relay, a.reviewer, 'review-1')).toMatchObject({
      status: 403,
      body: { error: memberRefusals.notSubmitted },
    });
    const tutor = (await tokenFor(relay, a.tutor, 'review-1')).body.token;
    await decide(relay, tutor, 'review-1', 'submit');
    const reviewer = await tokenFor(relay, a.reviewer, 'review-1');
    expect(reviewer).toMatchObject({ status: 200, body: { role: 'reviewer', readOnly: false } });
    expect(await decide(relay, reviewer.body.token, 'review-1', 'approve')).toMatchObject({
      status: 200,
      body: { status: 'approved' },
    });
  });

  it('gives the assigned mentor a mentor token, the client’s contact a client token, and other tutors nothing', async () => {
    const { relay, a } = await agency();
    await register(relay, a.tutor, { id: 'parts-1', mentorId: a.mentor.id, clientId: 'client-9' });
    expect((await tokenFor(relay, a.mentor, 'parts-1')).body).toMatchObject({ role: 'mentor', readOnly: false });
    expect((await tokenFor(relay, a.contact, 'parts-1')).body).toMatchObject({ role: 'client', readOnly: false });
    for (const [who, role] of [
      [a.otherTutor, 'tutor'],
      [a.admin, 'administrator'],
    ] as const)
      expect(await tokenFor(relay, who, 'parts-1')).toMatchObject({
        status: 403,
        body: { error: memberRefusals.noPart(role) },
      });
    expect(await tokenFor(relay, a.tutor, 'nobody-registered-this')).toMatchObject({ status: 404 });
  });

  it('refuses a member of another organisation, with a reason', async () => {
    const { relay, a, b } = await agency();
    await register(relay, a.tutor, { id: 'org-a-1' });
    expect(await tokenFor(relay, b.tutor, 'org-a-1')).toMatchObject({
      status: 403,
      body: { error: memberRefusals.otherOrganisation },
    });
    expect(await tokenFor(relay, b.admin, 'org-a-1')).toMatchObject({
      status: 403,
      body: { error: memberRefusals.otherOrganisation },
    });
    expect((await register(relay, b.tutor, { id: 'org-a-1' })).status).toBe(409);
  });

  it('lets a coordinator read every report as it syncs, and change, decide or share nothing', async () => {
    const { relay, a } = await agency();
    await register(relay, a.tutor, { id: 'read-1' });
    const tutor = (await tokenFor(relay, a.tutor, 'read-1')).body.token;
    const writer = await session.provider(relay, 'read-1', { token: tutor });
    writer.doc.getText('body').insert(0, 'Written by the tutor. ');
    const coordinator = await tokenFor(relay, a.coordinator, 'read-1');
    expect(coordinator).toMatchObject({ status: 200, body: { role: 'reviewer', readOnly: true } });
    const reader = await session.provider(relay, 'read-1', { token: coordinator.body.token });
    await eventually(() => expect(reader.doc.getText('body').toString()).toBe('Written by the tutor. '));
    reader.doc.getText('body').insert(0, 'Coordinator was here. ');
    const comments = await session.provider(relay, 'read-1/comments', { token: coordinator.body.token });
    comments.doc.getMap('threads').set('t1', 'not allowed');
    writer.doc.getText('body').insert(22, 'Still only the tutor. ');
    await eventually(() =>
      expect(reader.doc.getText('body').toString()).toContain('Written by the tutor. Still only the tutor. '),
    );
    const fresh = await session.provider(relay, 'read-1', { token: tutor, doc: new Y.Doc() });
    expect(fresh.doc.getText('body').toString()).toBe('Written by the tutor. Still only the tutor. ');
    const freshComments = await session.provider(relay, 'read-1/comments', { token: tutor, doc: new Y.Doc() });
    expect(freshComments.doc.getMap('threads').size).toBe(0);
    const refused = { status: 403, body: { error: refusalReasons.readOnly } };
    expect(await decide(relay, coordinator.body.token, 'read-1', 'submit')).toMatchObject(refused);
    expect(
      await api(relay, 'POST', '/api/reports/read-1/links', {
        token: coordinator.body.token,
        body: { role: 'client' },
      }),
    ).toMatchObject(refused);
  });
});

describe('the early career teacher of a termly review', () => {
  const nameTeacher = (relay: TestRelay, who: Member, reportId: string, teacherId: unknown) =>
    call(relay, 'PUT', `/api/organisation/reports/${reportId}/teacher`, { cookie: who.cookie, body: { teacherId } });

  /** A review the tutor registers and writes, once the relay holds its content. */
  async function review(relay: TestRelay, a: Awaited<ReturnType<typeof agency>>['a'], id: string) {
    await register(relay, a.tutor, { id });
    const author = await session.provider(relay, id, { token: (await tokenFor(relay, a.tutor, id)).body.token });
    await fillTermlyReview(author.doc, { onTrack: true });
    await eventually(async () =>
      expect((await list(relay, a.tutor)).body.reports.find((r: { id: string }) => r.id === id)?.kind).toBe(
        'Termly progress review',
      ),
    );
  }

  it('is named by the review’s owner from the organisation’s teachers, and then opens it as its teacher', async () => {
    const { relay, a } = await agency();
    await review(relay, a, 'review-1');
    expect(await call(relay, 'GET', '/api/organisation/teachers', { cookie: a.tutor.cookie })).toMatchObject({
      status: 200,
      body: { teachers: [{ id: a.teacher.id, name: 'teacher' }] },
    });
    expect(await tokenFor(relay, a.teacher, 'review-1')).toMatchObject({ status: 403 });
    expect(await nameTeacher(relay, a.tutor, 'review-1', a.teacher.id)).toMatchObject({
      status: 200,
      body: { id: 'review-1', teacherId: a.teacher.id },
    });
    expect(await tokenFor(relay, a.teacher, 'review-1')).toMatchObject({
      status: 200,
      body: { role: 'teacher', readOnly: false },
    });
    expect(
      (await list(relay, a.teacher)).body.reports.map((r: { id: string; role: string }) => [r.id, r.role]),
    ).toEqual([['review-1', 'teacher']]);
    // Taken off again: the membership opens nothing.
    expect(await nameTeacher(relay, a.tutor, 'review-1', null)).toMatchObject({ status: 200 });
    expect(await tokenFor(relay, a.teacher, 'review-1')).toMatchObject({ status: 403 });
  });

  it('is refused to anyone but the owner, for anyone but the organisation’s teachers, and on anything but a review', async () => {
    const { relay, a, b } = await agency();
    await review(relay, a, 'review-2');
    expect(await nameTeacher(relay, a.otherTutor, 'review-2', a.teacher.id)).toMatchObject({ status: 403 });
    expect(await nameTeacher(relay, a.mentor, 'review-2', a.teacher.id)).toMatchObject({ status: 403 });
    expect(await nameTeacher(relay, b.tutor, 'review-2', b.teacher.id)).toMatchObject({ status: 404 });
    // The owner cannot name themselves, a tutor, or another organisation's teacher, and gets why.
    for (const who of [a.tutor.id, a.otherTutor.id, b.teacher.id, '00000000-0000-0000-0000-000000000000'])
      expect(await nameTeacher(relay, a.tutor, 'review-2', who)).toMatchObject({
        status: 400,
        body: { error: 'The person named is not an early career teacher of your organisation.' },
      });
    expect(await nameTeacher(relay, a.tutor, 'review-2', 'Sam Patel')).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('named by their member id') },
    });
    expect(
      await call(relay, 'PUT', '/api/organisation/reports/review-2/teacher', {
        cookie: a.tutor.cookie,
        body: { teacherId: a.teacher.id },
        origin: 'https://evil.example',
      }),
    ).toMatchObject({ status: 403 });
    // A session report has no early career teacher; a report with no content yet cannot say what it is.
    await register(relay, a.tutor, { id: 'session-1' });
    expect(await nameTeacher(relay, a.tutor, 'session-1', a.teacher.id)).toMatchObject({ status: 409 });
    const author = await session.provider(relay, 'session-1', {
      token: (await tokenFor(relay, a.tutor, 'session-1')).body.token,
    });
    createSessionReportDoc(
      author.doc,
      { date: '2030-01-07', start: '13:00', finish: '14:00', subject: 'Maths', learners: [{ id: 'l1', name: 'Gus' }] },
      'Tom',
    );
    await eventually(async () =>
      expect(await nameTeacher(relay, a.tutor, 'session-1', a.teacher.id)).toMatchObject({
        status: 400,
        body: { error: 'Only a termly progress review has an early career teacher to name.' },
      }),
    );
    // Only those who write reviews, administrators and coordinators read the list of teachers.
    for (const who of [a.contact, a.reviewer])
      expect(await call(relay, 'GET', '/api/organisation/teachers', { cookie: who.cookie })).toMatchObject({
        status: 403,
      });
    expect(await call(relay, 'GET', '/api/organisation/teachers', { cookie: a.coordinator.cookie })).toMatchObject({
      status: 200,
      body: { teachers: [{ id: a.teacher.id, name: 'teacher' }] },
    });
    expect(await call(relay, 'GET', '/api/organisation/teachers', { cookie: b.tutor.cookie })).toMatchObject({
      status: 200,
      body: { teachers: [{ id: b.teacher.id, name: 'teacher' }] },
    });
  });
});

describe('a removed member', () => {
  it('is cut off at once: every socket with their tokens closes (4410), and they open nothing after', async () => {
    const { relay, a } = await agency();
    await register(relay, a.tutor, { id: 'cut-1' });
    await register(relay, a.otherTutor, { id: 'cut-2' });
    const token = (await tokenFor(relay, a.tutor, 'cut-1')).body.token;
    const second = (await tokenFor(relay, a.tutor, 'cut-1')).body.token;
    const others = (await tokenFor(relay, a.otherTutor, 'cut-2')).body.token;
    const content = await session.socket(relay, `/sync/cut-1?token=${token}`);
    const comments = await session.socket(relay, `/sync/cut-1/comments?token=${second}`);
    const untouched = await session.provider(relay, 'cut-2', { token: others });
    await eventually(() => expect(content.received.length).toBeGreaterThan(0));

    const removed = await call(relay, 'DELETE', `/api/organisation/members/${a.tutor.id}`, { cookie: a.admin.cookie });
    expect(removed.status).toBe(200);
    const expected = { code: closeCodes.linkWithdrawn, reason: refusalReasons.memberRemoved };
    expect(await content.closed).toEqual(expected);
    expect(await comments.closed).toEqual(expected);

    const again = await session.socket(relay, `/sync/cut-1?token=${token}`);
    expect(await again.closed).toEqual(expected);
    expect(await tokenFor(relay, a.tutor, 'cut-1')).toMatchObject({
      status: 401,
      body: { error: 'You signed out, or were signed out, on this device. Sign in again.' },
    });
    expect(await api(relay, 'GET', '/api/reports/cut-1/links', { token })).toMatchObject({
      status: 403,
      body: { error: refusalReasons.memberRemoved },
    });
    expect(untouched.wsconnected).toBe(true);
  });

  it('is cut off on the report they registered with its own link too: that link is theirs', async () => {
    const { relay, a } = await agency();
    const own = (await api(relay, 'POST', '/api/reports', { body: { id: 'owned-link-1' } })).body.token as string;
    expect((await register(relay, a.tutor, { id: 'owned-link-1' }, own)).status).toBe(201);
    const content = await session.socket(relay, `/sync/owned-link-1?token=${own}`);
    await eventually(() => expect(content.received.length).toBeGreaterThan(0));

    expect(
      (await call(relay, 'DELETE', `/api/organisation/members/${a.tutor.id}`, { cookie: a.admin.cookie })).status,
    ).toBe(200);
    const expected = { code: closeCodes.linkWithdrawn, reason: refusalReasons.memberRemoved };
    expect(await content.closed).toEqual(expected);
    expect(await (await session.socket(relay, `/sync/owned-link-1?token=${own}`)).closed).toEqual(expected);
  });

  it('is cut off within moments when removed from a shell, which tells no relay', async () => {
    const { store, relay, a } = await agency({ removedMemberCheckMs: 50 });
    await register(relay, a.mentor, { id: 'shell-1' });
    const token = (await tokenFor(relay, a.mentor, 'shell-1')).body.token;
    const socket = await session.socket(relay, `/sync/shell-1?token=${token}`);
    expect((await removeMember(store, a.mentor.id)).ok).toBe(true);
    expect(await socket.closed).toEqual({ code: closeCodes.linkWithdrawn, reason: refusalReasons.memberRemoved });
  });
});

describe('a member token', () => {
  it('opens nothing once altered, expired, or used for another report', async () => {
    const { relay, a } = await agency();
    await register(relay, a.tutor, { id: 'token-1' });
    const { token } = (await tokenFor(relay, a.tutor, 'token-1')).body;
    const coordinator = (await tokenFor(relay, a.coordinator, 'token-1')).body.token;
    const altered = (original: string, change: object) => {
      const [header, payload, signature] = original.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      return `${header}.${Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url')}.${signature}`;
    };
    const invalid = { code: closeCodes.linkInvalid, reason: refusalReasons.linkInvalid };
    for (const forged of [
      altered(token, { role: 'reviewer' }),
      altered(token, { member: a.otherTutor.id }),
      altered(token, { exp: Math.floor(Date.now() / 1000) + 366 * 24 * 3600 }),
      altered(coordinator, { readOnly: undefined }),
      altered(coordinator, { role: 'tutor' }),
    ]) {
      const socket = await session.socket(relay, `/sync/token-1?token=${forged}`);
      expect(await socket.closed).toEqual(invalid);
    }

    const expired = await relay.tokens.mint('token-1', 'tutor', 60, Math.floor(Date.now() / 1000) - 3600, {
      member: a.tutor.id,
    });
    expect(await (await session.socket(relay, `/sync/token-1?token=${expired.token}`)).closed).toEqual({
      code: closeCodes.linkExpired,
      reason: refusalReasons.linkExpired,
    });
    expect(await (await session.socket(relay, `/sync/token-2?token=${token}`)).closed).toEqual({
      code: closeCodes.wrongReport,
      reason: refusalReasons.wrongReport,
    });
  });
});

describe('the list of the organisation’s reports', () => {
  const ids = (answer: { body: { reports: { id: string }[] } }) => answer.body.reports.map((report) => report.id);

  it('shows each member the reports they may open: a reviewer every submitted one, with who owns it and when', async () => {
    const { relay, a } = await agency();
    await register(relay, a.tutor, { id: 'list-1' });
    await register(relay, a.otherTutor, { id: 'list-2' });
    await register(relay, a.tutor, { id: 'list-3', mentorId: a.mentor.id });
    const tutor = (await tokenFor(relay, a.tutor, 'list-1')).body.token;
    const before = Date.now();
    expect((await decide(relay, tutor, 'list-1', 'submit')).status).toBe(200);

    const reviewed = await list(relay, a.reviewer);
    expect(reviewed).toMatchObject({
      status: 200,
      body: { reports: [{ id: 'list-1', ownerName: 'tutor', status: 'submitted', role: 'reviewer' }] },
    });
    const [summary] = reviewed.body.reports;
    expect(Date.parse(summary.submittedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(summary.changedAt).toBe(summary.submittedAt);

    expect(await list(relay, a.tutor)).toMatchObject({
      status: 200,
      body: {
        reports: [
          { id: 'list-1', role: 'tutor', status: 'submitted' },
          { id: 'list-3', role: 'tutor', status: 'draft' },
        ],
      },
    });
    const draft = (await list(relay, a.tutor)).body.reports[1];
    expect(draft.submittedAt).toBeUndefined();
    expect(ids(await list(relay, a.otherTutor))).toEqual(['list-2']);
    expect(ids(await list(relay, a.mentor))).toEqual(['list-3']);
    expect(ids(await list(relay, a.coordinator))).toEqual(['list-1', 'list-2', 'list-3']);
    expect(ids(await list(relay, a.admin))).toEqual([]);

    // Sent back, it leaves the reviewer's list until it is resubmitted, then shows when that was.
    const reviewer = (await tokenFor(relay, a.reviewer, 'list-1')).body.token;
    const rejected = await api(relay, 'POST', '/api/reports/list-1/transitions', {
      token: reviewer,
      body: { action: 'reject', name: 'Rita', reason: 'Say what the learner did next.' },
    });
    expect(rejected.status).toBe(200);
    expect((await list(relay, a.reviewer)).body.reports).toMatchObject([{ id: 'list-1', status: 'rejected' }]);
    expect((await decide(relay, tutor, 'list-1', 'resubmit')).status).toBe(200);
    const resubmitted = (await list(relay, a.reviewer)).body.reports[0];
    expect(resubmitted).toMatchObject({ status: 'resubmitted' });
    expect(resubmitted.submittedAt > summary.submittedAt).toBe(true);
  });

  it('names each report from its own content once the relay holds some: title, kind and learners', async () => {
    const { relay, a } = await agency();
    await register(relay, a.tutor, { id: 'named-1' });
    await register(relay, a.tutor, { id: 'named-2' });
    const tutor = (await tokenFor(relay, a.tutor, 'named-1')).body.token;
    const author = await session.provider(relay, 'named-1', { token: tutor });
    createSessionReportDoc(
      author.doc,
      {
        date: '2030-01-07',
        start: '13:00',
        finish: '14:00',
        subject: 'Maths',
        learners: [{ id: 'l1', name: 'Gus Hale' }],
      },
      'Tom',
    );
    await eventually(async () => expect((await list(relay, a.tutor)).body.reports[0].title).toBeDefined());
    const [named, empty] = (await list(relay, a.tutor)).body.reports;
    expect(named).toMatchObject({ id: 'named-1', kind: 'Session report', learners: ['Gus Hale'] });
    expect(named.title).toContain('Gus Hale');
    // No content yet: no title, rather than a made-up one.
    expect(empty.id).toBe('named-2');
    expect(empty.title).toBeUndefined();
  });

  it('gives a client contact a learner’s whole record: approved reports only, newest first, never internal fields', async () => {
    const { relay, a } = await agency();
    const write = async (id: string, learner: string, progress: string) => {
      await register(relay, a.tutor, { id, clientId: 'client-9' });
      const tutor = (await tokenFor(relay, a.tutor, id)).body.token;
      const author = await session.provider(relay, id, { token: tutor });
      createSessionReportDoc(
        author.doc,
        {
          date: '2030-01-07',
          start: '13:00',
          finish: '14:00',
          subject: 'Maths',
          learners: [{ id: 'l1', name: learner }],
        },
        'Tom',
      );
      author.doc.transact(() => {
        for (const [key, text] of [
          ['progressComment', progress],
          ['agencyComment', 'PRIVATE: invoice late'],
        ]) {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(text)]);
          author.doc.getXmlFragment(key!).insert(0, [paragraph]);
        }
      });
      await eventually(async () =>
        expect((await list(relay, a.tutor)).body.reports.find((r: { id: string }) => r.id === id)?.title).toBeDefined(),
      );
      return tutor;
    };
    const approve = async (id: string, tutor: string) => {
      await decide(relay, tutor, id, 'submit');
      const reviewer = (await tokenFor(relay, a.reviewer, id)).body.token;
      expect(await decide(relay, reviewer, id, 'approve')).toMatchObject({ status: 200 });
    };
    const first = await write('record-1', 'Gus Hale', 'Dated the Tudors.');
    const second = await write('record-2', 'Gus Hale', 'Dated the Stuarts.');
    await write('record-3', 'Gus Hale', 'Still a draft.');
    const other = await write('record-4', 'Amy Lee', 'Another learner.');
    await approve('record-1', first);
    await approve('record-2', second);
    await approve('record-4', other);
    const record = (name: string, who: Member = a.contact) =>
      call(relay, 'GET', `/api/organisation/learners/${encodeURIComponent(name)}/record`, { cookie: who.cookie });
    const answer = await record('Gus Hale');
    expect(answer.status).toBe(200);
    expect(answer.body.learner).toBe('Gus Hale');
    expect(answer.body.reports.map((each: { id: string }) => each.id)).toEqual(['record-2', 'record-1']);
    expect(answer.body.reports[0]).toMatchObject({
      kind: 'Session report',
      ownerName: expect.any(String),
      fields: [{ label: 'Comment on progress towards learning objectives', paragraphs: ['Dated the Stuarts.'] }],
    });
    expect(JSON.stringify(answer.body)).not.toContain('PRIVATE');
    expect((await record('Nobody Known')).body.reports).toEqual([]);
    expect(await record('Gus Hale', a.tutor)).toMatchObject({
      status: 403,
      body: { error: expect.stringMatching(/client’s contacts/) },
    });
    const raw = (path: string) =>
      call(relay, 'GET', `/api/organisation/learners/${path}/record`, { cookie: a.contact.cookie });
    expect(await raw('%E0%A4%A')).toMatchObject({
      status: 400,
      body: { error: 'The learner’s name in the address is not readable.' },
    });
    expect(await raw('%20')).toMatchObject({ status: 400, body: { error: 'Name the learner whose record you want.' } });
  });

  it('is refused when signed out, and shows another organisation’s member none of ours', async () => {
    const { relay, a, b } = await agency();
    await register(relay, a.tutor, { id: 'ours-1' });
    const tutor = (await tokenFor(relay, a.tutor, 'ours-1')).body.token;
    await decide(relay, tutor, 'ours-1', 'submit');
    expect(await list(relay)).toMatchObject({ status: 401, body: { error: 'Sign in first.' } });
    expect(await call(relay, 'GET', '/api/organisation/reports', { cookie: 'not-a-session' })).toMatchObject({
      status: 401,
    });
    expect(await list(relay, b.tutor)).toMatchObject({ status: 200, body: { reports: [] } });
    expect(await list(relay, b.admin)).toMatchObject({ status: 200, body: { reports: [] } });
    const removed = await call(relay, 'DELETE', `/api/organisation/members/${a.reviewer.id}`, {
      cookie: a.admin.cookie,
    });
    expect(removed.status).toBe(200);
    expect((await list(relay, a.reviewer)).status).toBe(401);
  });
});
