import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fields } from '../../../shared/doc/index.ts';
import { createIlpDoc, createProgressReportDoc, createSessionReportDoc } from '../../../shared/reports/index.ts';
import { db, MarginDatabase } from './db.ts';
import { latestEarlierReport } from './new-report.ts';
import { indexReport, indexReportStatus } from './report-index.ts';

const ada = { id: 'l1', name: 'Ada Lovelace' };
const assignment = { id: 'a1', subject: 'Maths', startDate: '2026-11-02', endDate: '2027-01-29' };

function session(date: string): Y.Doc {
  const doc = new Y.Doc();
  createSessionReportDoc(
    doc,
    { date, start: '13:00', finish: '14:00', subject: 'Maths', learners: [ada], assignment },
    'Grace',
    new Date(`${date}T15:00:00Z`),
  );
  return doc;
}

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe('report index', () => {
  it('indexes a session with its learner, and learns its assignment from the report', async () => {
    await indexReport('s1', session('2026-11-05'));
    expect(await db.learners.get('l1')).toMatchObject({ name: 'Ada Lovelace' });
    expect(await db.sessions.get('s1')).toMatchObject({ date: '2026-11-05', subjectKey: 'maths', assignmentId: 'a1' });
    expect(await db.reports.get('s1')).toMatchObject({
      type: 'session-report',
      title: 'Session report: Ada Lovelace: Maths, Thu 5 Nov 2026',
      status: 'draft',
      learnerIds: ['l1'],
      assignmentId: 'a1',
    });
    expect(await db.assignments.get('a1')).toMatchObject({
      subject: 'Maths',
      learnerIds: ['l1'],
      firstSessionDate: '2026-11-05',
    });
  });

  it('keeps the assignment’s first and second session dates as sessions are added', async () => {
    await indexReport('s2', session('2026-11-10'));
    await indexReport('s1', session('2026-11-05'));
    await indexReport('s3', session('2026-11-03'));
    expect(await db.assignments.get('a1')).toMatchObject({
      firstSessionDate: '2026-11-03',
      secondSessionDate: '2026-11-05',
    });
  });

  it('keeps a status learnt before or after the content, with the reviewer’s reason', async () => {
    await indexReportStatus('s1', {
      status: 'rejected',
      history: [],
      rejection: { reason: 'Objective 1 is vague.' } as never,
    });
    await indexReport('s1', session('2026-11-05'));
    expect(await db.reports.get('s1')).toMatchObject({ status: 'rejected', rejectionReason: 'Objective 1 is vague.' });
    await indexReportStatus('s1', { status: 'resubmitted', history: [] });
    await indexReport('s1', session('2026-11-05'));
    const row = await db.reports.get('s1');
    expect(row?.status).toBe('resubmitted');
    expect(row).not.toHaveProperty('rejectionReason');
  });

  it('ignores a document that is not a report', async () => {
    await indexReport('x', new Y.Doc());
    expect(await db.reports.count()).toBe(0);
  });

  it('finds the report a progress report is written against, with its score, target and plan', async () => {
    const plan = new Y.Doc();
    createIlpDoc(
      plan,
      { learner: ada, subject: 'Maths', assignmentBrief: '', assignment },
      'G',
      new Date('2026-11-04T10:00:00Z'),
    );
    fields(plan).set('assessmentScore', 40);
    fields(plan).set('target', 50);
    await indexReport('p1', plan);
    const first = new Y.Doc();
    createProgressReportDoc(
      first,
      { learner: ada, subject: 'Maths', final: false, previous: {}, assignment },
      'G',
      new Date('2026-12-15T10:00:00Z'),
    );
    fields(first).set('updatedScore', 52);
    fields(first).set('newTarget', 62);
    await indexReport('r1', first);
    expect(await latestEarlierReport('a1', 'l1')).toMatchObject({ id: 'r1', score: 52, target: 62 });
    expect(await latestEarlierReport('a1', 'l1', '2026-12-15T10:00:00.000Z')).toMatchObject({
      id: 'p1',
      score: 40,
      target: 50,
    });
    expect(await latestEarlierReport('a1', 'someone-else')).toBeUndefined();
  });
});

describe('database upgrade', () => {
  it('keeps every version 1 row and fills in what version 2 indexes', async () => {
    const name = 'margin-upgrade-test';
    const old = new Dexie(name);
    old.version(1).stores({
      learners: 'id, name',
      sessions: 'id, date, reportId, *learnerIds',
      reports: 'id, sessionDate, updatedAt',
      profile: 'key',
      quarantine: '++id, database',
    });
    await old.table('learners').add({ id: 'l1', name: 'Ada', createdAt: '2026-01-01T00:00:00Z' });
    await old.table('sessions').add({
      id: 's1',
      reportId: 's1',
      learnerIds: ['l1'],
      date: '2026-01-05',
      start: '10:00',
      finish: '11:00',
      subject: 'English Language',
    });
    await old.table('reports').add({
      id: 's1',
      type: 'session-report',
      title: 'Session report: Ada, 2026-01-05',
      learnerNames: ['Ada'],
      sessionDate: '2026-01-05',
      status: 'draft',
      updatedAt: '2026-01-05T12:00:00Z',
    });
    await old.table('profile').add({ key: 'me', name: 'Grace' });
    old.close();

    const upgraded = new MarginDatabase(name);
    expect(await upgraded.profile.get('me')).toEqual({ key: 'me', name: 'Grace' });
    expect(await upgraded.learners.count()).toBe(1);
    expect(await upgraded.sessions.where('subjectKey').startsWith('english').count()).toBe(1);
    expect(await upgraded.reports.get('s1')).toMatchObject({
      learnerIds: ['l1'],
      createdAt: '2026-01-05T12:00:00Z',
      status: 'draft',
    });
    expect(
      await upgraded.reports
        .where('[type+status+sessionDate]')
        .equals(['session-report', 'draft', '2026-01-05'])
        .count(),
    ).toBe(1);
    upgraded.close();
  });
});
