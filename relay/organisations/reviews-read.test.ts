// Marking several termly reviews read at once, tried over real HTTP and real websockets as someone breaking the rules
// would: only an appropriate body's reviewer may (not a quality reviewer, a tutor or the school's coordinator); a body
// the school is not linked to learns nothing of its reviews; a review not yet signed by both is refused with the
// reason while the signed ones are marked read, each its own `mark-reviewed` decision in the reviewer's name.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readStatus } from '../../shared/doc/status-doc.ts';
import { setFragmentText } from '../../shared/doc/text-fragment.ts';
import { memberRefusals } from '../../shared/protocol/member-access.ts';
import { confirmFacts, teacherComments } from '../../shared/reports/termly-review/doc.ts';
import { fillTermlyReview } from '../../shared/reports/termly-review/example.ts';
import { termlyReviewHash } from '../../shared/reports/termly-review/signed-content.ts';
import { newSigningKeys, signHash } from '../../shared/signatures/signature.ts';
import { openMemoryStore } from '../storage/memory.ts';
import { TestSession, api, eventually, type TestRelay } from '../testing.ts';
import { bulkApprovalRefusals } from './approvals.ts';
import { call, organisation, type SignedInMember } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

async function schoolAndBodies() {
  const store = openMemoryStore();
  const relay = await session.relay({ store });
  const school = await organisation(
    store,
    'Oak School',
    {
      'Tom Tutor': { role: 'tutor' },
      'Sam Patel': { role: 'early-career-teacher' },
      'Cora Coordinator': { role: 'coordinator' },
    },
    'school',
  );
  const agency = await organisation(store, 'Bright Tutors', { 'Rosa Reviewer': { role: 'quality-reviewer' } });
  const north = await organisation(
    store,
    'North Body',
    { 'Abe Body': { role: 'appropriate-body-reviewer' } },
    'appropriate-body',
  );
  const south = await organisation(
    store,
    'South Body',
    { 'Sue South': { role: 'appropriate-body-reviewer' } },
    'appropriate-body',
  );
  await store.linkOrganisations(north.organisationId, school.organisationId);
  return {
    relay,
    tom: school['Tom Tutor'],
    sam: school['Sam Patel'],
    cora: school['Cora Coordinator'],
    rosa: agency['Rosa Reviewer'],
    abe: north['Abe Body'],
    sue: south['Sue South'],
  };
}

const memberToken = async (relay: TestRelay, who: SignedInMember, reportId: string) => {
  const answer = await call(relay, 'GET', `/api/organisation/reports/${reportId}/token`, { cookie: who.cookie });
  expect(answer.status).toBe(200);
  return answer.body.token as string;
};

const decide = (relay: TestRelay, reportId: string, token: string, body: Record<string, unknown>) =>
  api(relay, 'POST', `/api/reports/${reportId}/transitions`, { token, body: { name: 'Someone', ...body } });

/** A document of a room as the relay holds it once `local`'s changes have arrived. */
async function synced(relay: TestRelay, room: string, token: string, local?: Y.Doc) {
  const doc = (await session.provider(relay, room, { token })).doc;
  if (local) await eventually(() => expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(local)));
  return doc;
}

/** Tom's review of Sam, finished; signed by Sam and then Tom (so with the appropriate body) unless `signed` is false. */
async function review(relay: TestRelay, tom: SignedInMember, sam: SignedInMember, id: string, signed = true) {
  expect((await call(relay, 'POST', '/api/organisation/reports', { cookie: tom.cookie, body: { id } })).status).toBe(
    201,
  );
  const own = await memberToken(relay, tom, id);
  const content = await synced(relay, id, own);
  await fillTermlyReview(content, { onTrack: true });
  await synced(relay, id, own, content);
  const finished = await decide(relay, id, own, { action: 'finish' });
  expect(finished.status).toBe(200);
  const named = await call(relay, 'PUT', `/api/organisation/reports/${id}/teacher`, {
    cookie: tom.cookie,
    body: { teacherId: sam.id },
  });
  expect(named.status).toBe(200);
  if (!signed) return;
  const samsToken = await memberToken(relay, sam, id);
  const samsContent = await synced(relay, id, samsToken, content);
  const notes = await synced(relay, `${id}/comments`, samsToken);
  confirmFacts(notes, 'Sam Patel', finished.body.decision.at);
  setFragmentText(teacherComments(notes), 'This reflects our discussions.');
  const tomsNotes = await synced(relay, `${id}/comments`, own, notes);
  const sign = async (a: Y.Doc, b: Y.Doc) => signHash(await newSigningKeys(), await termlyReviewHash(a, b));
  expect(
    await decide(relay, id, samsToken, { action: 'teacher-sign', signature: await sign(samsContent, notes) }),
  ).toMatchObject({ status: 200 });
  expect(
    await decide(relay, id, await memberToken(relay, tom, id), {
      action: 'tutor-sign',
      signature: await sign(content, tomsNotes),
    }),
  ).toMatchObject({ status: 200, body: { status: 'with-reviewer' } });
}

