// What the relay's tests share: relays on free loopback ports, y-websocket providers and raw websockets
// connected to them, and the clean-up of everything a test started.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startRelay, type RelayConfig, type RunningRelay } from './server.ts';
import { openMemoryStore } from './storage/memory.ts';

export interface RawSocket {
  socket: WebSocket;
  /** Every binary message the relay sent, in order. */
  received: Uint8Array[];
  /** Settles with the close code and reason once the connection has closed. */
  closed: Promise<{ code: number; reason: string }>;
}

/** Waits for a condition without assuming how fast the machine is. */
export function eventually<T>(check: () => T): Promise<T> {
  return vi.waitFor(check, { timeout: 15_000, interval: 10 });
}

export class TestSession {
  private readonly relays: RunningRelay[] = [];
  private readonly providers: WebsocketProvider[] = [];
  private readonly sockets: WebSocket[] = [];
  private readonly folders: string[] = [];

  folder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'margin-relay-test-'));
    this.folders.push(dir);
    return dir;
  }

  async relay(config: Partial<RelayConfig> = {}): Promise<RunningRelay> {
    const relay = await startRelay({
      host: '127.0.0.1',
      port: 0,
      appDir: join(this.folder(), 'no-app'),
      store: openMemoryStore(),
      ...config,
    });
    this.relays.push(relay);
    return relay;
  }

  /** A y-websocket provider the way the app makes one, just started. */
  connecting(relay: RunningRelay, room: string, doc = new Y.Doc()): WebsocketProvider {
    const provider = new WebsocketProvider(`ws://127.0.0.1:${relay.port}/sync`, room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token: 'not-checked-yet' },
    });
    this.providers.push(provider);
    return provider;
  }

  /** A y-websocket provider synced with the relay. */
  async provider(relay: RunningRelay, room: string, doc = new Y.Doc()): Promise<WebsocketProvider> {
    const provider = this.connecting(relay, room, doc);
    await eventually(() => {
      if (!provider.synced) throw new Error(`provider for ${room} has not synced`);
    });
    return provider;
  }

  /** A bare websocket, for sending what no provider would. Resolves once it is open. */
  async socket(relay: RunningRelay, path: string): Promise<RawSocket> {
    const socket = new WebSocket(`ws://127.0.0.1:${relay.port}${path}`);
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

  async cleanup(): Promise<void> {
    this.providers.splice(0).forEach((provider) => provider.destroy());
    this.sockets.splice(0).forEach((socket) => socket.terminate());
    await Promise.all(this.relays.splice(0).map((relay) => relay.close()));
    this.folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  }
}
