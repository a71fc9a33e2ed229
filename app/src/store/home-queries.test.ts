import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createIlpDoc, createSessionReportDoc } from '../../../shared/reports/index.ts';
import { db } from './db.ts';
import { loadHome, searchSessions } from './home-queries.ts';
import { indexReport, indexReportStatus } from './report-index.ts';

const ada = { id: 'l1', name: 'Ada Lovelace' };
const ben = { id: 'l2', name: 'Ben Okri' };
const assignment = { id: 'a1', subject: 'Maths', startDate: '2026-11-02', endDate: '2027-01-29' };

async function addSession(
  id: string,
  date: string,
  learners = [ada],
  subject = 'Maths',
  start = '13:00',
  finish = '14:00',
) {
  const doc = new Y.Doc();
  createSessionReportDoc(
    doc,
    { date, start, finish, subject, learners, assignment: { ...assignment, subject } },
    'Grace',
  );
  await indexReport(id, doc);
}

// Monday 23 November 2026, 13:30 where the device is.
const now = new Date(2026, 10, 23, 13, 30);

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe('home page', () => {
  it('groups sessions into today, other days this week, last week and next week, with Monday starting a week', async () => {
    await addSession('sun-before', '2026-11-22');
    await addSession('mon-before', '2026-11-16');
    await addSession('too-early', '2026-11-15');
    await addSession('today', '2026-11-23');
    await addSession('sunday', '2026-11-29');
    await addSession('next-mon', '2026-11-30');
    await addSession('too-late', '2026-12-07');
    const home = await loadHome(now);
    const ids = (group: keyof typeof home.sessions) => home.sessions[group].map((s) => s.reportId);
    expect(ids('today')).toEqual(['today']);
    expect(ids('this-week')).toEqual(['sunday']);
    expect(ids('last-week')).toEqual(['mon-before', 'sun-before']);
    expect(ids('next-week')).toEqual(['next-mon']);
    expect(home.sessions.today[0]).toMatchObject({ learnerNames: ['Ada Lovelace'], subject: 'Maths', status: 'draft' });
  });

  it('lists rejected reports with the reason, sessions without a report once finished, and due reports', async () => {
    await addSession('earlier', '2026-11-16');
    await addSession('finished', '2026-11-23', [ada], 'Maths', '12:00', '13:00');
    await addSession('still-on', '2026-11-23', [ada], 'Maths', '13:00', '14:00');
    await addSession('rejected', '2026-11-17');
    await addSession('done', '2026-11-18');
    await indexReportStatus('rejected', {
      status: 'rejected',
      history: [],
      rejection: { reason: 'Objective 2 is not measurable.' } as never,
    });
    await indexReportStatus('done', { status: 'approved', history: [] });
    const home = await loadHome(now);
    expect(home.pending.map((action) => [action.kind, action.reportId ?? action.assignmentId, action.step])).toEqual([
      ['rejected', 'rejected', 'Amend the report'],
      ['overdue', 'a1', 'Write the plan'],
      ['unreported', 'earlier', 'Write the report'],
      ['unreported', 'finished', 'Write the report'],
    ]);
    expect(home.pending[0]!.detail).toBe('Rejected: Objective 2 is not measurable.');
    expect(home.pending[1]!.detail).toBe('Overdue: it was due on Tue 17 Nov 2026.');
  });

  it('counts the plan as done once submitted', async () => {
    await addSession('first', '2026-11-16');
    await addSession('second', '2026-11-17');
    const plan = new Y.Doc();
    createIlpDoc(plan, { learner: ada, subject: 'Maths', assignmentBrief: '', assignment }, 'Grace');
    await indexReport('plan', plan);
    expect((await loadHome(now)).pending.find((a) => a.about.startsWith('Individual'))).toMatchObject({
      kind: 'overdue',
      step: 'Continue the draft',
      reportId: 'plan',
    });
    await indexReportStatus('plan', { status: 'submitted', history: [] });
    expect((await loadHome(now)).pending.find((a) => a.about.startsWith('Individual'))).toBeUndefined();
  });
});

describe('session search', () => {
  beforeEach(async () => {
    await addSession('a-maths', '2026-10-05', [ada], 'Maths');
    await addSession('a-english', '2026-10-12', [ada], 'English');
    await addSession('group', '2026-10-19', [ada, ben], 'Maths');
    await addSession('b-maths', '2026-11-02', [ben], 'maths');
  });

  const found = async (search: Parameters<typeof searchSessions>[0]) => {
    const result = await searchSessions(search);
    return result.ok ? result.value.sessions.map((s) => s.reportId) : result.problem.message;
  };

  it('finds by learner, subject (its start, any case) and date range, newest first', async () => {
    expect(await found({ learnerId: 'l2' })).toEqual(['b-maths', 'group']);
    expect(await found({ subject: 'MAT' })).toEqual(['b-maths', 'group', 'a-maths']);
    expect(await found({ from: '2026-10-12', to: '2026-10-19' })).toEqual(['group', 'a-english']);
    expect(await found({ learnerId: 'l1', subject: 'maths', to: '2026-10-18' })).toEqual(['a-maths']);
    expect(await found({ learnerId: 'l1', from: '2026-11-01' })).toEqual([]);
  });

  it('says what is wrong with a search it cannot run', async () => {
    expect(await found({})).toBe('Choose a learner, type a subject or give dates to search.');
    expect(await found({ subject: '  ' })).toBe('Choose a learner, type a subject or give dates to search.');
    expect(await found({ from: '2026-11-02', to: '2026-11-01' })).toBe('The "from" date is after the "to" date.');
  });
});
