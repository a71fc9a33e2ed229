// The relay's one HTTP server: /healthz, /metrics, the JSON API under /api, websocket sync under
// /sync/<room>, and the built web app for everything else.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { defaultLimits, requestTimeouts } from '../shared/protocol/limits.ts';
import { type CreationRights, handleApi, isApiPath } from './api.ts';
import type { AddressLimit } from './address-limit.ts';
import { serveAppFiles } from './app-files.ts';
import { Tokens } from './auth.ts';
import { alone, type FanOut } from './cluster/fan-out.ts';
import { closeRemovedMembers, joinCluster, reachability } from './cluster/node.ts';
import { AddressCounts, acceptConnection, roomInAddress, unreadMessageBytes, type Limits } from './connection.ts';
import { originAllowed, setSecurityHeaders } from './headers.ts';
import { LiveLinks } from './live-links.ts';
import { createLog, type Log } from './log.ts';
import { type MailSettings, smtpMailer } from './mail.ts';
import { Metrics } from './metrics.ts';
import { ReportDirectory } from './directory/report-directory.ts';
import { Notifier } from './organisations/notifications.ts';
import { handleOrganisationApi, isOrganisationPath, type OrganisationsContext } from './organisations/http.ts';
import { relyingParty } from './organisations/passkeys.ts';
import { Rooms } from './rooms.ts';
import { reportErasure } from './report-erasure.ts';
import { ReportStatuses } from './statuses.ts';
import type { Storage } from './storage/store.ts';
import { Workflow } from './workflow.ts';

export interface RelayConfig {
  host: string;
  /** 0 picks a free port; the running relay reports the real one. */
  port: number;
  /** The built web app (dist/app). */
  appDir: string;
  /** Where documents are kept; the relay closes it when it stops. */
  store: Storage;
  /** The secret tokens are signed with (see auth.ts, loadSecret). */
  secret: Uint8Array;
  /** The other relay nodes sharing the store (relay/cluster/); none by default. The relay closes it when it stops. */
  fanOut?: FanOut;
  /** Compact a room's saved updates into one snapshot once it keeps more than this many. */
  compactAfter?: number;
  limits?: Partial<Limits>;
  log?: Log;
  /**
   * Where people open the app (scheme, host and port, e.g. https://margin.example.org): passkeys are bound to
   * its host. By default http://localhost:<port>.
   */
  publicOrigin?: string;
  /** Who may create reports, and how many an address may create in an hour (api.ts); open, 120 by default. */
  creation?: CreationRights;
  /** Questions about erased reports allowed per address in a window (api.ts); 600 in 10 minutes by default. */
  erasedQuestions?: AddressLimit;
  /** Sign-in attempts allowed per address in a window (organisations/http.ts); 20 in 10 minutes by default. */
  signInLimit?: { attempts: number; perMs: number };
  /** Origins besides the relay's own whose pages may open websockets here (e.g. a second address for the app). */
  allowedOrigins?: readonly string[];
  /** How long to wait for a request's headers, and for a whole request; shared/protocol/limits.ts by default. */
  timeouts?: { headersMs: number; requestMs: number };
  /** How often to look for members removed from a shell who still have connections open; 5 s by default. */
  removedMemberCheckMs?: number;
  /** Where mail goes out (SMTP_URL) and whom it is from (MAIL_FROM); no mail without it. */
  mail?: MailSettings;
}

export interface RunningRelay {
  url: string;
  port: number;
  tokens: Tokens;
  /** Who is told what (organisations/notifications.ts); `idle()` settles once what is under way is stored and mailed. */
  notifier: Notifier;
  /** Stops taking connections, closes the open ones, saves every room and closes the store. */
  close(): Promise<void>;
}

/** How long a stopping relay waits for people's websockets to finish closing before cutting them off. */
const closeGraceMs = 2000;

