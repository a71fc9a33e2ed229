// A websocket connection to ws://HOST:PORT/sync/<room>?token=...: checks the address, the token and every
// frame, then hands the messages to the room. A refusal always comes after the upgrade, as a 44xx close with a
// reason, because y-websocket keeps retrying a refused upgrade but stops on 4400-4499. Messages that arrive
// while the token is being checked wait, in order.
import type { RawData, WebSocket } from 'ws';
import { closeCodes, maxMessageBytes, syncPath } from '../shared/protocol/limits.ts';
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
import type { AccessStore } from './storage/store.ts';

/**
 * Past this the websocket layer drops a message unread and closes with 1009 (it cannot send a reason of ours).
 * Between maxMessageBytes and this, the relay reads the size and closes with 4413 and a reason the app can show.
 */
export const unreadMessageBytes = 4 * maxMessageBytes;

export interface Limits {
  messagesPerSecond: number;
  connectionsPerToken: number;
  bufferedBytes: number;
}

export interface ConnectionContext {
  rooms: Rooms;
  statuses: ReportStatuses;
  tokens: Tokens;
  store: AccessStore;
  live: LiveLinks;
  limits: Limits;
  log: Log;
  metrics: Metrics;
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

export function acceptConnection(socket: WebSocket, url: string, address: RoomParse, context: ConnectionContext): void {
  const { limits, log, metrics } = context;
  const peer = new Peer(address.ok ? address.value.name : url.split('?')[0], socket, {
    log,
    metrics,
    bufferedBytes: limits.bufferedBytes,
  });
  if (!address.ok) return peer.close(closeCodes.badRoom, address.problem);

  let room: Room | undefined;
  const waiting: Uint8Array[] = [];
  const rate = new MessageRate(limits.messagesPerSecond);
  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (peer.ended) return;
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
