// One person's open connection to one room: what their token grants, what is sent to them, and how it ends.
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { closeCodes, reconnectCodes } from '../shared/protocol/limits.ts';
import type { Holder } from './auth.ts';
import type { Log } from './log.ts';
import type { Metrics } from './metrics.ts';

/** Websocket close reasons are limited to 123 bytes of UTF-8. */
const maxReasonBytes = 123;
/** y-protocols' auth message, "permission denied": how the relay tells a connection a change was not applied. */
const messageAuth = 2;
const permissionDenied = 0;
/** A slow connection is given this long to take its close frame before it is cut off. */
const slowCloseGraceMs = 2000;

export interface PeerOptions {
  log: Log;
  metrics: Metrics;
  /** Past this many bytes waiting to be sent, the connection counts as too slow and is closed to reconnect. */
  bufferedBytes: number;
}

export class Peer {
  /** The awareness client ids this connection speaks for, removed when it leaves. */
  readonly awarenessClients = new Set<number>();
  /** Set once the relay has ended the connection: anything still arriving from it is ignored. */
  ended = false;
  /** What the connection's token grants (and whose account, for a member's); set once the token has been checked. */
  access?: Holder;
  private lastToldAt = 0;

  constructor(
    readonly room: string,
    private readonly socket: WebSocket,
    private readonly options: PeerOptions,
  ) {}

  send(message: Uint8Array): void {
    if (this.ended || this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(message);
    this.options.metrics.sent(message.byteLength);
    if (this.socket.bufferedAmount > this.options.bufferedBytes) {
      this.close(reconnectCodes.slowConsumer, 'This connection could not keep up with the report; it will reconnect');
      setTimeout(() => this.socket.terminate(), slowCloseGraceMs).unref();
    }
  }

  /**
   * Tells the connection a change it sent was not applied (at most once a second), as a y-protocols
   * "permission denied" message: plain y-websocket logs it, Margin's app keeps the change and shows it.
   */
  tell(reason: string): void {
    const now = Date.now();
    if (now - this.lastToldAt < 1000) return;
    this.lastToldAt = now;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageAuth);
    encoding.writeVarUint(encoder, permissionDenied);
    encoding.writeVarString(encoder, reason);
    this.send(encoding.toUint8Array(encoder));
  }

  /**
   * Ends the connection with a code and a reason the app can show, and logs why: `logged`, when the reason
   * repeats something the connection sent (the log keeps nothing a request or message carried).
   */
  close(code: number, reason: string, logged = reason): void {
    if (this.ended) return;
    this.ended = true;
    this.options.metrics.closed(code);
    // A stopping relay logs once, not once per connection.
    if (code !== reconnectCodes.relayRestarting) {
      const level = code === closeCodes.malformedMessage || (code >= 1000 && code < 4000) ? 'warn' : 'info';
      this.options.log[level](
        { room: this.room, code, reason: logged, jti: this.access?.jti, role: this.access?.role },
        'closed a connection',
      );
    }
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING)
      this.socket.close(code, clipReason(reason));
  }

  /** Ends a connection that sent something the relay cannot use; the rest of the room carries on. */
  refuseMalformed(problem: string): void {
    this.close(closeCodes.malformedMessage, `This connection sent a message the relay cannot read: ${problem}`);
  }
}

/**
 * An error from reading what a connection sent, fit for a log line and a close reason: a library's own wording
 * ("Unexpected end of array") is kept, but never one that quotes the bytes it failed on (JSON.parse does).
 */
export function errorWording(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (error instanceof SyntaxError) return 'not valid JSON';
  return /^[A-Za-z][A-Za-z ,.()-]{0,79}$/.test(message) ? message : 'unreadable';
}

function clipReason(reason: string): string {
  const bytes = new TextEncoder().encode(reason);
  if (bytes.length <= maxReasonBytes) return reason;
  // Cutting can split a character; the decoder turns the broken end into U+FFFD, which is dropped.
  return `${new TextDecoder().decode(bytes.slice(0, maxReasonBytes - 3)).replace(/\uFFFD+$/, '')}...`;
}
