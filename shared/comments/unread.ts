// Which comments are new to this device's person: comments by others, not deleted, that this device has not
// shown them. Where the ids of comments shown are kept is the caller's (the app keeps them per report in
// localStorage); this module decides what counts.
import type { Thread } from '../doc/comments.ts';

/** What counting needs of a thread: its comments' ids and authors (the relay's summaries give no more). */
export interface CountedThread {
  comments: readonly { id: string; author: { id: string }; deleted?: boolean }[];
}

/** The ids of comments in these threads that others wrote and this device has not shown as read. */
export function unreadIds(threads: readonly CountedThread[], seen: ReadonlySet<string>, me: string): string[] {
  return threads.flatMap((thread) =>
    thread.comments.filter((c) => !c.deleted && c.author.id !== me && !seen.has(c.id)).map((c) => c.id),
  );
}

/** Where the ids of comments shown on this device are kept. */
export interface SeenComments {
  load(): ReadonlySet<string>;
  save(seen: ReadonlySet<string>): void;
}

export type UnreadTracker = ReturnType<typeof createUnreadTracker>;

/** What one person has read of one report's comments on this device. */
export function createUnreadTracker(seenComments: SeenComments, me: string) {
  let seen = seenComments.load();
  return {
    unread: (threads: readonly Thread[]) => unreadIds(threads, seen, me),
    /** Marks comments as read; false, and nothing saved, when every one of them already was. */
    markRead(ids: Iterable<string>): boolean {
      const next = new Set(seen);
      for (const id of ids) next.add(id);
      if (next.size === seen.size) return false;
      seen = next;
      seenComments.save(seen);
      return true;
    },
  };
}