export async function startRelay(config: RelayConfig): Promise<RunningRelay> {
  const startedAt = Date.now();
  const log = config.log ?? createLog();
  const limits: Limits = { ...defaultLimits, ...config.limits };
  const metrics = new Metrics();
  const tokens = new Tokens(config.secret);
  const fanOut = config.fanOut ?? alone();
  const statuses = new ReportStatuses(config.store);
  const mailer = config.mail ? smtpMailer(config.mail, log) : undefined;
  // The origin is known once the port is (below): read when a notification is made, never before listening.
  let publicOrigin = config.publicOrigin ?? 'http://localhost';
  const directory = new ReportDirectory({ store: config.store, log });
  const notifier = new Notifier({
    store: config.store,
    statuses,
    directory,
    log,
    mailer,
    origin: () => publicOrigin,
  });
  const rooms = new Rooms({
    store: config.store,
    statuses,
    onCommentsWritten: (reportId, comments) => notifier.commented(reportId, comments),
    onContentSaved: (reportId, doc) => directory.contentSaved(reportId, doc),
    compactAfter: config.compactAfter ?? 500,
    fanOut,
    log,
    metrics,
    quotas: { content: limits.contentBytes, comments: limits.commentsBytes },
  });
  const live = new LiveLinks(
    limits.connectionsPerToken,
    (jti) => fanOut.revoked(jti),
    (memberId) => fanOut.memberRemoved(memberId),
    (jti, memberId) => fanOut.linkOwned(jti, memberId),
  );
  joinCluster(fanOut, { statuses, live, store: config.store, log });
  const workflow = new Workflow(
    rooms,
    statuses,
    config.store,
    log,
    (reportId, decision) => notifier.decided(reportId, decision),
    directory,
  );
  const sockets = new WebSocketServer({ noServer: true, maxPayload: unreadMessageBytes });
  const appFiles = serveAppFiles(config.appDir);
  const connectionContext = {
    rooms,
    statuses,
    tokens,
    store: config.store,
    live,
    limits,
    log,
    metrics,
    addresses: new AddressCounts(),
  };
  const https = config.publicOrigin?.startsWith('https:') ?? false;
  const allowedOrigins = [...(config.publicOrigin ? [config.publicOrigin] : []), ...(config.allowedOrigins ?? [])];
  const timeouts = config.timeouts ?? requestTimeouts;
  const apiContext = {
    store: config.store,
    tokens,
    live,
    workflow,
    rooms,
    statuses,
    log,
    ...(config.creation ? { creation: config.creation } : {}),
    ...(config.erasedQuestions ? { erasedQuestions: config.erasedQuestions } : {}),
  };
  // The relying party is known once the port is: filled in after listening, before any request is taken.
  const organisations: OrganisationsContext = {
    store: config.store,
    rp: relyingParty(config.publicOrigin ?? 'http://localhost'),
    secure: https,
    log,
    ...(config.signInLimit ? { signInLimit: config.signInLimit } : {}),
    onMemberRemoved: (memberId) => {
      const closed = live.memberRemoved(memberId);
      log.info({ member: memberId, closed }, 'closed a removed member’s connections');
    },
    onLinkOwned: (jti, owner) => live.linkOwned(jti, owner),
    tokens,
    statuses,
    workflow,
    notifier,
    directory,
    erasure: reportErasure({ rooms, statuses, store: config.store, fanOut }),
  };
  // A member removed from a shell (npm run admin) is told to no relay: their connections are looked for here.
  const removals = setInterval(
    () =>
      void closeRemovedMembers(live, config.store).catch((error: unknown) =>
        log.error(
          { problem: error instanceof Error ? error.message : String(error) },
          'could not look for removed members',
        ),
      ),
    config.removedMemberCheckMs ?? 5000,
  );
  removals.unref();

  const serverOptions = {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    // How often Node looks for requests past those timeouts.
    connectionsCheckingInterval: Math.min(1000, timeouts.headersMs),
  };
  const server = createServer(serverOptions, (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const api = isOrganisationPath(path) || isApiPath(path);
    const app = !api && path !== '/healthz' && path !== '/metrics' && !roomInAddress(path);
    setSecurityHeaders(res, { app, https });
    if (path === '/healthz') {
      void reachability(config.store, fanOut).then(({ storage, fanOut: messages }) => {
        // A node that cannot save is out of service; one that cannot reach Redis still saves (others catch up later).
        const health = {
          ok: storage.reachable,
          rooms: rooms.count,
          connections: sockets.clients.size,
          uptime: Math.floor((Date.now() - startedAt) / 1000),
          storage,
          fanOut: messages,
        };
        res
          .writeHead(storage.reachable ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
          .end(JSON.stringify(health));
      });
    } else if (path === '/metrics') {
      void Promise.all([config.store.size(), reachability(config.store, fanOut)]).then(
        ([storageBytes, reached]) => {
          const text = metrics.render({
            connections: sockets.clients.size,
            rooms: rooms.count,
            storageBytes,
            storageReachable: reached.storage.reachable,
            fanOutReachable: reached.fanOut.reachable,
          });
          res
            .writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' })
            .end(text);
        },
        () =>
          res
            .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
            .end('The relay could not read its storage size\n'),
      );
    } else if (isOrganisationPath(path)) {
      void handleOrganisationApi(organisations, req, res);
    } else if (isApiPath(path)) {
      void handleApi(apiContext, req, res);
    } else if (roomInAddress(path)) {
      res
        .writeHead(426, { Upgrade: 'websocket', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('This address is for websocket sync\n');
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
    const arrival = {
      url,
      from: req.socket.remoteAddress ?? 'unknown',
      originAllowed: originAllowed(req, allowedOrigins),
    };
    sockets.handleUpgrade(req, socket, head, (websocket) =>
      acceptConnection(websocket, arrival, address, connectionContext),
    );
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
  if (!config.publicOrigin) {
    publicOrigin = `http://localhost:${port}`;
    organisations.rp = relyingParty(publicOrigin);
  }

  directory.fillInBackground();

  let closing: Promise<void> | undefined;
  async function close(): Promise<void> {
    clearInterval(removals);
    const stopped = new Promise((resolve) => server.close(resolve));
    await rooms.stop();
    await socketsClosed(sockets);
    server.closeAllConnections();
    await stopped;
    await fanOut.close();
    await notifier.idle();
    await directory.close();
    await mailer?.close();
    await config.store.close();
  }
  return {
    url: `http://${host}:${port}`,
    port,
    tokens,
    notifier,
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
