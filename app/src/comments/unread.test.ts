import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Thread } from '../../../shared/doc/comments.ts';
import { createSessionReportDoc } from '../../../shared/reports/index.ts';
import { sessionItems } from '../store/home-queries.ts';
import { db } from '../store/db.ts';
import { indexReport } from '../store/report-index.ts';
import { indexUnread, unreadIds } from './unread.ts';

const comment = (id: string, author: string, deleted = false) => ({
  id,
  author: { id: author, name: author, role: 'reviewer' as const },
  text: deleted ? '' : 'Hi',
  createdAt: '',
  deleted,
});
const thread = (...comments: ReturnType<typeof comment>[]): Thread => ({
  id: 't',
  field: 'progressComment',
  anchor: { start: {}, end: {} },
  quote: 'words',
  createdAt: '',
  resolved: false,
  comments,
});

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe('unread comments', () => {
  it('are others’ comments, not deleted, not yet seen here', () => {
    const threads = [
      thread(comment('c1', 'rita'), comment('c2', 'me'), comment('c3', 'rita', true)),
      thread(comment('c4', 'rita')),
    ];
    expect(unreadIds(threads, new Set(), 'me')).toEqual(['c1', 'c4']);
    expect(unreadIds(threads, new Set(['c1']), 'me')).toEqual(['c4']);
  });

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
