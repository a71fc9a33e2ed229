// What the relay's tests share: relays on free loopback ports (with a test secret and a log kept in memory),
// tokens, y-websocket providers and raw websockets connected to them, and the clean-up of everything a test started.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { vi } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Role } from '../shared/protocol/roles.ts';
import { fileURLToPath } from 'node:url';
import { Tokens } from './auth.ts';
import { memoryLog } from './log.ts';
import { startRelay, type RelayConfig, type RunningRelay } from './server.ts';
import { openMemoryStore } from './storage/memory.ts';

export const testSecretText = 'margin-test-secret-that-is-long-enough-1234';
export const testSecret = new TextEncoder().encode(testSecretText);

export interface TestRelay extends RunningRelay {
  /** Everything the relay logged, one object per line. */
  logged: ReturnType<typeof memoryLog>;
}

export interface RawSocket {
  socket: WebSocket;
  /** Every binary message the relay sent, in order. */
  received: Uint8Array[];
  /** Settles with the close code and reason once the connection has closed. */
  closed: Promise<{ code: number; reason: string }>;
}

/** A relay to connect to: in this process (with its own tokens) or in a process of its own (signing with the test secret). */
export type Target = { port: number; tokens?: Tokens };

export interface ConnectOptions {
  doc?: Y.Doc;
  role?: Role;
  /** A token to use instead of a fresh one for the room's report and `role`. */
  token?: string;
  /** Every message the relay sends the provider is added here, byte for byte. */
  received?: Uint8Array[];
}

/** A websocket class that keeps every message it receives, for tests that inspect the bytes on the wire. */
function recordingWebSocket(received: Uint8Array[]) {
  return class RecordingWebSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      this.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
    }
  };
}

/** Calls the relay's HTTP API; the body is parsed JSON. */
export async function api(
  relay: { port: number },
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the relay answered
): Promise<{ status: number; body: any; contentType: string | null }> {
  const response = await fetch(`http://127.0.0.1:${relay.port}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  return { status: response.status, body: await response.json(), contentType: response.headers.get('content-type') };
}

/** The reasons of every "permission denied" message (y-protocols auth) the relay sent. */
export function deniedReasons(messages: Uint8Array[]): string[] {
  return messages.flatMap((message) => {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== 2 || decoding.readVarUint(decoder) !== 0) return [];
    return [decoding.readVarString(decoder)];
  });
}

/** Waits for a condition without assuming how fast the machine is. */
export function eventually<T>(check: () => T): Promise<T> {
  return vi.waitFor(check, { timeout: 15_000, interval: 10 });
}

export const reportOf = (room: string) => room.split('/')[0];

/** Tokens as a relay started with RELAY_SECRET=testSecretText signs them. */
export const testTokens = new Tokens(testSecret);

/** The messages of a relay's JSON log lines (and any line that is not JSON, as it is). */
export function logMessages(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      try {
        return String(JSON.parse(line).msg);
      } catch {
        return line;
      }
    });
}

/** relay/main.ts running in a process of its own, as `npm start` runs it. */
export interface RelayProcess {
  child: ChildProcess;
  url: string;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

export class TestSession {
  private readonly relays: RunningRelay[] = [];
  private readonly providers: WebsocketProvider[] = [];
  private readonly sockets: WebSocket[] = [];
  private readonly folders: string[] = [];
  private readonly children: ChildProcess[] = [];

  /** Starts relay/main.ts with RELAY_SECRET=testSecretText and `env`; resolves once it says where it listens. */
  async process(env: Record<string, string>): Promise<RelayProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./main.ts', import.meta.url))], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        RELAY_SECRET: testSecretText,
        APP_DIR: join(this.folder(), 'no-app'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', () => {
        const match = /listening on (http:\/\/\S+)/.exec(stdout);
        if (match) resolve(match[1]);
      });
      void exited.then((code) => reject(new Error(`relay exited with ${code}: ${logMessages(stderr).join('; ')}`)));
    });
    return { child, url, port: Number(new URL(url).port), stdout: () => stdout, stderr: () => stderr, exited };
  }

  folder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'margin-relay-test-'));
    this.folders.push(dir);
    return dir;
  }

  async relay(config: Partial<RelayConfig> = {}): Promise<TestRelay> {
    const logged = memoryLog();
    const relay = await startRelay({
      host: '127.0.0.1',
      port: 0,
      appDir: join(this.folder(), 'no-app'),
      store: openMemoryStore(),
      secret: testSecret,
      log: logged.log,
      ...config,
    });
    this.relays.push(relay);
    return Object.assign(relay, { logged });
  }

  /** A token for a room's report, signed as the relay signs them. */
  async token(relay: Target, room: string, role: Role = 'tutor', ttlSeconds = 3600): Promise<string> {
    return (await (relay.tokens ?? testTokens).mint(reportOf(room), role, ttlSeconds)).token;
  }

  /** A y-websocket provider the way the app makes one, just started. */
  async connecting(relay: Target, room: string, options: ConnectOptions = {}): Promise<WebsocketProvider> {
    const token = options.token ?? (await this.token(relay, room, options.role));
    const provider = new WebsocketProvider(`ws://127.0.0.1:${relay.port}/sync`, room, options.doc ?? new Y.Doc(), {
      WebSocketPolyfill: (options.received
        ? recordingWebSocket(options.received)
        : WebSocket) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token },
    });
    this.providers.push(provider);
    return provider;
  }

  /** A y-websocket provider synced with the relay. */
  async provider(relay: Target, room: string, options: ConnectOptions = {}): Promise<WebsocketProvider> {
    const provider = await this.connecting(relay, room, options);
    await eventually(() => {
      if (!provider.synced) throw new Error(`provider for ${room} has not synced`);
    });
    return provider;
  }

  /** A bare websocket, for sending what no provider would. Resolves once it is open. */
  async socket(relay: Target, path: string, options: { origin?: string } = {}): Promise<RawSocket> {
    const socket = new WebSocket(`ws://127.0.0.1:${relay.port}${path}`, options);
    this.sockets.push(socket);
    const received: Uint8Array[] = [];
    socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    // Once open, how the connection ends is told by `closed`; a reset while sending is not a test failure.
    socket.on('error', () => {});
    return { socket, received, closed };
  }

  /** A bare websocket to a room with a token for it. */
  async roomSocket(relay: Target, room: string, role: Role = 'tutor'): Promise<RawSocket> {
    return this.socket(relay, `/sync/${room}?token=${await this.token(relay, room, role)}`);
  }

  async cleanup(): Promise<void> {
    this.providers.splice(0).forEach((provider) => provider.destroy());
    await Promise.all(
      this.children.splice(0).map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }),
    );
    this.sockets.splice(0).forEach((socket) => socket.terminate());
    await Promise.all(this.relays.splice(0).map((relay) => relay.close()));
    this.folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  }
}
