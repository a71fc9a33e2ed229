// A websocket connection to ws://HOST:PORT/sync/<room>?token=...: checks the address, the token and every
// frame, then hands the messages to the room. A refusal always comes after the upgrade, as a 44xx close with a
// reason, because y-websocket keeps retrying a refused upgrade but stops on 4400-4499. Messages that arrive
// while the token is being checked wait, in order.
import type { RawData, WebSocket } from 'ws';
import {
  closeCodes,
  type defaultLimits,
  maxMessageBytes,
  reconnectCodes,
  syncPath,
} from '../shared/protocol/limits.ts';
import { parseRoomName, type RoomParse } from '../shared/protocol/rooms.ts';
import { fail } from '../shared/result.ts';
import { checkAccess, type Tokens } from './auth.ts';
import type { LiveLinks } from './live-links.ts';
import type { Log } from './log.ts';
import type { Metrics } from './metrics.ts';
import { Peer } from './peer.ts';
import type { Room } from './room.ts';
import type { Rooms } from './rooms.ts';
import type { ReportStatuses } from './statuses.ts';
import type { Storage } from './storage/store.ts';

/**
 * Past this the websocket layer drops a message unread and closes with 1009 (it cannot send a reason of ours).
 * Between maxMessageBytes and this, the relay reads the size and closes with 4413 and a reason the app can show.
 */
export const unreadMessageBytes = 4 * maxMessageBytes;

/** The limits a relay runs with: shared/protocol/limits.ts has the defaults and what each means. */
export type Limits = { [Name in keyof typeof defaultLimits]: number };

export interface ConnectionContext {
  rooms: Rooms;
  statuses: ReportStatuses;
  tokens: Tokens;
  store: Storage;
  live: LiveLinks;
  limits: Limits;
  log: Log;
  metrics: Metrics;
  /** Open connections by network address. */
  addresses: AddressCounts;
}

/** The room a request's address names: the rest of the path after /sync/, URL-decoded; undefined if not a sync address. */
export function roomInAddress(url: string): RoomParse | undefined {
  const path = url.split('?')[0];
  if (path !== syncPath && !path.startsWith(`${syncPath}/`)) return undefined;
  try {
    return parseRoomName(decodeURIComponent(path.slice(syncPath.length + 1)));
  } catch {
    return fail('The report room in this address is not valid URL encoding');
  }
}

function tokenInAddress(url: string): string | null {
  return new URLSearchParams(url.split('?')[1] ?? '').get('token');
}

/** Counts open connections per network address, to refuse one address past its limit. */
export class AddressCounts {
  private readonly open = new Map<string, number>();

  /** Counts a new connection from `address`; false (and not counted) when the address is at `limit` already. */
  add(address: string, limit: number): boolean {
    const count = this.open.get(address) ?? 0;
    if (count >= limit) return false;
    this.open.set(address, count + 1);
    return true;
  }

  remove(address: string): void {
    const count = (this.open.get(address) ?? 1) - 1;
    if (count > 0) this.open.set(address, count);
    else this.open.delete(address);
  }
}

export interface Arrival {
  /** The request's address (path and query). */
  url: string;
  /** The network address it came from. */
  from: string;
  /** Whether the page that opened it is the relay's own, or one it was told to allow (or no page: another program). */
  originAllowed: boolean;
}

