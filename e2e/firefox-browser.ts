// A real Firefox with the extension's Firefox build, for e2e/extension-firefox.spec.ts. Playwright drives only its own
// patched Firefox, which cannot load extensions, so this starts the system's Firefox (140 or later: FIREFOX_PATH, or
// where scripts/ensure-firefox.mjs finds or installs it) with WebDriver BiDi switched on (--remote-debugging-port) and
// speaks BiDi to it over a websocket: a session, webExtension.install (as about:debugging's temporary add-on),
// browsingContext.navigate and script.evaluate in the page.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

export const firefoxExtensionDir = fileURLToPath(new URL('../.output/firefox-mv3', import.meta.url));

export function firefoxExecutable(): string | undefined {
  return [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(
    (path): path is string => !!path && existsSync(path),
  );
}

export interface FirefoxWithExtension {
  /** Opens the address in the first tab and waits for it to load. */
  open(url: string): Promise<void>;
  /** Runs a script in the page and gives back its value (a string, a number or a boolean). */
  evaluate<T extends string | number | boolean>(expression: string): Promise<T>;
  close(): Promise<void>;
}

type BiDiReply =
  | { id: number; type: 'success'; result: Record<string, unknown> }
  | { id: number; type: 'error'; error: string; message: string };

export async function launchFirefoxWithExtension(extensionDir = firefoxExtensionDir): Promise<FirefoxWithExtension> {
  const executable = firefoxExecutable();
  if (!executable) throw new Error('No Firefox: run node scripts/ensure-firefox.mjs, or set FIREFOX_PATH.');
  const profile = await mkdtemp(join(tmpdir(), 'margin-firefox-'));
  const port = await freePort();
  const firefox = spawn(
    executable,
    ['--headless', '--no-remote', '--profile', profile, `--remote-debugging-port=${port}`, 'about:blank'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stop = async () => {
    firefox.kill();
    await rm(profile, { recursive: true, force: true });
  };
  try {
    await listening(firefox);
    const socket = new WebSocket(`ws://127.0.0.1:${port}/session`);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const send = bidi(socket);
    await send('session.new', { capabilities: {} });
    await send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });
    const { contexts } = (await send('browsingContext.getTree', {})) as { contexts: { context: string }[] };
    const context = contexts[0]!.context;
    return {
      open: async (url) => void (await send('browsingContext.navigate', { context, url, wait: 'complete' })),
      evaluate: async <T>(expression: string) => {
        const evaluated = (await send('script.evaluate', { expression, target: { context }, awaitPromise: true })) as {
          type: 'success' | 'exception';
          result?: { value?: T };
          exceptionDetails?: { text: string };
        };
        if (evaluated.type === 'exception') throw new Error(`In Firefox: ${evaluated.exceptionDetails?.text}`);
        return evaluated.result?.value as T;
      },
      close: async () => {
        socket.close();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function bidi(socket: WebSocket) {
  let nextId = 0;
  const waiting = new Map<number, (reply: BiDiReply) => void>();
  socket.on('message', (data) => {
    const reply = JSON.parse(String(data)) as BiDiReply;
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  return (method: string, params: object) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, (reply) =>
        reply.type === 'success' ? resolve(reply.result) : reject(new Error(`${method}: ${reply.message}`)),
      );
      socket.send(JSON.stringify({ id, method, params }));
    });
}

/** Resolves once Firefox says BiDi is listening; rejects if it exits first or takes over a minute. */
function listening(firefox: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start within a minute:\n${said}`)), 60_000);
    const heard = (chunk: Buffer) => {
      said += chunk;
      if (said.includes('WebDriver BiDi listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    firefox.stdout?.on('data', heard);
    firefox.stderr?.on('data', heard);
    firefox.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox stopped (${code}) before it could be driven:\n${said}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}
