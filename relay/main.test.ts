// The relay as `npm start` runs it: configured from the environment, one line on stdout, JSON logs on stderr,
// a clean stop.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openSqliteStore } from './storage/sqlite.ts';
import { TestSession, eventually, testTokens } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

async function connect(url: string, room: string, doc = new Y.Doc()): Promise<WebsocketProvider> {
  const { token } = await testTokens.mint(room.split('/')[0], 'tutor', 3600);
  return new WebsocketProvider(`${url.replace('http', 'ws')}/sync`, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  });
}

describe('relay/main.ts', () => {
  it('prints one line with the real port, serves, and saves everything when stopped with SIGTERM', async () => {
    const dataDir = join(session.folder(), 'data');
    const relay = await session.process({ DATA_DIR: dataDir });

    expect(relay.stdout()).toMatch(
      new RegExp(`^Margin relay listening on http://127\\.0\\.0\\.1:\\d+ \\(data in ${dataDir}\\)\\n$`),
    );
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${relay.url}/`)).status).toBe(503);

    const writer = await connect(relay.url, 'report-1');
    await eventually(() => expect(writer.synced).toBe(true));
    writer.doc.getText('body').insert(0, 'Written just before the stop');
    const checker = await connect(relay.url, 'report-1');
    await eventually(() => expect(checker.doc.getText('body').toString()).toBe('Written just before the stop'));

    relay.child.kill('SIGTERM');
    expect(await relay.exited).toBe(0);
    writer.destroy();
    checker.destroy();

    const store = openSqliteStore(dataDir);
    const saved = new Y.Doc();
    (await store.load('report-1')).forEach((update) => Y.applyUpdate(saved, update));
    await store.close();
    expect(saved.getText('body').toString()).toBe('Written just before the stop');
    const logged = relay
      .stderr()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(logged).toContainEqual(expect.objectContaining({ msg: 'listening', service: 'margin-relay' }));
    expect(logged).toContainEqual(
      expect.objectContaining({ msg: 'saving open rooms and stopping', signal: 'SIGTERM' }),
    );
  });

  it('stops cleanly on SIGINT', async () => {
    const relay = await session.process({ DATA_DIR: join(session.folder(), 'data') });
    relay.child.kill('SIGINT');
    expect(await relay.exited).toBe(0);
  });

  it.each([
    ['PORT', 'eighty', 'PORT must be a whole number from 0 to 65535, not "eighty"'],
    ['LIMIT_MESSAGES_PER_SECOND', '-5', 'LIMIT_MESSAGES_PER_SECOND must be a whole number from 1 to 1000000, not "-5"'],
    ['RELAY_SECRET', 'short', 'RELAY_SECRET must be at least 32 characters'],
  ])('refuses to start with a %s of %s, and says why', async (name, value, message) => {
    await expect(session.process({ DATA_DIR: join(session.folder(), 'data'), [name]: value })).rejects.toThrow(message);
  });
});
