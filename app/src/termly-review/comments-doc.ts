// A report's comments document (`<id>/comments`), where a termly review keeps the teacher's part: saved on this
// device (IndexedDB 'margin-comments-<id>', with the keystroke journal in front of it, as reports are) and shared
// through the relay with this device's link.
import { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { roomName } from '../../../shared/protocol/rooms.ts';
import { DocJournal } from '../store/journal.ts';
import { connectToRelay } from '../sync/relay-connection.ts';

export interface CommentsDoc {
  doc: Y.Doc;
  connect(token: string): void;
  destroy(): void;
}

export function openComments(reportId: string): CommentsDoc {
  const doc = new Y.Doc();
  const name = `margin-comments-${reportId}`;
  const persistence = new IndexeddbPersistence(name, doc);
  const journal = new DocJournal(name, doc, () => persistence.db, persistence);
  let closed = false;
  void persistence.whenSynced.then(() => closed || journal.recover());
  let provider: WebsocketProvider | undefined;
  return {
    doc,
    connect(token) {
      if (provider) return;
      provider = connectToRelay(roomName(reportId, 'comments'), doc, token, { onState: () => {} });
    },
    destroy() {
      closed = true;
      provider?.destroy();
      journal.destroy();
      void persistence.destroy();
      doc.destroy();
    },
  };
}
