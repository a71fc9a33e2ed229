// One of a report's side rooms (`<id>/comments`, `<id>/status`) on this device: its Y.Doc kept in IndexedDB (the
// comments with the keystroke journal in front, as the content is, so a comment typed just before the tab closes
// is kept) and followed through the relay with this device's link, over one connection.
import { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import { createSignal, type Accessor } from 'solid-js';
import * as Y from 'yjs';
import { roomName } from '../../../shared/protocol/rooms.ts';
import { DocJournal } from '../store/journal.ts';
import { reportDatabaseName } from './databases.ts';
import { connectToRelay, type RelayState } from './relay-connection.ts';

export interface SharedRoom {
  readonly doc: Y.Doc;
  /** Resolves once this device's saved copy is loaded. */
  readonly whenLoaded: Promise<unknown>;
  /** The connection to the relay: offline until connected. */
  readonly relay: Accessor<RelayState>;
  /** Follows the relay's copy with this link; the same link again keeps the connection there is. */
  connect(token: string): void;
  destroy(): void;
}

export function openSharedRoom(reportId: string, kind: 'comments' | 'status'): SharedRoom {
  const doc = new Y.Doc();
  const name = reportDatabaseName(reportId, kind);
  const persistence = new IndexeddbPersistence(name, doc);
  // The status room is written by the relay alone: nothing typed here to keep.
  const journal = kind === 'comments' ? new DocJournal(name, doc, () => persistence.db, persistence) : undefined;
  const [relay, setRelay] = createSignal<RelayState>({ kind: 'offline' });
  let closed = false;
  let provider: WebsocketProvider | undefined;
  let connectedWith: string | undefined;
  const whenLoaded = persistence.whenSynced.then(() => {
    if (!closed) journal?.recover();
  });
  return {
    doc,
    whenLoaded,
    relay,
    connect(token) {
      if (closed || token === connectedWith) return;
      provider?.destroy();
      connectedWith = token;
      provider = connectToRelay(roomName(reportId, kind), doc, token, { onState: setRelay });
    },
    destroy() {
      closed = true;
      provider?.destroy();
      journal?.destroy();
      void persistence.destroy();
      doc.destroy();
    },
  };
}
