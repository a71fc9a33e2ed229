// Members' notifications over a real relay: real decisions over HTTP, real comments over websockets (y-websocket
// with member tokens), the inbox read and marked over raw HTTP as a signed-in browser and as someone trying to
// reach another member's inbox; and mail, sent by the relay's nodemailer to a real SMTP server (smtp-server) on a
// loopback port, read back raw to check that it names people and links to the report but carries none of its text.
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { anchorFor } from '../../shared/doc/comment-anchors.ts';
import { addThread, type CommentAuthor, reply } from '../../shared/doc/comments.ts';
import { setFragmentText } from '../../shared/doc/text-fragment.ts';
import { createSessionReportDoc } from '../../shared/reports/index.ts';
import type { RelayConfig } from '../server.ts';
import { openMemoryStore } from '../storage/memory.ts';
import { freePort } from '../test-engines.ts';
import { api, eventually, type TestRelay, TestSession } from '../testing.ts';
import { call, organisation, type SignedInMember } from './testing.ts';

const session = new TestSession();
const servers: SMTPServer[] = [];
afterEach(async () => {
  await session.cleanup();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(() => resolve(null)))));
});

const progress = 'Gus solved SECRET-FRACTIONS with counters';
const sentBackReason = 'SECRET-REASON say what he did next';
const commentText = 'SECRET-COMMENT which counters?';
const replyText = 'SECRET-REPLY the blue ones';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on a free loopback port, keeping every message as it arrived. */
async function smtpServer(): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, smtpSession, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: smtpSession.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  servers.push(server);
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return { url: `smtp://127.0.0.1:${port}`, received };
}

