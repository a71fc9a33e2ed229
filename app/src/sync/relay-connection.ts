// The connection from a report's Y.Doc to the relay that served this app.
import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { syncPath } from '../../../shared/protocol/limits.ts';

export type RelayState =
  | { kind: 'connecting' }
  | { kind: 'connected'; synced: boolean }
  | { kind: 'offline' }
  | { kind: 'refused'; reason: string };

export function relayUrl(location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${syncPath}`;
}

export function connectToRelay(room: string, doc: Y.Doc, onState: (state: RelayState) => void): WebsocketProvider {
  const provider = new WebsocketProvider(relayUrl(), room, doc, { maxBackoffTime: 5000 });
  const update = () => {
    if (provider.wsconnected) onState({ kind: 'connected', synced: provider.synced });
    else if (provider.wsconnecting && navigator.onLine) onState({ kind: 'connecting' });
    else onState({ kind: 'offline' });
  };
  provider.on('status', update);
  provider.on('sync', update);
  provider.on('connection-close', (event) => {
    if (event && event.code >= 4400 && event.code < 4500) {
      onState({ kind: 'refused', reason: event.reason || `The relay refused this report (code ${event.code}).` });
    } else update();
  });
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  const destroy = provider.destroy.bind(provider);
  provider.destroy = () => {
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
    destroy();
  };
  update();
  return provider;
}
