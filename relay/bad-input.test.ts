// Whatever a connection sends, the relay stays up, the others in the room stay connected, and what is saved
// stays whole. Each refusal is a close code from shared/protocol/limits.ts with a reason a person can read.
import { connect } from 'node:net';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { changeRefusals, closeCodes, maxMessageBytes, reconnectCodes } from '../shared/protocol/limits.ts';
import { unreadMessageBytes } from './connection.ts';
import { openMemoryStore } from './storage/memory.ts';
import type { DocumentStore } from './storage/store.ts';
import { TestSession, eventually, type TestRelay } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

function syncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function awarenessWithState(state: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(
    encoder,
    bytesOf((inner) => {
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, 1234);
      encoding.writeVarUint(inner, 1);
      encoding.writeVarString(inner, state);
    }),
  );
  return encoding.toUint8Array(encoder);
}

function bytesOf(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/**
 * Found by mutating a valid update: Yjs decodes it, but integrating it throws (its one item names a parent by
 * an id that leads nowhere). Checking that an update decodes is not enough; applying it has to be guarded too.
 */
const updateYjsCannotApply = Uint8Array.from(Buffer.from('01010100040001740361626300', 'hex'));

const badMessages: Array<{ what: string; message: Uint8Array | string; problem: RegExp }> = [
  { what: 'garbage bytes', message: bytes(0xde, 0xad, 0xbe, 0xef, 0xff, 0x00, 0x13, 0x37), problem: /message type/ },
  { what: 'an empty message', message: bytes(), problem: /unreadable message type/ },
  { what: 'a number cut short', message: bytes(0x80), problem: /unreadable message type/ },
  { what: 'an unknown message type', message: bytes(7), problem: /unknown message type 7/ },
  { what: 'an unknown kind of sync message', message: bytes(0, 9), problem: /unknown sync message type 9/ },
  {
    what: 'an update shorter than it says',
    message: bytes(0, 2, 20, 1, 2, 3),
    problem: /unreadable document update \(Unexpected end of array\)/,
  },
  {
    what: 'an update Yjs cannot read',
    message: syncUpdate(bytes(0xff, 0xff, 0xff, 0xff, 0x0f, 1)),
    problem: /unreadable document update/,
  },
  {
    what: 'an awareness state that is not JSON',
    message: awarenessWithState('{not json'),
    problem: /unreadable awareness state/,
  },
  { what: 'bytes after a whole message', message: bytes(3, 0), problem: /1 unexpected bytes after a whole message/ },
  { what: 'a text message', message: 'hello relay', problem: /text message/ },
];

async function textIn(store: DocumentStore, room: string): Promise<string> {
  const doc = new Y.Doc();
  (await store.load(room)).forEach((update) => Y.applyUpdate(doc, update));
  return doc.getText('body').toString();
}

async function roomWithTwoPeople() {
  const store = openMemoryStore();
  const relay = await session.relay({ store });
  const writer = await session.provider(relay, 'report-1');
  const reader = await session.provider(relay, 'report-1');
  writer.doc.getText('body').insert(0, 'Intact');
  await eventually(() => expect(reader.doc.getText('body').toString()).toBe('Intact'));
  return { store, relay, writer, reader };
}

describe('a connection sending what the relay cannot use', () => {
  it.each(badMessages)('is closed for $what while everyone else carries on', async ({ message, problem }) => {
    const { store, relay, writer, reader } = await roomWithTwoPeople();
    const intruder = await session.roomSocket(relay, 'report-1');
    // Once the relay greets it, the connection is admitted: the log names its role. (A text message sent before
    // that is refused at once, before the token is checked, and logged without a role.)
    await eventually(() => expect(intruder.received.length).toBeGreaterThan(0));

    intruder.socket.send(message);

    const closed = await intruder.closed;
    expect(closed.code).toBe(closeCodes.malformedMessage);
    expect(closed.reason).toMatch(/^This connection sent a message the relay cannot read: /);
    expect(closed.reason).toMatch(problem);
    const logged = closeLogged(relay, closeCodes.malformedMessage);
    expect(logged).toMatchObject({ level: 40, room: 'report-1', role: 'tutor', msg: 'closed a connection' });
    expect(logged?.reason).toMatch(problem);

    writer.doc.getText('body').insert(6, ' and still in sync');
    await eventually(() => expect(reader.doc.getText('body').toString()).toBe('Intact and still in sync'));
    expect(writer.wsconnected && reader.wsconnected).toBe(true);
    expect(await textIn(store, 'report-1')).toBe('Intact and still in sync');
    const newcomer = await session.provider(relay, 'report-1');
    expect(newcomer.doc.getText('body').toString()).toBe('Intact and still in sync');
  });

  it('is closed to reconnect, before Yjs sees it, for an update that names an item the room lacks as its parent', async () => {
    // Yjs itself throws on this one (its parent, 1:116, is nowhere); the relay refuses it as built on missing changes.
    const { store, relay, writer, reader } = await roomWithTwoPeople();
    const intruder = await session.roomSocket(relay, 'report-1');
    await eventually(() => expect(intruder.received.length).toBeGreaterThan(0));
    intruder.socket.send(syncUpdate(updateYjsCannotApply));
    expect(await intruder.closed).toEqual({
      code: reconnectCodes.missingDependencies,
      reason: changeRefusals.missingDependencies,
    });
    writer.doc.getText('body').insert(6, ' and still in sync');
    await eventually(() => expect(reader.doc.getText('body').toString()).toBe('Intact and still in sync'));
    expect(await textIn(store, 'report-1')).toBe('Intact and still in sync');
  });

  it(`is closed with ${closeCodes.messageTooLarge} and a reason for a message over ${maxMessageBytes} bytes`, async () => {
    const { store, relay, writer, reader } = await roomWithTwoPeople();
    const intruder = await session.roomSocket(relay, 'report-1');

    intruder.socket.send(new Uint8Array(maxMessageBytes + 1));

    expect(await intruder.closed).toEqual({
      code: closeCodes.messageTooLarge,
      reason: 'This change is too large to sync (2.0 MB; the relay takes up to 2.0 MB at once)',
    });
    writer.doc.getText('body').insert(6, '!');
    await eventually(() => expect(reader.doc.getText('body').toString()).toBe('Intact!'));
    expect(await textIn(store, 'report-1')).toBe('Intact!');
  });

  it(`is cut off unread with 1009 for a message over ${unreadMessageBytes} bytes`, async () => {
    const { relay, writer, reader } = await roomWithTwoPeople();

    const token = await session.token(relay, 'report-1');
    expect(await closeCodeForOversizedFrame(relay, `/sync/report-1?token=${token}`, unreadMessageBytes + 1)).toBe(1009);
    expect(relay.logged.lines()).toContainEqual(
      expect.objectContaining({
        room: 'report-1',
        msg: 'connection ended by the websocket layer',
        problem: `a message over ${unreadMessageBytes} bytes`,
      }),
    );
    writer.doc.getText('body').insert(6, '!');
    await eventually(() => expect(reader.doc.getText('body').toString()).toBe('Intact!'));
  });
});

describe('a connection to an address that is not a report room', () => {
  it.each([
    { path: '/sync/report-1/drafts', reason: '"drafts" is not a kind of report room (comments or status)' },
    { path: '/sync/not%20a%20report', reason: '"not a report" is not a Margin report room' },
    { path: '/sync/', reason: '"" is not a Margin report room' },
    { path: '/sync/%E0%A4%A', reason: 'The report room in this address is not valid URL encoding' },
  ])('is accepted, then closed with 4400 and a reason: $path', async ({ path, reason }) => {
    const relay = await session.relay();
    const socket = await session.socket(relay, path);
    expect(await socket.closed).toEqual({ code: closeCodes.badRoom, reason });
    // The person is told what was wrong with their address; the log keeps nothing of it.
    const logged = closeLogged(relay, closeCodes.badRoom);
    expect(logged).toMatchObject({ room: '(not a room)', reason: 'the address names no report room' });
    expect(JSON.stringify(logged)).not.toContain(path.slice('/sync/'.length) || 'absent');
  });

  it('gets a reason cut to the 123 bytes a close frame can carry', async () => {
    const relay = await session.relay();
    const socket = await session.socket(relay, `/sync/${encodeURIComponent('é'.repeat(100))}`);
    const { code, reason } = await socket.closed;
    expect(code).toBe(closeCodes.badRoom);
    expect(reason).toMatch(/^"éééé.*\.\.\.$/);
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
  });

  it('makes y-websocket stop retrying and report why', async () => {
    const relay = await session.relay();
    const provider = await session.connecting(relay, 'report-1/drafts');
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => provider.on('closed', resolve));
    expect(closed).toEqual({ code: 4400, reason: '"drafts" is not a kind of report room (comments or status)' });
    expect(provider.shouldConnect).toBe(false);
  });

  it('is refused at the upgrade when the path is not under /sync', async () => {
    const relay = await session.relay();
    await expect(session.socket(relay, '/elsewhere/report-1')).rejects.toThrow(/404/);
  });
});

function closeLogged(relay: TestRelay, code: number): Record<string, unknown> | undefined {
  return relay.logged.lines().find((line) => line.msg === 'closed a connection' && line.code === code);
}

/**
 * Sends only the header of a frame that says it is `length` bytes long, over a hand-made websocket handshake:
 * the relay must refuse it from the header alone, and the test need not push megabytes through a socket.
 */
async function closeCodeForOversizedFrame(relay: TestRelay, path: string, length: number): Promise<number> {
  const socket = connect(relay.port, '127.0.0.1');
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  const header = Buffer.alloc(14);
  header[0] = 0x82; // final frame, binary
  header[1] = 0x80 | 127; // masked, 64-bit length follows
  header.writeBigUInt64BE(BigInt(length), 2);
  socket.write(header);
  let received = Buffer.alloc(0);
  socket.on('data', (chunk) => (received = Buffer.concat([received, chunk])));
  await new Promise((resolve) => socket.on('close', resolve));
  return closeCodeIn(received.subarray(received.indexOf('\r\n\r\n') + 4));
}

/** The code of the close frame among the frames a server sent (server frames are not masked). */
function closeCodeIn(frames: Buffer): number {
  let at = 0;
  while (at < frames.length) {
    const shortLength = frames[at + 1] & 0x7f;
    const headerLength = shortLength === 127 ? 10 : shortLength === 126 ? 4 : 2;
    const length =
      shortLength === 127
        ? Number(frames.readBigUInt64BE(at + 2))
        : shortLength === 126
          ? frames.readUInt16BE(at + 2)
          : shortLength;
    if ((frames[at] & 0x0f) === 0x8) return frames.readUInt16BE(at + headerLength);
    at += headerLength + length;
  }
  throw new Error('the relay sent no close frame');
}
