// A report's comments document (`<id>/comments`): kept on this device by y-indexeddb, so comments can be
// read and written offline, and shared through the relay with the same link as the report's content.
import { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { roomName } from '../../../shared/protocol/rooms.ts';
import { connectToRelay, type RelayState } from '../sync/relay-connection.ts';

export const commentsDatabaseName = (reportId: string) => `margin-comments-${reportId}`;

export interface CommentsDoc {
  doc: Y.Doc;
  /** Resolves once this device's saved comments are loaded. */
  whenLoaded: Promise<unknown>;
  /** Follows the relay's copy with this device's link (again, with a new one). */
  connect(token: string, onState?: (state: RelayState) => void): void;
  destroy(): void;
}

export function openCommentsDoc(reportId: string): CommentsDoc {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(commentsDatabaseName(reportId), doc);
  let provider: WebsocketProvider | undefined;
  return {
    doc,
    whenLoaded: persistence.whenSynced,
    connect(token, onState = () => {}) {
      provider?.destroy();
      provider = connectToRelay(roomName(reportId, 'comments'), doc, token, { onState });
    },
    destroy() {
      provider?.destroy();
      void persistence.destroy();
      doc.destroy();
    },
  };
}
