// The learner progress overview over real HTTP with session cookies, its reports written over real websockets: each
// learner's scores against targets, attendance and their tutor's last checklist, falling behind first; filters; and
// every refusal (a tutor, a quality reviewer, a client contact, signed out, bad filters), and another organisation's
// administrator sees none of these learners.
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { fields } from '../../shared/doc/layout.ts';
import {
  attendance,
  createProgressReportDoc,
  createProgressReviewDoc,
  createSessionReportDoc,
  ratings,
} from '../../shared/reports/index.ts';
import { addDays, localDate } from '../../shared/workflow/calendar.ts';
import { openMemoryStore } from '../storage/memory.ts';
import { TestSession, eventually, type TestRelay } from '../testing.ts';
import { call, organisation, type SignedInMember as Member } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

const today = localDate(new Date());
const gus = { id: 'l1', name: 'Gus Hale' };
const amy = { id: 'l2', name: 'Amy Lee' };
const overview = (relay: TestRelay, who: Member | undefined, query = '') =>
  call(relay, 'GET', `/api/organisation/progress${query}`, who ? { cookie: who.cookie } : {});

/** A report registered by `who` and written over a websocket by `write`. */
async function write(relay: TestRelay, who: Member, id: string, fill: (doc: Y.Doc) => void) {
  expect((await call(relay, 'POST', '/api/organisation/reports', { cookie: who.cookie, body: { id } })).status).toBe(
    201,
  );
  const token = (await call(relay, 'GET', `/api/organisation/reports/${id}/token`, { cookie: who.cookie })).body.token;
  const author = await session.provider(relay, id, { token });
  fill(author.doc);
}

const progressReport = (date: string, score: number, target: number) => (doc: Y.Doc) => {
  createProgressReportDoc(doc, { learner: gus, subject: 'Maths', final: false, previous: {}, date }, 'Tom');
  fields(doc).set('updatedScore', score);
  fields(doc).set('newTarget', target);
};

const sessionReport = (date: string, codes: Record<string, string>) => (doc: Y.Doc) => {
  createSessionReportDoc(doc, { date, start: '13:00', finish: '14:00', subject: 'Maths', learners: [gus, amy] }, 'Tom');
  for (const [learner, code] of Object.entries(codes)) attendance(doc).set(learner, { code: code as 'Present' });
};

async function agency() {
  const store = openMemoryStore();
  const relay = await session.relay({ store });
  const a = await organisation(store, 'Bright Tutors', {
    tutor: { role: 'tutor' },
    reviewer: { role: 'quality-reviewer' },
    coordinator: { role: 'coordinator' },
    contact: { role: 'client-contact', clientId: 'oak' },
  });
  const b = await organisation(store, 'Other Agency', { tutor: { role: 'tutor' } });
  await write(relay, a.tutor, 'pr-1', progressReport(addDays(today, -30), 40, 60));
  await write(relay, a.tutor, 'pr-2', progressReport(addDays(today, -2), 50, 65));
  await write(relay, a.tutor, 's-1', sessionReport(addDays(today, -10), { l1: 'Present', l2: 'Present' }));
  await write(relay, a.tutor, 's-2', sessionReport(addDays(today, -3), { l1: 'Absent', l2: 'Late' }));
  await write(relay, a.tutor, 's-3', sessionReport(addDays(today, -1), { l1: 'Absent', l2: 'Tutor Cancellation' }));
  await write(relay, a.tutor, 'check', (doc) => {
    createProgressReviewDoc(doc, { title: 'Maths team', date: addDays(today, -5) }, 'Tom');
    ratings(doc).set('learners-1', 'Strong');
    ratings(doc).set('teachers-6', 'Superficial');
  });
  return { relay, a, b };
}

describe('learner progress overview', () => {
  it('gives a manager each learner’s scores against targets, attendance and checklist, falling behind first', async () => {
    const { relay, a } = await agency();
    const answer = await eventually(async () => {
      const got = await overview(relay, a.admin);
      expect(got.body.learners?.[0]?.attendance.missed).toBe(2);
      expect(got.body.learners[0].checklist).toBeDefined();
      return got;
    });
    expect(answer.status).toBe(200);
    expect(answer.body.today).toBe(today);
    const [first, second] = answer.body.learners;
    expect(first).toMatchObject({
      learner: 'Gus Hale',
      tutors: ['tutor'],
      latestScore: 50,
      target: 65,
      lastProgressReport: addDays(today, -2),
      attendance: { attended: 1, missed: 2, notCounted: 0, rate: 1 / 3 },
      checklist: {
        reportId: 'check',
        title: 'Maths team',
        tutor: 'tutor',
        rated: 2,
        weak: [{ statement: 'Sets homework with detailed feedback.', strength: 'Superficial' }],
      },
      fallingBehind: true,
      reasons: [
        'Latest score 50 is 10 points below the target of 60 (more than 5 points short).',
        'Attended 1 of 3 sessions (33%), under 85%.',
      ],
    });
    expect(first.scores.map((point: { reportId: string; kind: string }) => [point.reportId, point.kind])).toEqual([
      ['pr-1', 'Progress report'],
      ['pr-2', 'Progress report'],
    ]);
    expect(second).toMatchObject({
      learner: 'Amy Lee',
      fallingBehind: false,
      reasons: [],
      attendance: { attended: 2, missed: 0, notCounted: 1, rate: 1 },
    });

    // Filters: falling behind only, a learner's name, a tutor.
    expect(
      (await overview(relay, a.admin, '?behind=1')).body.learners.map((row: { learner: string }) => row.learner),
    ).toEqual(['Gus Hale']);
    expect(
      (await overview(relay, a.coordinator, '?learner=amy')).body.learners.map(
        (row: { learner: string }) => row.learner,
      ),
    ).toEqual(['Amy Lee']);
    expect((await overview(relay, a.admin, `?tutor=${a.tutor.id}`)).body.learners).toHaveLength(2);
    expect((await overview(relay, a.admin, `?tutor=${a.reviewer.id}`)).body.learners).toEqual([]);
  });

  it('is refused to tutors, quality reviewers, client contacts and the signed out, and bad filters are named', async () => {
    const { relay, a, b } = await agency();
    for (const [who, words] of [
      [a.tutor, 'as a tutor it is not yours'],
      [a.reviewer, 'as a quality reviewer it is not yours'],
      [a.contact, 'as a client contact it is not yours'],
    ] as const) {
      const refused = await overview(relay, who);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toContain(words);
    }
    expect(await overview(relay, undefined)).toMatchObject({ status: 401, body: { error: 'Sign in first.' } });
    expect(await overview(relay, a.admin, '?tutor=Tom')).toMatchObject({
      status: 400,
      body: { error: 'A tutor is named by their member id.' },
    });
    expect((await overview(relay, a.admin, '?behind=yes')).status).toBe(400);
    expect((await overview(relay, a.admin, `?learner=${'x'.repeat(81)}`)).status).toBe(400);
    expect((await call(relay, 'POST', '/api/organisation/progress', { cookie: a.admin.cookie, body: {} })).status).toBe(
      405,
    );
    // Another organisation's administrator sees their own organisation's learners only: none.
    await eventually(async () => expect((await overview(relay, a.admin)).body.learners).toHaveLength(2));
    expect(await overview(relay, b.admin)).toMatchObject({ status: 200, body: { learners: [] } });
  });
});