/** A message as a person reads it: quoted-printable undone (soft line breaks joined, =XX bytes decoded). */
const readable = (raw: string): string =>
  Buffer.from(
    raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

async function agency(config: Partial<RelayConfig> = {}) {
  const store = openMemoryStore();
  const relay = await session.relay({ store, ...config });
  const a = await organisation(store, 'Bright Tutors', {
    'Tom Tutor': { role: 'tutor' },
    'Mo Mentor': { role: 'mentor' },
    'Rita Reviewer': { role: 'quality-reviewer' },
    'Quinn Reviewer': { role: 'quality-reviewer' },
  });
  const b = await organisation(store, 'Other Agency', { 'Bo Tutor': { role: 'tutor' } });
  return { store, relay, a, b };
}

const tokenFor = async (relay: TestRelay, who: SignedInMember, reportId: string): Promise<string> =>
  (await call(relay, 'GET', `/api/organisation/reports/${reportId}/token`, { cookie: who.cookie })).body.token;

const inbox = (relay: TestRelay, who: SignedInMember) =>
  call(relay, 'GET', '/api/organisation/notifications', { cookie: who.cookie });

/** Tom's session report, registered with Mo as mentor, written and submitted, then sent back by Rita. */
async function sentBack(relay: TestRelay, a: Awaited<ReturnType<typeof agency>>['a']) {
  const tom = a['Tom Tutor'];
  expect(
    (
      await call(relay, 'POST', '/api/organisation/reports', {
        cookie: tom.cookie,
        body: { id: 'r1', mentorId: a['Mo Mentor'].id },
      })
    ).status,
  ).toBe(201);
  const tutor = await tokenFor(relay, tom, 'r1');
  const author = await session.provider(relay, 'r1', { token: tutor });
  createSessionReportDoc(
    author.doc,
    {
      date: '2030-01-07',
      start: '13:00',
      finish: '14:00',
      subject: 'Maths',
      learners: [{ id: 'l1', name: 'Gus Hale' }],
    },
    'Tom Tutor',
  );
  setFragmentText(author.doc.getXmlFragment('progressComment'), progress);
  await eventually(async () =>
    expect((await call(relay, 'GET', '/api/organisation/reports', { cookie: tom.cookie })).body.reports[0].kind).toBe(
      'Session report',
    ),
  );
  expect(
    (await api(relay, 'POST', '/api/reports/r1/transitions', { token: tutor, body: { action: 'submit', name: 'x' } }))
      .status,
  ).toBe(200);
  const reviewer = await tokenFor(relay, a['Rita Reviewer'], 'r1');
  const decided = await api(relay, 'POST', '/api/reports/r1/transitions', {
    token: reviewer,
    body: { action: 'reject', name: 'Not Rita', reason: sentBackReason },
  });
  expect(decided.status).toBe(200);
  return { tutor, reviewer, author };
}

describe('notifications in the inbox', () => {
  it('tells the owner and mentor a report was sent back, by the reviewer’s account name, and nobody else', async () => {
    const { relay, a, b } = await agency();
    await sentBack(relay, a);
    await relay.notifier.idle();
    for (const who of [a['Tom Tutor'], a['Mo Mentor']])
      expect((await inbox(relay, who)).body).toEqual({
        notifications: [
          {
            id: expect.stringMatching(/^[0-9a-f-]{36}$/),
            kind: 'sent-back',
            reportId: 'r1',
            by: 'Rita Reviewer',
            reportKind: 'Session report',
            at: expect.any(String),
            read: false,
          },
        ],
        unread: 1,
      });
    // The reviewer who acted, another reviewer, the administrator and another organisation's member hear nothing.
    for (const who of [a['Rita Reviewer'], a['Quinn Reviewer'], a.admin, b['Bo Tutor']])
      expect((await inbox(relay, who)).body).toEqual({ notifications: [], unread: 0 });
    // The inbox holds names, never the report's text or the reason given.
    const text = JSON.stringify((await inbox(relay, a['Tom Tutor'])).body);
    expect(text).not.toContain('SECRET');
  });

  it('tells the owner and mentor of a reviewer’s comment, and the reviewer of a reply in their thread, never the writer', async () => {
    const { relay, a } = await agency();
    const { author } = await sentBack(relay, a);
    const rita = a['Rita Reviewer'];
    const ritaComments = await session.provider(relay, 'r1/comments', { token: await tokenFor(relay, rita, 'r1') });
    const anchored = anchorFor(author.doc.getXmlFragment('progressComment'), 4, 10);
    if (!anchored.ok) throw new Error(anchored.problem);
    const ritaAuthor: CommentAuthor = { id: 'rita-device', name: 'Rita Reviewer', role: 'reviewer', memberId: rita.id };
    const thread = addThread(ritaComments.doc, {
      field: 'progressComment',
      ...anchored.value,
      text: commentText,
      author: ritaAuthor,
    });
    if (!thread.ok) throw new Error(thread.problem);
    await eventually(async () => expect((await inbox(relay, a['Tom Tutor'])).body.unread).toBe(2));
    await relay.notifier.idle();
    expect((await inbox(relay, a['Tom Tutor'])).body.notifications[0]).toMatchObject({
      kind: 'comment',
      by: 'Rita Reviewer',
      reportId: 'r1',
    });
    expect((await inbox(relay, a['Mo Mentor'])).body.notifications.map((n: { kind: string }) => n.kind)).toEqual([
      'comment',
      'sent-back',
    ]);
    expect((await inbox(relay, rita)).body.unread).toBe(0);
    expect((await inbox(relay, a['Quinn Reviewer'])).body.unread).toBe(0);

    // Tom replies with his own member token: Rita wrote in the thread, so she is told; Tom is not told of himself.
    const tom = a['Tom Tutor'];
    const tomComments = await session.provider(relay, 'r1/comments', { token: await tokenFor(relay, tom, 'r1') });
    await eventually(() => expect(tomComments.doc.getMap('threads').size).toBe(1));
    const tomAuthor: CommentAuthor = { id: 'tom-device', name: 'Tom Tutor', role: 'tutor', memberId: tom.id };
    expect(reply(tomComments.doc, thread.value, replyText, tomAuthor).ok).toBe(true);
    await eventually(async () => expect((await inbox(relay, rita)).body.unread).toBe(1));
    await relay.notifier.idle();
    expect((await inbox(relay, rita)).body.notifications[0]).toMatchObject({ kind: 'comment', by: 'Tom Tutor' });
    expect((await inbox(relay, tom)).body.unread).toBe(2);
    expect((await inbox(relay, a['Mo Mentor'])).body.unread).toBe(3);
    expect((await inbox(relay, a['Quinn Reviewer'])).body.unread).toBe(0);
    for (const who of [tom, rita, a['Mo Mentor']])
      expect(JSON.stringify((await inbox(relay, who)).body)).not.toContain('SECRET');
  });

  it('marks one read or all read, for the member alone; another member’s id is not found, a bad one is refused', async () => {
    const { relay, a, b } = await agency();
    await sentBack(relay, a);
    await relay.notifier.idle();
    const tom = a['Tom Tutor'];
    const mo = a['Mo Mentor'];
    const [tomsOne] = (await inbox(relay, tom)).body.notifications;
    const [mosOne] = (await inbox(relay, mo)).body.notifications;
    const read = (who: SignedInMember | undefined, id: string, origin?: string | null) =>
      call(relay, 'POST', `/api/organisation/notifications/${id}/read`, {
        ...(who ? { cookie: who.cookie } : {}),
        ...(origin !== undefined ? { origin } : {}),
      });
    // Not signed in; from another site; as another member of the organisation; as another organisation's member.
    expect(await read(undefined, tomsOne.id)).toMatchObject({ status: 401, body: { error: 'Sign in first.' } });
    expect(await read(tom, tomsOne.id, 'https://evil.example')).toMatchObject({
      status: 403,
      body: { error: 'This request did not come from Margin’s own pages, so the relay refused it.' },
    });
    for (const who of [mo, b['Bo Tutor'], a.admin])
      expect(await read(who, tomsOne.id)).toMatchObject({
        status: 404,
        body: { error: 'You have no notification with that id.' },
      });
    expect(await read(tom, 'not-an-id')).toMatchObject({
      status: 400,
      body: { error: 'This is not a notification’s id: the app names each one by the id the relay gave it.' },
    });
    expect(await read(tom, '00000000-0000-4000-8000-000000000000')).toMatchObject({ status: 404 });
    expect((await inbox(relay, tom)).body.unread).toBe(1);
    // Tom's own: read, and answered with his inbox; Mo's is still unread.
    expect(await read(tom, tomsOne.id)).toMatchObject({
      status: 200,
      body: { unread: 0, notifications: [{ id: tomsOne.id, read: true }] },
    });
    expect((await inbox(relay, mo)).body).toMatchObject({ unread: 1, notifications: [{ id: mosOne.id, read: false }] });
    // Marking all read: not from another site, and only the member's own.
    expect(
      await call(relay, 'POST', '/api/organisation/notifications/read', { cookie: mo.cookie, origin: null }),
    ).toMatchObject({ status: 403 });
    expect(
      (await call(relay, 'POST', '/api/organisation/notifications/read', { cookie: b['Bo Tutor'].cookie })).body,
    ).toEqual({
      notifications: [],
      unread: 0,
    });
    expect((await inbox(relay, mo)).body.unread).toBe(1);
    expect(await call(relay, 'POST', '/api/organisation/notifications/read', { cookie: mo.cookie })).toMatchObject({
      status: 200,
      body: { unread: 0, notifications: [{ read: true }] },
    });
    expect(await call(relay, 'GET', '/api/organisation/notifications')).toMatchObject({ status: 401 });
    expect(await call(relay, 'DELETE', '/api/organisation/notifications', { cookie: tom.cookie })).toMatchObject({
      status: 405,
    });
  });
});

describe('a member’s e-mail address', () => {
  it('is set and removed by the member, checked, and shown to them and to administrators only', async () => {
    const { relay, a } = await agency();
    const tom = a['Tom Tutor'];
    const email = (who: SignedInMember, body: unknown, origin?: string | null) =>
      call(relay, 'PUT', '/api/organisation/email', {
        cookie: who.cookie,
        body,
        ...(origin !== undefined ? { origin } : {}),
      });
    expect((await call(relay, 'GET', '/api/organisation/email', { cookie: tom.cookie })).body).toEqual({});
    for (const bad of [
      'tom',
      'tom@example',
      'tom@exa mple.org',
      'Tom <tom@example.org>',
      'tom@example.org\r\nBcc: x@y.z',
    ])
      expect(await email(tom, { email: bad })).toMatchObject({
        status: 400,
        body: { error: expect.stringContaining('Give an e-mail address like ada@example.org.') },
      });
    expect(await email(tom, { email: 'tom@example.org' }, 'https://evil.example')).toMatchObject({ status: 403 });
    expect(await email(tom, { email: '  tom@example.org ' })).toMatchObject({
      status: 200,
      body: { email: 'tom@example.org' },
    });
    expect((await call(relay, 'GET', '/api/organisation/email', { cookie: tom.cookie })).body).toEqual({
      email: 'tom@example.org',
    });
    // Another member reads their own (none), never Tom's; the members list, which shows it, is for administrators.
    expect((await call(relay, 'GET', '/api/organisation/email', { cookie: a['Mo Mentor'].cookie })).body).toEqual({});
    expect((await call(relay, 'GET', '/api/organisation/members', { cookie: a['Mo Mentor'].cookie })).status).toBe(403);
    const members = (await call(relay, 'GET', '/api/organisation/members', { cookie: a.admin.cookie })).body.members;
    expect(members.find((m: { id: string }) => m.id === tom.id).email).toBe('tom@example.org');
    expect(members.find((m: { id: string }) => m.id === a['Mo Mentor'].id).email).toBeUndefined();
    expect(
      JSON.stringify((await call(relay, 'GET', '/api/session', { cookie: a['Mo Mentor'].cookie })).body),
    ).not.toContain('tom@example.org');
    expect(await email(tom, { email: null })).toMatchObject({ status: 200, body: {} });
    expect((await call(relay, 'GET', '/api/organisation/email', { cookie: tom.cookie })).body).toEqual({});
  });
});

describe('notification e-mail', () => {
  it('mails names and a link to the report to members who gave an address, never the report’s or a comment’s text', async () => {
    const mail = await smtpServer();
    const { relay, a } = await agency({ mail: { url: mail.url, from: 'Margin <margin@example.org>' } });
    await call(relay, 'PUT', '/api/organisation/email', {
      cookie: a['Tom Tutor'].cookie,
      body: { email: 'tom@example.org' },
    });
    const { author } = await sentBack(relay, a);
    const rita = a['Rita Reviewer'];
    const ritaComments = await session.provider(relay, 'r1/comments', { token: await tokenFor(relay, rita, 'r1') });
    const anchored = anchorFor(author.doc.getXmlFragment('progressComment'), 4, 10);
    if (!anchored.ok) throw new Error(anchored.problem);
    addThread(ritaComments.doc, {
      field: 'progressComment',
      ...anchored.value,
      text: commentText,
      author: { id: 'rita-device', name: 'Rita Reviewer', role: 'reviewer', memberId: rita.id },
    });
    await eventually(() => expect(mail.received).toHaveLength(2));
    // Mo gave no address: he has the notifications in his inbox and no mail.
    expect(mail.received.map((message) => message.to)).toEqual([['tom@example.org'], ['tom@example.org']]);
    // Each mail goes on its own, so they may arrive in either order.
    const mails = mail.received.map((message) => readable(message.raw));
    const sent = mails.find((raw) => /^Subject: Rita Reviewer sent back/m.test(raw)) ?? '';
    const commented = mails.find((raw) => /^Subject: Rita Reviewer commented/m.test(raw)) ?? '';
    const origin = `http://localhost:${relay.port}`;
    expect(sent).toMatch(/^From: Margin <margin@example\.org>/m);
    expect(sent).toMatch(/^To: tom@example\.org/m);
    expect(sent).toMatch(/^Subject: Rita Reviewer sent back your session report/m);
    expect(sent).toContain('Hello Tom Tutor,');
    expect(sent).toContain(`Open the report: ${origin}/report/r1`);
    expect(commented).toMatch(/^Subject: Rita Reviewer commented on a session report/m);
    expect(commented).toContain(`${origin}/report/r1`);
    for (const raw of [sent, commented]) {
      expect(raw).not.toContain('SECRET');
      expect(raw).not.toContain('Gus');
    }
    // The log says what was sent about, never to whom.
    expect(relay.logged.text()).not.toContain('tom@example.org');
    // The relay logs a mail once the server took it, which may be a moment after the server has it.
    await eventually(() =>
      expect(relay.logged.lines().filter((line) => line.msg === 'sent an e-mail')).toHaveLength(2),
    );
  });

  it('mails an invitation with its link, to the address the administrator gave', async () => {
    const mail = await smtpServer();
    const { relay, a } = await agency({ mail: { url: mail.url, from: 'Margin <margin@example.org>' } });
    const invited = await call(relay, 'POST', '/api/organisation/members', {
      cookie: a.admin.cookie,
      body: { name: 'Nia New', role: 'tutor', email: 'nia@example.org' },
    });
    expect(invited).toMatchObject({ status: 201, body: { member: { name: 'Nia New', email: 'nia@example.org' } } });
    await eventually(() => expect(mail.received).toHaveLength(1));
    const raw = readable(mail.received[0]!.raw);
    expect(mail.received[0]!.to).toEqual(['nia@example.org']);
    expect(raw).toMatch(/^Subject: Ada Admin invited you to join Bright Tutors on Margin/m);
    expect(raw).toContain(`http://localhost:${relay.port}/invitation#token=${invited.body.token}`);
    expect(
      await call(relay, 'POST', '/api/organisation/members', {
        cookie: a.admin.cookie,
        body: { name: 'Odd One', role: 'tutor', email: 'not an address' },
      }),
    ).toMatchObject({ status: 400 });
  });

  it('takes the decision when the mail server is away, and logs the failure without the address', async () => {
    const port = await freePort();
    const { relay, a } = await agency({
      mail: { url: `smtp://127.0.0.1:${port}`, from: 'Margin <margin@example.org>' },
    });
    await call(relay, 'PUT', '/api/organisation/email', {
      cookie: a['Tom Tutor'].cookie,
      body: { email: 'tom@example.org' },
    });
    await sentBack(relay, a);
    await relay.notifier.idle();
    expect((await inbox(relay, a['Tom Tutor'])).body.unread).toBe(1);
    expect(relay.logged.lines().find((line) => line.msg === 'could not send an e-mail')).toMatchObject({
      kind: 'sent-back',
      report: 'r1',
      problem: expect.any(String),
    });
    expect(relay.logged.text()).not.toContain('tom@example.org');
  });
});

describe('a termly review’s steps', () => {
  it('tells the mentor it is ready for comments, the owner it is ready for their signature and when it was reviewed', async () => {
    const { store, relay, a } = await agency();
    const tom = a['Tom Tutor'];
    const mo = a['Mo Mentor'];
    await store.addReport({
      reportId: 'review-1',
      organisationId: a.organisationId,
      ownerId: tom.id,
      mentorId: mo.id,
      createdAt: new Date().toISOString(),
    });
    const decision = (action: string, by: { name: string; role: string; memberId?: string }) =>
      ({ action, from: 'draft', to: 'draft', by, at: new Date().toISOString(), contentHash: 'x' }) as never;
    relay.notifier.decided('review-1', decision('finish', { name: 'Tom Tutor', role: 'tutor', memberId: tom.id }));
    relay.notifier.decided('review-1', decision('teacher-sign', { name: 'Tess Teacher', role: 'teacher' }));
    relay.notifier.decided('review-1', decision('tutor-sign', { name: 'Tom Tutor', role: 'tutor', memberId: tom.id }));
    relay.notifier.decided('review-1', decision('amend', { name: 'Tom Tutor', role: 'tutor', memberId: tom.id }));
    await relay.notifier.idle();
    const kinds = async (who: SignedInMember) =>
      (await inbox(relay, who)).body.notifications.map((n: { kind: string; by: string }) => [n.kind, n.by]);
    expect(await kinds(mo)).toEqual([['review-to-comment', 'Tom Tutor']]);
    expect(await kinds(tom)).toEqual([['review-to-sign', 'Tess Teacher']]);
    relay.notifier.decided(
      'review-1',
      decision('mark-reviewed', { name: 'Rita', role: 'reviewer', memberId: a['Rita Reviewer'].id }),
    );
    await relay.notifier.idle();
    expect((await kinds(tom))[0]).toEqual(['reviewed', 'Rita']);
    // A report no organisation registered tells no one.
    relay.notifier.decided('unregistered', decision('approve', { name: 'Rita', role: 'reviewer' }));
    await relay.notifier.idle();
    expect((await inbox(relay, tom)).body.unread).toBe(2);
  });
});
