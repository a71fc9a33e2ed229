// On the home page: how many comments on each listed report are new to this person, so a comment written while
// the report is closed shows on its entry as "1 new comment". One request to the relay answers for every listed
// report this device holds a link for (comment ids, authors and times, never the text), again every few seconds
// while the page is shown; a report the relay does not answer for (no link, offline) counts from this device's copy.
import { createEffect, onCleanup, type Accessor } from 'solid-js';
import { type CountedThread, unreadIds } from '../../../shared/comments/unread.ts';
import { readThreads } from '../../../shared/doc/comments.ts';
import { maxSummaryReports } from '../../../shared/protocol/api.ts';
import { roomAccess } from '../../../shared/protocol/room-access.ts';
import { acquireReportSession } from '../report-session/report-session.ts';
import { accessDb } from '../sync/access-db.ts';
import { relayApi } from '../sync/relay-api.ts';
import { deviceAuthorId } from './author.ts';
import { indexUnread, seenOnThisDevice } from './unread.ts';

/** How often the home page asks the relay again while it is shown. */
export const commentsPollMs = 5000;

export function followCommentsOf(reportIds: Accessor<string[]>): void {
  const me = deviceAuthorId();
  const counted = new Map<string, number>();
  /** This device's copies read once per page: nothing changes them while the home page is open but this tab. */
  const localCopies = new Map<string, Promise<CountedThread[]>>();
  let wanted: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let round = 0;
  let stopped = false;

  async function count(): Promise<void> {
    clearTimeout(timer);
    const mine = ++round;
    const ids = wanted;
    const fromRelay = await askRelay(ids);
    const threads = await Promise.all(ids.map((id) => fromRelay.get(id) ?? localThreads(id, localCopies)));
    if (stopped || mine !== round) return;
    ids.forEach((id, i) => {
      const unread = unreadIds(threads[i]!, seenOnThisDevice(id).load(), me).length;
      if (counted.get(id) !== unread) void indexUnread(id, unread);
      counted.set(id, unread);
    });
    // Offline, or in a hidden tab, the next round waits for the page to be back.
    if (navigator.onLine && document.visibilityState === 'visible') timer = setTimeout(count, commentsPollMs);
  }

  createEffect(() => {
    const ids = [...new Set(reportIds())];
    // The counts written to the index change the list's rows, not which reports it lists.
    if (ids.join() === wanted.join() && round > 0) return;
    wanted = ids;
    void count();
  });
  const again = () => {
    if (document.visibilityState === 'visible') void count();
  };
  window.addEventListener('online', again);
  document.addEventListener('visibilitychange', again);
  onCleanup(() => {
    stopped = true;
    clearTimeout(timer);
    window.removeEventListener('online', again);
    document.removeEventListener('visibilitychange', again);
  });
}

/** The relay's summaries of the reports this device may read the comments of; none when it cannot be reached. */
async function askRelay(ids: string[]): Promise<Map<string, CountedThread[]>> {
  const answered = new Map<string, CountedThread[]>();
  if (!navigator.onLine || ids.length === 0) return answered;
  const links = (await accessDb.links.bulkGet(ids)).filter(
    (link) => link !== undefined && roomAccess(link.role, 'comments', 'draft').ok,
  );
  for (let start = 0; start < links.length; start += maxSummaryReports) {
    const batch = links
      .slice(start, start + maxSummaryReports)
      .map((link) => ({ id: link!.reportId, token: link!.token }));
    try {
      const { reports } = await relayApi.commentSummaries(batch);
      for (const report of reports) if (report.ok) answered.set(report.id, [{ comments: report.value }]);
    } catch {
      return answered;
    }
  }
  return answered;
}

function localThreads(reportId: string, copies: Map<string, Promise<CountedThread[]>>): Promise<CountedThread[]> {
  let copy = copies.get(reportId);
  if (!copy) {
    const { session, release } = acquireReportSession(reportId);
    copy = session.comments.whenLoaded.then(() => readThreads(session.comments.doc)).finally(release);
    copies.set(reportId, copy);
  }
  return copy;
}
