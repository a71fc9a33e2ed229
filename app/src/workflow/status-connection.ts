// A report's status document (`<id>/status`, written by the relay alone): kept on this device too, so the
// report shows read-only offline once it is submitted, and followed live through the relay.
import { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { history, readStatus, type StatusView } from '../../../shared/doc/status-doc.ts';
import { roomName } from '../../../shared/protocol/rooms.ts';
import { connectToRelay, type RelayState } from '../sync/relay-connection.ts';

export const statusDatabaseName = (reportId: string) => `margin-status-${reportId}`;

export interface StatusWatch {
  /** Follows the relay's copy with this device's link. */
  connect(token: string, onState?: (state: RelayState) => void): void;
  destroy(): void;
}

export function watchStatus(reportId: string, onView: (view: StatusView) => void): StatusWatch {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(statusDatabaseName(reportId), doc);
  let provider: WebsocketProvider | undefined;
  const refresh = () => onView(readStatus(doc));
  history(doc).observe(refresh);
  void persistence.whenSynced.then(refresh);
  return {
    connect(token, onState = () => {}) {
      provider?.destroy();
      provider = connectToRelay(roomName(reportId, 'status'), doc, token, { onState });
    },
    destroy() {
      provider?.destroy();
      void persistence.destroy();
      doc.destroy();
    },
  };
}
