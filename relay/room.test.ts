// The room on its own, with stand-in connections and stores whose saves a test can hold back, so the order of
// saving and sending is checked without depending on timing.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Role } from '../shared/protocol/roles.ts';
import { parseRoomName } from '../shared/protocol/rooms.ts';
import type { ReportStatus } from '../shared/workflow/status.ts';
import { memoryLog } from './log.ts';
import { Metrics } from './metrics.ts';
import { Peer } from './peer.ts';
import { Room, type RoomOptions } from './room.ts';
import { openMemoryStore } from './storage/memory.ts';
import type { DocumentStore } from './storage/store.ts';
import { eventually } from './testing.ts';

interface StandInPeer {
  peer: Peer;
  sent: Uint8Array[];
  closedWith?: { code: number; reason: string };
}

const logged = memoryLog();
const metrics = new Metrics();

function standInPeer(room: string, role: Role = 'tutor'): StandInPeer {
  const standIn: StandInPeer = { sent: [], peer: undefined as unknown as Peer };
  const socket = {
    readyState: 1,
    bufferedAmount: 0,
    send: (message: Uint8Array) => standIn.sent.push(message),
    close: (code: number, reason: string) => (standIn.closedWith = { code, reason }),
  };
  standIn.peer = new Peer(room, socket as unknown as WebSocket, {
    log: logged.log,
    metrics,
    bufferedBytes: 1024 * 1024,
  });
  standIn.peer.access = {
    doc: room.split('/')[0],
    role,
    jti: `jti-${Math.random().toString(36).slice(2, 10)}`,
    exp: 2_000_000_000,
    iat: 1_700_000_000,
  };
  return standIn;
}

function roomOptions(
  store: DocumentStore,
  onUnload: (room: Room) => void = () => {},
  status: ReportStatus = 'draft',
  compaction: Pick<RoomOptions, 'compactAfter' | 'compactWhenQuietMs'> = { compactAfter: 500 },
): RoomOptions {
  return { store, ...compaction, onUnload, status: () => status, log: logged.log, metrics };
}

/** What kind each message is: sync-step1, sync-step2, sync-update or awareness. */
function kinds(messages: Uint8Array[]): string[] {
  return messages.map((message) => {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) === 1) return 'awareness';
    return ['sync-step1', 'sync-step2', 'sync-update'][decoding.readVarUint(decoder)];
  });
}

/** The text a person would see after applying every sync message the relay sent them. */
function textFrom(messages: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const message of messages) {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) === 0) syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, null);
  }
  return doc.getText('body').toString();
}

function updateMessages(words: string[]): { messages: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const messages: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, update);
    messages.push(encoding.toUint8Array(encoder));
  });
  for (const word of words) doc.getText('body').insert(doc.getText('body').length, word);
  return { messages, doc };
}

