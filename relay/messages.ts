// The y-websocket wire format as the relay reads and writes it. y-protocols applies a message while reading
// it, so one found bad halfway would be left half applied; the relay reads each incoming message in full here
// first, and only a message that reads cleanly reaches a room's document or awareness.
import { errorWording } from './peer.ts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

const messageSync = 0;
const messageAwareness = 1;
const messageQueryAwareness = 3;
const syncStep1 = 0;
const syncStep2 = 1;
const syncUpdate = 2;

export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

/** A message the relay cannot read; `problem` says what was wrong, for the log and the close reason. */
export class MalformedMessage extends Error {
  constructor(readonly problem: string) {
    super(problem);
  }
}

export function readClientMessage(bytes: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(bytes);
  const messageType = readNumber(decoder, 'message type');
  const message = readBody(decoder, messageType);
  const extra = bytes.length - decoder.pos;
  if (extra > 0) throw new MalformedMessage(`${extra} unexpected bytes after a whole message`);
  return message;
}

function readBody(decoder: decoding.Decoder, messageType: number): ClientMessage {
  if (messageType === messageSync) return readSync(decoder);
  if (messageType === messageAwareness) {
    const update = readBytes(decoder, 'awareness update');
    checkAwarenessUpdate(update);
    return { type: 'awareness', update };
  }
  if (messageType === messageQueryAwareness) return { type: 'query-awareness' };
  throw new MalformedMessage(`unknown message type ${messageType}`);
}

function readSync(decoder: decoding.Decoder): ClientMessage {
  const step = readNumber(decoder, 'sync message type');
  if (step === syncStep1) {
    const stateVector = readBytes(decoder, 'state vector');
    attempt('state vector', () => Y.decodeStateVector(stateVector));
    return { type: 'sync-step1', stateVector };
  }
  if (step === syncStep2 || step === syncUpdate) {
    const update = readBytes(decoder, 'document update');
    attempt('document update', () => Y.decodeUpdate(update));
    return { type: 'sync-update', update };
  }
  throw new MalformedMessage(`unknown sync message type ${step}`);
}

/** Reads the whole awareness update the way y-protocols will, so applying it cannot fail halfway. */
function checkAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = readNumber(decoder, 'awareness client count');
  for (let i = 0; i < count; i++) {
    readNumber(decoder, 'awareness client id');
    readNumber(decoder, 'awareness clock');
    const state = new TextDecoder().decode(readBytes(decoder, 'awareness state'));
    attempt('awareness state', () => JSON.parse(state));
  }
  if (decoder.pos !== update.length) throw new MalformedMessage('unexpected bytes after the awareness update');
}

function readNumber(decoder: decoding.Decoder, what: string): number {
  return attempt(what, () => decoding.readVarUint(decoder));
}

function readBytes(decoder: decoding.Decoder, what: string): Uint8Array {
  return attempt(what, () => decoding.readVarUint8Array(decoder));
}

function attempt<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new MalformedMessage(`unreadable ${what} (${errorWording(error)})`);
  }
}

export function syncStep1Message(stateVector: Uint8Array): Uint8Array {
  return syncMessage(syncStep1, stateVector);
}

export function syncStep2Message(update: Uint8Array): Uint8Array {
  return syncMessage(syncStep2, update);
}

export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  return syncMessage(syncUpdate, update);
}

export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageAwareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