const markRead = (relay: TestRelay, who: SignedInMember, reports: unknown) =>
  call(relay, 'POST', '/api/organisation/reviews/read', { cookie: who.cookie, body: { reports } });

const statusOf = async (relay: TestRelay, who: SignedInMember, id: string) =>
  (await call(relay, 'GET', '/api/organisation/reports', { cookie: who.cookie })).body.reports.find(
    (each: { id: string }) => each.id === id,
  )?.status;

describe('marking several termly reviews read at once', () => {
  it('is for an appropriate body’s reviewers only: a quality reviewer, the tutor and the coordinator are refused', async () => {
    const { relay, tom, sam, cora, rosa, abe } = await schoolAndBodies();
    await review(relay, tom, sam, 'signed-1');
    for (const [who, label] of [
      [rosa, 'a quality reviewer'],
      [tom, 'a tutor'],
      [cora, 'a coordinator'],
    ] as const) {
      const answer = await markRead(relay, who, ['signed-1']);
      expect(answer.status).toBe(403);
      expect(answer.body.error).toContain(`as ${label} you cannot mark them read`);
    }
    expect(await statusOf(relay, abe, 'signed-1')).toBe('with-reviewer');
    // Without a session, nobody.
    expect(
      (await call(relay, 'POST', '/api/organisation/reviews/read', { body: { reports: ['signed-1'] } })).status,
    ).toBe(401);
    // Bad requests are refused whole, with the reason.
    for (const [reports, problem] of [
      [[], 'Mark at least one report to mark read.'],
      [Array.from({ length: 101 }, (_, n) => `r-${n}`), 'Mark read at most 100 reports at once.'],
      [['signed-1', 'signed-1'], 'Name each report once.'],
    ] as const) {
      const answer = await markRead(relay, abe, reports);
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain(problem);
    }
    expect(await statusOf(relay, abe, 'signed-1')).toBe('with-reviewer');
  });

  it('marks the signed reviews read, each its own decision, refuses one not yet signed with why, and an unlinked body gets nothing', async () => {
    const { relay, tom, sam, abe, sue } = await schoolAndBodies();
    await review(relay, tom, sam, 'signed-1');
    await review(relay, tom, sam, 'signed-2');
    await review(relay, tom, sam, 'unsigned', false);

    // The list gives the overview what it draws: the teacher named in the review and its due date.
    const listed = (await call(relay, 'GET', '/api/organisation/reports', { cookie: abe.cookie })).body.reports;
    expect(listed.map((each: { id: string }) => each.id).sort()).toEqual(['signed-1', 'signed-2']);
    expect(listed[0]).toMatchObject({ named: ['Sam Patel'], date: '2025-12-19', kind: 'Termly progress review' });

    // South Body is not linked to the school: each review is refused by its id, and nothing more of it is said.
    const stranger = await markRead(relay, sue, ['signed-1', 'signed-2']);
    expect(stranger).toMatchObject({
      status: 200,
      body: {
        outcomes: [
          { id: 'signed-1', name: 'signed-1', ok: false, problem: bulkApprovalRefusals.notFound },
          { id: 'signed-2', name: 'signed-2', ok: false, problem: bulkApprovalRefusals.notFound },
        ],
      },
    });
    expect(await statusOf(relay, abe, 'signed-1')).toBe('with-reviewer');

    const answer = await markRead(relay, abe, ['signed-1', 'unsigned', 'nobodys', 'signed-2']);
    expect(answer.status).toBe(200);
    const [one, unsigned, nobodys, two] = answer.body.outcomes;
    expect(one).toMatchObject({ id: 'signed-1', ok: true, value: { status: 'reviewed' } });
    expect(two).toMatchObject({ id: 'signed-2', ok: true, value: { status: 'reviewed' } });
    expect(one.name).toContain('Sam Patel');
    expect(one.value.contentHash).toMatch(/^\S+$/);
    expect(unsigned).toEqual({ id: 'unsigned', name: 'unsigned', ok: false, problem: memberRefusals.notYetSigned });
    expect(nobodys).toEqual({ id: 'nobodys', name: 'nobodys', ok: false, problem: bulkApprovalRefusals.notFound });

    // Each is its own decision in the status room, in Abe's name as his membership says.
    for (const id of ['signed-1', 'signed-2']) {
      const status = await session.provider(relay, `${id}/status`, {
        token: await memberToken(relay, abe, id),
        doc: new Y.Doc(),
      });
      await eventually(() =>
        expect(readStatus(status.doc).history.at(-1)).toMatchObject({
          action: 'mark-reviewed',
          from: 'with-reviewer',
          to: 'reviewed',
          by: { name: 'Abe Body', role: 'reviewer', memberId: abe.id },
        }),
      );
    }
    expect(await statusOf(relay, tom, 'unsigned')).toBe('teacher-to-comment');

    // Marked read already: asking again is refused with the workflow's reason, and nothing changes.
    const again = await markRead(relay, abe, ['signed-1']);
    expect(again.body.outcomes[0]).toMatchObject({ id: 'signed-1', ok: false });
    expect(again.body.outcomes[0].problem).toBeTruthy();
    expect(await statusOf(relay, abe, 'signed-1')).toBe('reviewed');
  });
});