function syncRequest(doc = new Y.Doc()): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** A store whose appends wait until the test lets them through. */
function heldStore(): { store: DocumentStore; appended: Uint8Array[]; release(): void } {
  const inner = openMemoryStore();
  const appended: Uint8Array[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const store: DocumentStore = {
    ...inner,
    async append(room, update) {
      await gate;
      appended.push(update);
      return inner.append(room, update);
    },
  };
  return { store, appended, release };
}

/** A room with people in it, joined as the relay joins them: while it loads. */
async function openRoom(
  name: string,
  store: DocumentStore,
  people: number,
  onUnload: (room: Room) => void = () => {},
  compaction?: Pick<RoomOptions, 'compactAfter' | 'compactWhenQuietMs'>,
): Promise<{ room: Room; peers: StandInPeer[] }> {
  const parsed = parseRoomName(name);
  if (!parsed.ok) throw new Error(parsed.problem);
  const room = new Room(parsed.value, roomOptions(store, onUnload, 'draft', compaction));
  const loading = room.load();
  const peers = Array.from({ length: people }, () => standInPeer(name));
  peers.forEach(({ peer }) => room.join(peer));
  await loading;
  return { room, peers };
}

describe('a room', () => {
  it('saves the updates that arrive in one turn as one, and sends them on once', async () => {
    const store = openMemoryStore();
    const appends = vi.spyOn(store, 'append');
    const {
      room,
      peers: [writer, reader],
    } = await openRoom('report-1', store, 2);
    const { messages, doc } = updateMessages(Array.from({ length: 50 }, (_, i) => `${i} `));

    messages.forEach((message) => room.receive(writer.peer, message));

    await eventually(() => expect(kinds(reader.sent)).toEqual(['sync-step1', 'sync-update']));
    expect(appends).toHaveBeenCalledTimes(1);
    expect(textFrom(reader.sent)).toBe(doc.getText('body').toString());
    expect(kinds(writer.sent)).toEqual(['sync-step1']);
  });

  it('saves an update before anyone else receives it', async () => {
    const { store, appended, release } = heldStore();
    const {
      room,
      peers: [writer, reader],
    } = await openRoom('report-1', store, 2);

    updateMessages(['Saved first']).messages.forEach((message) => room.receive(writer.peer, message));
    await new Promise((resolve) => setImmediate(resolve));
    expect(kinds(reader.sent)).toEqual(['sync-step1']);

    release();
    await eventually(() => expect(textFrom(reader.sent)).toBe('Saved first'));
    expect(appended).toHaveLength(1);
  });

  it('answers a sync request only once the updates in its answer are saved', async () => {
    const { store, release } = heldStore();
    const {
      room,
      peers: [writer, newcomer],
    } = await openRoom('report-1', store, 2);

    updateMessages(['Not yet saved']).messages.forEach((message) => room.receive(writer.peer, message));
    room.receive(newcomer.peer, syncRequest());
    await new Promise((resolve) => setImmediate(resolve));
    expect(kinds(newcomer.sent)).toEqual(['sync-step1']);

    release();
    await eventually(() => expect(kinds(newcomer.sent)).toContain('sync-step2'));
    expect(textFrom(newcomer.sent)).toBe('Not yet saved');
  });

  it('holds messages that arrive while it is loading, and handles them once loaded', async () => {
    const store = openMemoryStore();
    let finishLoading!: () => void;
    const loaded = new Promise<void>((resolve) => (finishLoading = resolve));
    const slowStore: DocumentStore = { ...store, load: async (room) => (await loaded, store.load(room)) };
    const parsed = parseRoomName('report-1');
    if (!parsed.ok) throw new Error(parsed.problem);
    const room = new Room(parsed.value, roomOptions(slowStore));
    const loading = room.load();
    const [writer, reader] = [standInPeer('report-1'), standInPeer('report-1')];
    room.join(writer.peer);
    room.join(reader.peer);
    updateMessages(['Typed while loading']).messages.forEach((message) => room.receive(writer.peer, message));

    finishLoading();
    await loading;
    await eventually(() => expect(textFrom(reader.sent)).toBe('Typed while loading'));
    expect(await store.load('report-1')).toHaveLength(1);
  });

  it('answers sync requests in the status room but drops people’s updates to it', async () => {
    const store = openMemoryStore();
    const statusDoc = new Y.Doc();
    statusDoc.getText('body').insert(0, 'submitted');
    await store.append('report-1/status', Y.encodeStateAsUpdate(statusDoc));
    const {
      room,
      peers: [person, other],
    } = await openRoom('report-1/status', store, 2);

    updateMessages(['approved']).messages.forEach((message) => room.receive(person.peer, message));
    room.receive(person.peer, syncRequest());

    await eventually(() => expect(textFrom(person.sent)).toBe('submitted'));
    expect(person.closedWith).toBeUndefined();
    expect(other.sent).toEqual([]);
    expect(await store.load('report-1/status')).toHaveLength(1);
  });

  it('unloads after the last person leaves, once everything is saved', async () => {
    const { store, appended, release } = heldStore();
    const onUnload = vi.fn();
    const {
      room,
      peers: [writer],
    } = await openRoom('report-1', store, 1, onUnload);
    updateMessages(['Last words']).messages.forEach((message) => room.receive(writer.peer, message));
    room.leave(writer.peer);
    await new Promise((resolve) => setImmediate(resolve));
    expect(onUnload).not.toHaveBeenCalled();

    release();
    await eventually(() => expect(onUnload).toHaveBeenCalledWith(room));
    expect(appended).toHaveLength(1);
  });

  describe('compacting', () => {
    /** Lets the room save what it has received (its saves wait for setImmediate and the store's promise). */
    const saved = async () => {
      for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    };
    /** Receives each message in a turn of its own, so each is saved as one update. */
    async function writeOneByOne(room: Room, peer: Peer, messages: Uint8Array[]) {
      for (const message of messages) {
        room.receive(peer, message);
        await saved();
      }
    }

    it('waits until the room has had no change for a moment', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        const store = openMemoryStore();
        const compactions = vi.spyOn(store, 'compact');
        const {
          room,
          peers: [writer, reader],
        } = await openRoom('report-1', store, 2, undefined, { compactAfter: 3, compactWhenQuietMs: 1000 });
        const { messages, doc } = updateMessages(['one ', 'two ', 'three ', 'four ', 'five ']);

        await writeOneByOne(room, writer.peer, messages.slice(0, 4));
        vi.advanceTimersByTime(900);
        await writeOneByOne(room, writer.peer, messages.slice(4));
        vi.advanceTimersByTime(900);
        await saved();
        expect(compactions).not.toHaveBeenCalled();
        expect(await store.load('report-1')).toHaveLength(5);

        vi.advanceTimersByTime(100);
        await saved();
        expect(compactions).toHaveBeenCalledTimes(1);
        expect(await store.load('report-1')).toHaveLength(1);
        expect(textFrom(reader.sent)).toBe(doc.getText('body').toString());
      } finally {
        vi.useRealTimers();
      }
    });

    it('compacts a room written without a pause once it keeps eight times as many', async () => {
      const store = openMemoryStore();
      const {
        room,
        peers: [writer],
      } = await openRoom('report-1', store, 1, undefined, { compactAfter: 2, compactWhenQuietMs: 60_000 });
      const { messages } = updateMessages(Array.from({ length: 17 }, (_, i) => `${i} `));

      await writeOneByOne(room, writer.peer, messages.slice(0, 16));
      expect(await store.load('report-1')).toHaveLength(16);
      await writeOneByOne(room, writer.peer, messages.slice(16));
      expect(await store.load('report-1')).toHaveLength(1);
    });

    it('compacts before unloading, and the room loads again whole', async () => {
      const store = openMemoryStore();
      const onUnload = vi.fn();
      const {
        room,
        peers: [writer],
      } = await openRoom('report-1', store, 1, onUnload, { compactAfter: 3, compactWhenQuietMs: 60_000 });
      const { messages, doc } = updateMessages(['Last ', 'words ', 'of ', 'the ', 'day']);
      await writeOneByOne(room, writer.peer, messages);

      room.leave(writer.peer);
      await eventually(() => expect(onUnload).toHaveBeenCalledWith(room));
      const kept = await store.load('report-1');
      expect(kept).toHaveLength(1);
      const loaded = new Y.Doc();
      Y.applyUpdate(loaded, kept[0]);
      expect(loaded.getText('body').toString()).toBe(doc.getText('body').toString());
    });
  });

  it('closes every connection so they reconnect when the store cannot save', async () => {
    const failing: DocumentStore = { ...openMemoryStore(), append: async () => Promise.reject(new Error('disk full')) };
    const onUnload = vi.fn();
    const {
      room,
      peers: [writer, reader],
    } = await openRoom('report-1', failing, 2, onUnload);

    updateMessages(['Lost?']).messages.forEach((message) => room.receive(writer.peer, message));

    await eventually(() => expect(reader.closedWith?.code).toBe(1011));
    expect(writer.closedWith?.reason).toMatch(/could not save/);
    expect(kinds(reader.sent)).toEqual(['sync-step1']);
    expect(onUnload).toHaveBeenCalledWith(room);
    expect(logged.lines()).toContainEqual(
      expect.objectContaining({
        level: 50,
        room: 'report-1',
        problem: 'could not save an update: disk full',
        msg: 'room failed',
      }),
    );
  });

  it('answers a query for awareness with everyone’s state', async () => {
    const {
      room,
      peers: [tutor, mentor],
    } = await openRoom('report-1', openMemoryStore(), 2);
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: 'Tutor' } });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]));
    room.receive(tutor.peer, encoding.toUint8Array(encoder));

    room.receive(mentor.peer, Uint8Array.of(3));

    const answer = mentor.sent.at(-1)!;
    const decoder = decoding.createDecoder(answer);
    expect(decoding.readVarUint(decoder)).toBe(1);
    const seen = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(decoder), null);
    expect(seen.getStates().get(awareness.clientID)).toEqual({ user: { name: 'Tutor', role: 'tutor' } });
    awareness.destroy();
    seen.destroy();
  });
});
