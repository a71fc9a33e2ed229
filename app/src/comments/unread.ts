// Where this device keeps what its person has read of a report's comments (shared/comments/unread.ts decides
// what is new): the ids of comments shown, per report in localStorage, and the count of new ones on the
// report's row in the device index, so the home page can show it.
import type { SeenComments } from '../../../shared/comments/unread.ts';
import { db } from '../store/db.ts';

const seenKey = (reportId: string) => `margin-comments-seen-${reportId}`;

export function seenOnThisDevice(reportId: string): SeenComments {
  return {
    load() {
      try {
        const stored = JSON.parse(localStorage.getItem(seenKey(reportId)) ?? '[]');
        return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []);
      } catch {
        return new Set();
      }
    },
    save(seen) {
      localStorage.setItem(seenKey(reportId), JSON.stringify([...seen]));
    },
  };
}

/** Records the count on the report's index row (the home page lists it); a report not indexed here is left alone. */
export async function indexUnread(reportId: string, count: number): Promise<void> {
  await db.reports.update(reportId, { unreadComments: count });
}
