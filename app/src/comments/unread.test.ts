import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSessionReportDoc } from '../../../shared/reports/index.ts';
import { sessionItems } from '../store/home-queries.ts';
import { db } from '../store/db.ts';
import { indexReport } from '../store/report-index.ts';
import { indexUnread } from './unread.ts';

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe('unread comments on this device', () => {
  it('are counted on the report’s index row, which reindexing the content keeps, and the home page lists', async () => {
    const doc = new Y.Doc();
    createSessionReportDoc(
      doc,
      { date: '2026-11-05', start: '13:00', finish: '14:00', subject: 'Maths', learners: [{ id: 'l1', name: 'Ada' }] },
      'Grace',
      new Date(),
    );
    await indexReport('s1', doc);
    await indexUnread('s1', 3);
    await indexReport('s1', doc);
    expect(await db.reports.get('s1')).toMatchObject({ unreadComments: 3 });
    expect(await sessionItems([(await db.sessions.get('s1'))!])).toMatchObject([{ reportId: 's1', unreadComments: 3 }]);
    await indexUnread('unknown-report', 2);
    expect(await db.reports.get('unknown-report')).toBeUndefined();
  });
});
