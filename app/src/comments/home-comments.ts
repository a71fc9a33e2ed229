// On the home page: follows the comments of the reports it lists (those this device holds a link for, up to
// a limit), so a comment written while the report is closed shows on its entry as "1 new comment".
import { createEffect, onCleanup, type Accessor } from 'solid-js';
import { unreadIds } from '../../../shared/comments/unread.ts';
import { readThreads } from '../../../shared/doc/comments.ts';
import { powers } from '../../../shared/protocol/roles.ts';
import { heldLink } from '../sync/report-access.ts';
import { deviceAuthorId } from './author.ts';
import { openCommentsDoc } from './comments-doc.ts';
import { indexUnread, seenOnThisDevice } from './unread.ts';

/** How many reports' comments the home page follows at once (each is one websocket). */
export const followedReportsLimit = 30;

export function followCommentsOf(reportIds: Accessor<string[]>): void {
  const followed = new Map<string, () => void>();
  createEffect(() => {
    const wanted = new Set([...new Set(reportIds())].slice(0, followedReportsLimit));
    for (const [id, stop] of followed) {
      if (wanted.has(id)) continue;
      stop();
      followed.delete(id);
    }
    for (const id of wanted) if (!followed.has(id)) followed.set(id, countUnread(id));
  });
  onCleanup(() => followed.forEach((stop) => stop()));
}

function countUnread(reportId: string): () => void {
  const comments = openCommentsDoc(reportId);
  const me = deviceAuthorId();
  let loaded = false;
  let last: number | undefined;
  const count = () => {
    if (!loaded) return;
    const unread = unreadIds(readThreads(comments.doc), seenOnThisDevice(reportId).load(), me).length;
    if (unread !== last) void indexUnread(reportId, unread);
    last = unread;
  };
  comments.doc.on('update', count);
  void comments.whenLoaded.then(() => {
    loaded = true;
    count();
  });
  let stopped = false;
  void heldLink(reportId).then((link) => {
    if (!stopped && link && powers[link.role].readContent !== 'approved') comments.connect(link.token);
  });
  return () => {
    stopped = true;
    comments.destroy();
  };
}
