import { describe, expect, it } from 'vitest';
import type { Thread } from '../doc/comments.ts';
import { createUnreadTracker, unreadIds } from './unread.ts';

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

describe('unread comments', () => {
  const threads = [
    thread(comment('c1', 'rita'), comment('c2', 'me'), comment('c3', 'rita', true)),
    thread(comment('c4', 'rita')),
  ];

  it('are others’ comments, not deleted, not yet seen here', () => {
    expect(unreadIds(threads, new Set(), 'me')).toEqual(['c1', 'c4']);
    expect(unreadIds(threads, new Set(['c1']), 'me')).toEqual(['c4']);
  });

  it('start from the ids kept on this device, and marking read keeps the new ids there, once', () => {
    const saved: string[][] = [];
    const tracker = createUnreadTracker({ load: () => new Set(['c1']), save: (seen) => saved.push([...seen]) }, 'me');
    expect(tracker.unread(threads)).toEqual(['c4']);
    expect(tracker.markRead(['c4'])).toBe(true);
    expect(tracker.unread(threads)).toEqual([]);
    expect(saved).toEqual([['c1', 'c4']]);
    expect(tracker.markRead(['c1', 'c4'])).toBe(false);
    expect(tracker.markRead([])).toBe(false);
    expect(saved).toHaveLength(1);
    // A comment arriving later is new again.
    expect(tracker.unread([...threads, thread(comment('c5', 'tom'))])).toEqual(['c5']);
  });
});
