// The connection from one of a report's Y.Docs to the relay that served this app, with this device's link.
// A 44xx close is a refusal the person should see ("This link has expired"); y-websocket does not retry it.
// A "changes not added" message (y-protocols' permission-denied) says the relay did not take an update.
import * as authProtocol from 'y-protocols/auth';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { syncPath } from '../../../shared/protocol/limits.ts';

export type RelayState =
  | { kind: 'connecting' }
  | { kind: 'connected'; synced: boolean }
  | { kind: 'offline' }
  | { kind: 'refused'; code: number; reason: string };

const messageAuth = 2;

export function relayUrl(location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${syncPath}`;
}

export interface RelayConnectionOptions {
  onState: (state: RelayState) => void;
  /** The relay did not add a change this device sent, and said why. */
  onRefusedChange?: (reason: string) => void;
  /** Who is here and their carets (app/src/collab/presence.ts), shared with the room; y-websocket makes its own otherwise. */
  awareness?: Awareness;
}

export function connectToRelay(
  room: string,
  doc: Y.Doc,
  token: string,
  options: RelayConnectionOptions,
): WebsocketProvider {
  const { onState, onRefusedChange, awareness } = options;
  const provider = new WebsocketProvider(relayUrl(), room, doc, {
    maxBackoffTime: 5000,
    params: { token },
    ...(awareness ? { awareness } : {}),
  });
  provider.messageHandlers[messageAuth] = (_encoder, decoder) =>
    authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => onRefusedChange?.(reason));
  let refused = false;
  const update = () => {
    if (refused) return;
    if (provider.wsconnected) onState({ kind: 'connected', synced: provider.synced });
    // Between y-websocket's retries (the relay out of reach, the network up) it is still waiting to connect, not offline.
    else if (provider.shouldConnect && navigator.onLine) onState({ kind: 'connecting' });
    else onState({ kind: 'offline' });
  };
  provider.on('status', update);
  provider.on('sync', update);
  provider.on('connection-close', (event) => {
    if (event && event.code >= 4400 && event.code < 4500) {
      refused = true;
      onState({
        kind: 'refused',
        code: event.code,
        reason: event.reason || `The relay refused this report (code ${event.code}).`,
      });
    } else update();
  });
  // An open websocket can outlive the network going away; with the browser offline, stop using it, and
  // connect again (sending what was written meanwhile) when it is back.
  const offline = () => {
    provider.disconnect();
    update();
  };
  const online = () => {
    if (!refused) provider.connect();
    update();
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  const destroy = provider.destroy.bind(provider);
  provider.destroy = () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
    destroy();
  };
  update();
  return provider;
}

/** Fetches the relay's copy of a room into a new Y.Doc, once, and disconnects. */
export function fetchRelayCopy(room: string, token: string, timeoutMs = 15_000): Promise<Y.Doc> {
  return new Promise<Y.Doc>((resolve, reject) => {
    const copy = new Y.Doc();
    // Without disableBc this copy would sync with the report's own doc in this tab, not with the relay.
    const provider = new WebsocketProvider(relayUrl(), room, copy, { params: { token }, disableBc: true });
    const finish = (error?: Error) => {
      clearTimeout(timer);
      provider.destroy();
      if (error) reject(error);
      else resolve(copy);
    };
    const timer = setTimeout(
      () => finish(new Error('The relay did not send its copy of the report in time.')),
      timeoutMs,
    );
    provider.once('sync', () => finish());
    provider.on('connection-close', (event) => {
      if (event && event.code >= 4400 && event.code < 4500) finish(new Error(event.reason));
    });
  });
}
