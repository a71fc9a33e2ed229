// A websocket connection to ws://HOST:PORT/sync/<room>: checks the address and every frame, then hands the
// messages to the room. A refusal always comes after the upgrade, as a 44xx close with a reason, because
// y-websocket keeps retrying a refused upgrade but stops on 4400-4499.
import type { RawData, WebSocket } from 'ws';
import { closeCodes, maxMessageBytes, syncPath } from '../shared/protocol/limits.ts';
import { parseRoomName, type RoomParse } from '../shared/protocol/rooms.ts';
import { log } from './log.ts';
import { Peer } from './peer.ts';
import type { Rooms } from './rooms.ts';

/**
 * Past this the websocket layer drops a message unread and closes with 1009 (it cannot send a reason of ours).
 * Between maxMessageBytes and this, the relay reads the size and closes with 4413 and a reason the app can show.
 */
export const unreadMessageBytes = 4 * maxMessageBytes;

/** The room a request's address names: the rest of the path after /sync/, URL-decoded; undefined if not a sync address. */
export function roomInAddress(url: string): RoomParse | undefined {
  const path = url.split('?')[0];
  if (path !== syncPath && !path.startsWith(`${syncPath}/`)) return undefined;
  try {
    return parseRoomName(decodeURIComponent(path.slice(syncPath.length + 1)));
  } catch {
    return { ok: false, reason: 'The report room in this address is not valid URL encoding' };
  }
}

export function acceptConnection(socket: WebSocket, url: string, address: RoomParse, rooms: Rooms): void {
  if (!address.ok) {
    new Peer(url.split('?')[0], socket).close(closeCodes.badRoom, address.reason);
    return;
  }
  const peer = new Peer(address.room.name, socket);
  const room = rooms.join(address.room, peer);
  if (!room) return;
  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (!isBinary) return peer.refuseMalformed('a text message (sync messages are binary)');
    const bytes = asBytes(data);
    if (bytes.length > maxMessageBytes) return peer.close(closeCodes.messageTooLarge, tooLargeReason(bytes.length));
    room.receive(peer, bytes);
  });
  socket.on('close', () => room.leave(peer));
  socket.on('error', (error: Error & { code?: string }) => {
    peer.ended = true;
    const what = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? `a message over ${unreadMessageBytes} bytes` : error.message;
    log(`room ${peer.room}: connection ended by the websocket layer: ${what}`);
  });
}

function asBytes(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

function tooLargeReason(bytes: number): string {
  const megabytes = (count: number) => (count / 1024 / 1024).toFixed(1);
  return `This change is too large to sync (${megabytes(bytes)} MB; the relay takes up to ${megabytes(maxMessageBytes)} MB at once)`;
}
