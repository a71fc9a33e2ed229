// A report's comments document (`<id>/comments`), where a termly review keeps the teacher's part: saved on this
// device (IndexedDB 'margin-comments-<id>') and shared through the relay with this device's link.
import { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { roomName } from '../../../shared/protocol/rooms.ts';
import { connectToRelay } from '../sync/relay-connection.ts';

export interface CommentsDoc {
  doc: Y.Doc;
  connect(token: string): void;
  destroy(): void;
}

export function openComments(reportId: string): CommentsDoc {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(`margin-comments-${reportId}`, doc);
  let provider: WebsocketProvider | undefined;
  return {
    doc,
    connect(token) {
      if (provider) return;
      provider = connectToRelay(roomName(reportId, 'comments'), doc, token, { onState: () => {} });
    },
    destroy() {
      provider?.destroy();
      void persistence.destroy();
      doc.destroy();
    },
  };
}
