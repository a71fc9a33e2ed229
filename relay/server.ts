// The relay's one HTTP server: /healthz, websocket sync under /sync/<room>, and the built web app for
// everything else.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { serveAppFiles } from './app-files.ts';
import { acceptConnection, roomInAddress, unreadMessageBytes } from './connection.ts';
import { Rooms } from './rooms.ts';
import type { DocumentStore } from './storage/store.ts';

export interface RelayConfig {
  host: string;
  /** 0 picks a free port; the running relay reports the real one. */
  port: number;
  /** The built web app (dist/app). */
  appDir: string;
  /** Where documents are kept; the relay closes it when it stops. */
  store: DocumentStore;
  /** Compact a room's saved updates into one snapshot once it keeps more than this many. */
  compactAfter?: number;
}

export interface RunningRelay {
  url: string;
  port: number;
  /** Stops taking connections, closes the open ones, saves every room and closes the store. */
  close(): Promise<void>;
}

/** How long a stopping relay waits for people's websockets to finish closing before cutting them off. */
const closeGraceMs = 2000;

export async function startRelay(config: RelayConfig): Promise<RunningRelay> {
  const startedAt = Date.now();
  const rooms = new Rooms({ store: config.store, compactAfter: config.compactAfter ?? 500 });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: unreadMessageBytes });
  const appFiles = serveAppFiles(config.appDir);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      const health = { ok: true, rooms: rooms.count, connections: sockets.clients.size, uptime: Math.floor((Date.now() - startedAt) / 1000) };
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(health));
    } else if (roomInAddress(path)) {
      res.writeHead(426, { Upgrade: 'websocket', 'Content-Type': 'text/plain; charset=utf-8' }).end('This address is for websocket sync\n');
    } else {
      appFiles(req, res);
    }
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = req.url ?? '/';
    const address = roomInAddress(url);
    if (!address) {
      // Node drops its own error listener from an upgrading socket; without one a reset here would crash the relay.
      socket.on('error', () => socket.destroy());
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (websocket) => acceptConnection(websocket, url, address, rooms));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  let closing: Promise<void> | undefined;
  async function close(): Promise<void> {
    const stopped = new Promise((resolve) => server.close(resolve));
    await rooms.stop();
    await socketsClosed(sockets);
    server.closeAllConnections();
    await stopped;
    await config.store.close();
  }
  return {
    url: `http://${host}:${port}`,
    port,
    close: () => (closing ??= close()),
  };
}

/** Waits for close handshakes already under way, then cuts off any socket that has not answered. */
async function socketsClosed(sockets: WebSocketServer): Promise<void> {
  const closing = [...sockets.clients].map((socket) => new Promise((resolve) => socket.once('close', resolve)));
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, closeGraceMs)));
  await Promise.race([Promise.all(closing), grace]);
  clearTimeout(timer);
  sockets.clients.forEach((socket) => socket.terminate());
  await new Promise((resolve) => sockets.close(resolve));
}
