// The relay as `npm start` runs it: configured from the environment, one line on stdout, a clean stop.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openSqliteStore } from './storage/sqlite.ts';
import { TestSession, eventually } from './testing.ts';

const session = new TestSession();
const children: ChildProcess[] = [];
afterEach(async () => {
  children.splice(0).forEach((child) => child.exitCode === null && child.kill('SIGKILL'));
  await session.cleanup();
});

interface StartedMain {
  child: ChildProcess;
  stdout: () => string;
  url: string;
  exited: Promise<number | null>;
}

async function startMain(env: Record<string, string>): Promise<StartedMain> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./main.ts', import.meta.url))], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await eventually(() => {
    if (child.exitCode !== null) throw new Error(`relay exited early:\n${stderr}`);
    const match = /listening on (http:\/\/\S+)/.exec(stdout);
    if (!match) throw new Error(`relay has not started yet:\n${stderr}`);
    return match[1];
  });
  return { child, stdout: () => stdout, url, exited };
}

describe('relay/main.ts', () => {
  it('prints one line with the real port, serves, and saves everything when stopped with SIGTERM', async () => {
    const dataDir = join(session.folder(), 'data');
    const appDir = join(session.folder(), 'missing-app');
    const relay = await startMain({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, APP_DIR: appDir });

    expect(relay.stdout()).toMatch(new RegExp(`^Margin relay listening on http://127\\.0\\.0\\.1:\\d+ \\(data in ${dataDir}\\)\\n$`));
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${relay.url}/`)).status).toBe(503);

    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${relay.url.replace('http', 'ws')}/sync`, 'report-1', doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    await eventually(() => expect(provider.synced).toBe(true));
    doc.getText('body').insert(0, 'Written just before the stop');
    const check = new Y.Doc();
    const checker = new WebsocketProvider(`${relay.url.replace('http', 'ws')}/sync`, 'report-1', check, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    await eventually(() => expect(check.getText('body').toString()).toBe('Written just before the stop'));

    relay.child.kill('SIGTERM');
    expect(await relay.exited).toBe(0);
    provider.destroy();
    checker.destroy();

    const store = openSqliteStore(dataDir);
    const saved = new Y.Doc();
    (await store.load('report-1')).forEach((update) => Y.applyUpdate(saved, update));
    await store.close();
    expect(saved.getText('body').toString()).toBe('Written just before the stop');
  });

  it('stops cleanly on SIGINT', async () => {
    const relay = await startMain({ PORT: '0', DATA_DIR: join(session.folder(), 'data') });
    relay.child.kill('SIGINT');
    expect(await relay.exited).toBe(0);
  });

  it('refuses a PORT that is not a port', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./main.ts', import.meta.url))], {
      env: { ...process.env, PORT: 'eighty', DATA_DIR: join(session.folder(), 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(1);
    expect(stderr).toContain('[relay] PORT must be a whole number from 0 to 65535, not "eighty"');
  });
});
