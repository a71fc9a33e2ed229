// Bulk approval, tried over real HTTP with session cookies as someone breaking the rules would: a tutor cannot
// approve in bulk (not even their own reports), another organisation's report is refused without being named, and a
// mixed batch approves what it may, each its own decision with its own content hash, and says why not for the rest.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readStatus } from '../../shared/doc/status-doc.ts';
import { memberRefusals } from '../../shared/protocol/member-access.ts';
import { createSessionReportDoc } from '../../shared/reports/index.ts';
import { openMemoryStore } from '../storage/memory.ts';
import { TestSession, api, eventually, type TestRelay } from '../testing.ts';
import { bulkApprovalRefusals } from './approvals.ts';
import { call, organisation, type SignedInMember as Member } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

async function agency() {
  const store = openMemoryStore();
  const relay = await session.relay({ store });
  const a = await organisation(store, 'Bright Tutors', {
    tutor: { role: 'tutor' },
    reviewer: { role: 'quality-reviewer' },
    coordinator: { role: 'coordinator' },
  });
  const b = await organisation(store, 'Other Agency', {
    tutor: { role: 'tutor' },
    reviewer: { role: 'quality-reviewer' },
  });
  return { store, relay, a, b };
}

const tokenFor = async (relay: TestRelay, who: Member, reportId: string) =>
  (await call(relay, 'GET', `/api/organisation/reports/${reportId}/token`, { cookie: who.cookie })).body
    .token as string;

/** A report registered by `who`, with a learner's name when given, submitted when asked. */
async function report(relay: TestRelay, who: Member, id: string, options: { learner?: string; submit?: boolean } = {}) {
  expect((await call(relay, 'POST', '/api/organisation/reports', { cookie: who.cookie, body: { id } })).status).toBe(
    201,
  );
  const token = await tokenFor(relay, who, id);
  if (options.learner) {
    const author = await session.provider(relay, id, { token });
    createSessionReportDoc(
      author.doc,
      {
        date: '2030-01-07',
        start: '13:00',
        finish: '14:00',
        subject: 'Maths',
        learners: [{ id: 'l1', name: options.learner }],
      },
      'Tom',
    );
    await eventually(async () => {
      const listed = await call(relay, 'GET', '/api/organisation/reports', { cookie: who.cookie });
      expect(listed.body.reports.find((each: { id: string }) => each.id === id)?.title).toBeDefined();
    });
  }
  if (options.submit !== false)
    expect(
      await api(relay, 'POST', `/api/reports/${id}/transitions`, { token, body: { action: 'submit', name: 'Tom' } }),
    ).toMatchObject({ status: 200 });
  return token;
}

const approve = (relay: TestRelay, who: Member, reports: unknown, origin?: string) =>
  call(relay, 'POST', '/api/organisation/approvals', {
    cookie: who.cookie,
    body: { reports },
    ...(origin ? { origin } : {}),
  });

async function decisions(relay: TestRelay, token: string, id: string) {
  const status = await session.provider(relay, `${id}/status`, { token, doc: new Y.Doc() });
  return readStatus(status.doc).history;
}

