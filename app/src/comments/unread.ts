// Which comments are new to this device's person: comments by others (not deleted) whose ids this device has
// not marked as seen. Seen ids are kept per report in localStorage; the count is copied to the report's row in
// the device index so the home page can show it.
import { db } from '../store/db.ts';

const seenKey = (reportId: string) => `margin-comments-seen-${reportId}`;

export function loadSeen(reportId: string): Set<string> {
  try {
    const stored = JSON.parse(localStorage.getItem(seenKey(reportId)) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveSeen(reportId: string, seen: Set<string>): void {
  localStorage.setItem(seenKey(reportId), JSON.stringify([...seen]));
}

/** What counting needs of a thread: its comments' ids and authors (the relay's summaries give no more). */
export interface CountedThread {
  comments: { id: string; author: { id: string }; deleted?: boolean }[];
}

/** The ids of comments in these threads that others wrote and this device has not shown as read. */
export function unreadIds(threads: CountedThread[], seen: Set<string>, me: string): string[] {
  return threads.flatMap((thread) =>
    thread.comments.filter((c) => !c.deleted && c.author.id !== me && !seen.has(c.id)).map((c) => c.id),
  );
}

/** Records the count on the report's index row (the home page lists it); a report not indexed here is left alone. */
export async function indexUnread(reportId: string, count: number): Promise<void> {
  await db.reports.update(reportId, { unreadComments: count });
}
