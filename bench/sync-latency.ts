// How long a keystroke takes to reach a second person through the relay, with SQLite storage
// (every update on disk before it is sent on). The foundation asks for "within a second".
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startRelay } from '../relay/server.ts';
import { openSqliteStore } from '../relay/storage/sqlite.ts';

const keystrokes = 300;

function connect(url: string, room: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace('http', 'ws')}/sync`, room, doc, {
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    params: { token },
  });
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return { doc, provider, synced };
}

export async function syncLatency(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'margin-bench-'));
  const relay = await startRelay({
    host: '127.0.0.1',
    port: 0,
    appDir: dataDir,
    store: openSqliteStore(dataDir),
    secret: randomBytes(32),
  });
  const { token } = await relay.tokens.mint('benchReport', 'tutor', 3600);
  const tutor = connect(relay.url, 'benchReport', token);
  const mentor = connect(relay.url, 'benchReport', token);
  await Promise.all([tutor.synced, mentor.synced]);
  const text = tutor.doc.getText('progressComment');
  const seen = mentor.doc.getText('progressComment');
  const samples: number[] = [];
  for (let i = 0; i < keystrokes; i++) {
    const arrived = new Promise<void>((resolve) => {
      const observe = () => {
        if (seen.length === i + 1) {
          seen.unobserve(observe);
          resolve();
        }
      };
      seen.observe(observe);
    });
    const started = performance.now();
    text.insert(i, 'a');
    await arrived;
    samples.push(performance.now() - started);
  }
  tutor.provider.destroy();
  mentor.provider.destroy();
  // The docs too: each provider's awareness timer stops only with its doc, and would keep the process alive.
  tutor.doc.destroy();
  mentor.doc.destroy();
  await relay.close();
  rmSync(dataDir, { recursive: true, force: true });
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(2);
  return `keystroke to second peer through the relay (SQLite, ${keystrokes} keystrokes): median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
}