describe('approving several reports at once', () => {
  it('is for quality reviewers only: a tutor, a coordinator and a stranger are refused, and nothing is approved', async () => {
    const { relay, a } = await agency();
    const token = await report(relay, a.tutor, 'own-1');
    expect(await approve(relay, a.tutor, ['own-1'])).toEqual(
      expect.objectContaining({ status: 403, body: { error: bulkApprovalRefusals.notReviewer('tutor') } }),
    );
    expect(await approve(relay, a.coordinator, ['own-1'])).toMatchObject({
      status: 403,
      body: { error: bulkApprovalRefusals.notReviewer('coordinator') },
    });
    expect(await call(relay, 'POST', '/api/organisation/approvals', { body: { reports: ['own-1'] } })).toMatchObject({
      status: 401,
    });
    // From another site's page, even a reviewer's browser is refused.
    expect(await approve(relay, a.reviewer, ['own-1'], 'https://evil.example')).toMatchObject({ status: 403 });
    expect((await decisions(relay, token, 'own-1')).map((each) => each.action)).toEqual(['submit']);
  });

  it('refuses bad requests with a reason: none marked, too many, the same twice, not ids', async () => {
    const { relay, a } = await agency();
    for (const [reports, words] of [
      [[], 'Mark at least one report to approve.'],
      [Array.from({ length: 101 }, (_, n) => `r-${n}`), 'Approve at most 100 reports at once.'],
      [['same', 'same'], 'Name each report once.'],
      [['not an id!'], 'reports.0'],
    ] as const) {
      const answer = await approve(relay, a.reviewer, reports);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toContain(words);
    }
  });

  it('approves each report it may as its own decision, and names the others with why', async () => {
    const { relay, a, b } = await agency();
    const first = await report(relay, a.tutor, 'batch-1', { learner: 'Gus Hale' });
    const second = await report(relay, a.tutor, 'batch-2');
    await report(relay, a.tutor, 'draft-1', { learner: 'Amy Lee', submit: false });
    const decided = await report(relay, a.tutor, 'done-1', { learner: 'Ben Ray' });
    const reviewerToken = await tokenFor(relay, a.reviewer, 'done-1');
    expect(
      await api(relay, 'POST', '/api/reports/done-1/transitions', {
        token: reviewerToken,
        body: { action: 'approve', name: 'Rita' },
      }),
    ).toMatchObject({ status: 200 });
    const theirs = await report(relay, b.tutor, 'theirs-1', { learner: 'Zed Zane' });

    const answer = await approve(relay, a.reviewer, ['batch-1', 'draft-1', 'theirs-1', 'done-1', 'batch-2', 'nobody']);
    expect(answer.status).toBe(200);
    const outcomes = answer.body.outcomes;
    expect(outcomes.map((each: { id: string; ok: boolean }) => [each.id, each.ok])).toEqual([
      ['batch-1', true],
      ['draft-1', false],
      ['theirs-1', false],
      ['done-1', false],
      ['batch-2', true],
      ['nobody', false],
    ]);
    expect(outcomes[0].name).toContain('Gus Hale');
    expect(outcomes[0].value).toMatchObject({
      status: 'approved',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(outcomes[4]).toMatchObject({ name: 'tutor’s report', value: { status: 'approved' } });
    // Refused by name when the reviewer may read it, with the reason the single path gives.
    // A draft is not the reviewer's to read: refused under its id, its title not told.
    expect(outcomes[1]).toEqual({ id: 'draft-1', name: 'draft-1', ok: false, problem: memberRefusals.notSubmitted });
    expect(JSON.stringify(answer.body)).not.toContain('Amy Lee');
    expect(outcomes[3].name).toContain('Ben Ray');
    expect(outcomes[3].problem).toMatch(/approved/i);
    // Another organisation's report is not named, nor anything told of it.
    expect(outcomes[2]).toEqual({
      id: 'theirs-1',
      name: 'theirs-1',
      ok: false,
      problem: bulkApprovalRefusals.notFound,
    });
    expect(JSON.stringify(answer.body)).not.toContain('Zed Zane');
    expect(outcomes[5]).toMatchObject({ name: 'nobody', problem: bulkApprovalRefusals.notFound });
    // The other organisation's report is untouched.
    expect((await decisions(relay, theirs, 'theirs-1')).map((each) => each.action)).toEqual(['submit']);

    // Each approval is its own decision in its own status room, by the reviewer's account, with its own hash.
    const [one, two] = [await decisions(relay, first, 'batch-1'), await decisions(relay, second, 'batch-2')];
    expect(one.at(-1)).toMatchObject({
      action: 'approve',
      from: 'submitted',
      to: 'approved',
      by: { name: 'reviewer' },
    });
    expect(one.at(-1)!.contentHash).toBe(outcomes[0].value.contentHash);
    expect(two.at(-1)!.contentHash).toBe(outcomes[4].value.contentHash);
    expect(one.at(-1)!.contentHash).not.toBe(two.at(-1)!.contentHash);
    expect((await decisions(relay, decided, 'done-1')).filter((each) => each.action === 'approve')).toHaveLength(1);

    // The audit log has one entry for each approval, by the reviewer.
    const audit = await call(relay, 'GET', '/api/organisation/audit', { cookie: a.admin.cookie });
    const bulk = audit.body.entries.filter(
      (entry: { action: string; detail?: { bulk?: boolean } }) => entry.action === 'decision' && entry.detail?.bulk,
    );
    expect(bulk.map((entry: { subject: string; actor: string }) => [entry.subject, entry.actor])).toEqual([
      ['batch-1', a.reviewer.id],
      ['batch-2', a.reviewer.id],
    ]);
  });

  it('refuses a report the reviewer owns, which the single path would refuse too', async () => {
    const { store, relay, a } = await agency();
    // A tutor who became a quality reviewer still owns what they wrote: they never approve it.
    const token = await report(relay, a.tutor, 'mine-1');
    expect(await store.setRole(a.tutor.id, 'quality-reviewer')).toBe(true);
    const answer = await approve(relay, a.tutor, ['mine-1']);
    expect(answer.status).toBe(200);
    expect(answer.body.outcomes[0]).toMatchObject({ id: 'mine-1', ok: false });
    expect((await decisions(relay, token, 'mine-1')).map((each) => each.action)).toEqual(['submit']);
  });
});