export function acceptConnection(
  socket: WebSocket,
  arrival: Arrival,
  address: RoomParse,
  context: ConnectionContext,
): void {
  const { limits, log, metrics } = context;
  // Only a room name that reads as one is logged: anything else in the path (a token, say) never reaches a log line.
  const peer = new Peer(address.ok ? address.value.name : '(not a room)', socket, {
    log,
    metrics,
    bufferedBytes: limits.bufferedBytes,
  });
  if (!context.addresses.add(arrival.from, limits.connectionsPerAddress)) {
    return peer.close(
      closeCodes.tooManyConnections,
      `Too many connections from this network address (the relay takes ${limits.connectionsPerAddress}). Close some tabs and reload.`,
    );
  }
  socket.once('close', () => context.addresses.remove(arrival.from));
  if (!arrival.originAllowed) {
    return peer.close(
      closeCodes.foreignOrigin,
      'This page is not one of the relay’s own, so it may not open reports here. Open Margin at its own address.',
    );
  }
  if (!address.ok) return peer.close(closeCodes.badRoom, address.problem, 'the address names no report room');
  const url = arrival.url;

  // A connection that goes quiet is closed: the app sends its presence every 15 s, so silence means it has gone.
  let heardAt = performance.now();
  const silentMs = limits.silentSeconds * 1000;
  const listening = setInterval(
    () => {
      if (performance.now() - heardAt < silentMs) return;
      peer.close(
        reconnectCodes.silent,
        `Nothing arrived on this connection for ${limits.silentSeconds} s; reconnecting`,
      );
      socket.terminate();
    },
    Math.max(250, silentMs / 4),
  );
  listening.unref();
  socket.once('close', () => clearInterval(listening));

  let room: Room | undefined;
  const waiting: Uint8Array[] = [];
  const rate = new MessageRate(limits.messagesPerSecond);
  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (peer.ended) return;
    heardAt = performance.now();
    const bytes = asBytes(data);
    metrics.received(bytes.length);
    if (!rate.allows()) {
      return peer.close(
        closeCodes.tooManyMessages,
        `This connection sent more than ${limits.messagesPerSecond} messages a second. Reload to connect again.`,
      );
    }
    if (!isBinary) return peer.refuseMalformed('a text message (sync messages are binary)');
    if (bytes.length > maxMessageBytes) return peer.close(closeCodes.messageTooLarge, tooLargeReason(bytes.length));
    if (room) room.receive(peer, bytes);
    else waiting.push(bytes);
  });
  socket.on('close', () => {
    peer.ended = true;
    room?.leave(peer);
    context.live.remove(peer);
  });
  socket.on('error', (error: Error & { code?: string }) => {
    peer.ended = true;
    const what =
      error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? `a message over ${unreadMessageBytes} bytes` : error.message;
    log.warn({ room: peer.room, problem: what }, 'connection ended by the websocket layer');
  });

  void admit(peer, tokenInAddress(url), address.value, context)
    .then((joined) => {
      room = joined;
      if (room) waiting.splice(0).forEach((bytes) => room!.receive(peer, bytes));
    })
    .catch((error: unknown) => {
      log.error(
        { room: peer.room, problem: error instanceof Error ? error.message : String(error) },
        'could not check a connection',
      );
      peer.close(1011, 'The relay could not check this link; it will try again');
    });
}

/** Checks the token and the role's access to the room, then joins it; undefined when refused. */
async function admit(
  peer: Peer,
  token: string | null,
  address: Extract<RoomParse, { ok: true }>['value'],
  context: ConnectionContext,
): Promise<Room | undefined> {
  const check = await checkAccess(context.tokens, context.store, token, address.reportId);
  if (peer.ended) return undefined;
  if (!check.ok) {
    peer.close(check.problem.code, check.problem.reason);
    return undefined;
  }
  peer.access = check.value;
  await context.statuses.load(address.reportId);
  if (peer.ended || !context.live.add(peer)) return undefined;
  const room = context.rooms.join(address, peer);
  if (!room) context.live.remove(peer);
  return room;
}

/** A token bucket: `perSecond` on average, bursts of up to twice that. */
class MessageRate {
  private tokens: number;
  private last = performance.now();

  constructor(private readonly perSecond: number) {
    this.tokens = perSecond * 2;
  }

  allows(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.perSecond * 2, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens--;
    return true;
  }
}

function asBytes(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

function tooLargeReason(bytes: number): string {
  const megabytes = (count: number) => (count / 1024 / 1024).toFixed(1);
  return `This change is too large to sync (${megabytes(bytes)} MB; the relay takes up to ${megabytes(maxMessageBytes)} MB at once)`;
}
