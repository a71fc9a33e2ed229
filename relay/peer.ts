// One person's open connection to one room.
import { WebSocket } from 'ws';
import { closeCodes } from '../shared/protocol/limits.ts';
import { log } from './log.ts';

/** Standard close codes: y-websocket reconnects after them, which is what should happen. */
export const reconnectCodes = { relayStopping: 1001, relayFailed: 1011 } as const;

/** Websocket close reasons are limited to 123 bytes of UTF-8. */
const maxReasonBytes = 123;

export class Peer {
  /** The awareness client ids this connection speaks for, removed when it leaves. */
  readonly awarenessClients = new Set<number>();
  /** Set once the relay has ended the connection: anything still arriving from it is ignored. */
  ended = false;

  constructor(
    readonly room: string,
    private readonly socket: WebSocket,
  ) {}

  send(message: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(message);
  }

  /** Ends the connection with a code and a reason the app can show, and logs why. */
  close(code: number, reason: string): void {
    if (this.ended) return;
    this.ended = true;
    // A stopping relay logs once, not once per connection.
    if (code !== reconnectCodes.relayStopping) log(`room ${this.room}: closed a connection (${code}): ${reason}`);
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(code, clipReason(reason));
  }

  /** Ends a connection that sent something the relay cannot use; the rest of the room carries on. */
  refuseMalformed(problem: string): void {
    this.close(closeCodes.malformedMessage, `This connection sent a message the relay cannot read: ${problem}`);
  }
}

function clipReason(reason: string): string {
  const bytes = new TextEncoder().encode(reason);
  if (bytes.length <= maxReasonBytes) return reason;
  // Cutting can split a character; the decoder turns the broken end into U+FFFD, which is dropped.
  return new TextDecoder().decode(bytes.slice(0, maxReasonBytes - 3)).replace(/\uFFFD+$/, '') + '...';
}
