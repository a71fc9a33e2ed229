// Nothing is lost: a relay process killed with SIGKILL in the middle of a stream of edits still has, after a
// restart, every update any peer received; a relay stopped with SIGTERM closes with "restarting", and its
// clients reconnect by themselves and converge.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { reconnectCodes, refusalReasons } from '../shared/protocol/limits.ts';
import { TestSession, eventually } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

/** True when `doc` holds every item `seen` holds (its state vector covers the other's). */
function covers(doc: Y.Doc, seen: Y.Doc): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(seen)))
    if ((have.get(client) ?? 0) < clock) return false;
  return true;
}

describe('a relay killed with SIGKILL mid-stream', () => {
  it('still has, after a restart, every update any peer received', async () => {
    const dataDir = join(session.folder(), 'data');
    const first = await session.process({ DATA_DIR: dataDir });
    const writer = await session.provider(first, 'stream-1');
    const readers = await Promise.all([1, 2, 3].map(() => session.provider(first, 'stream-1')));
    const text = writer.doc.getText('body');

    // Edits keep coming in bursts until the relay is killed part-way through.
    let typing = true;
    const typed = (async () => {
      for (let i = 0; typing; i++) {
        text.insert(text.length, `${i} `);
        if (i % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await eventually(() => expect(readers.every((reader) => reader.doc.getText('body').length > 2000)).toBe(true));
    first.child.kill('SIGKILL');
    await first.exited;
    typing = false;
    await typed;
    // What each reader holds now is what the relay sent it before it died; freeze those copies.
    const received = readers.map((reader) => {
      reader.disconnect();
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(reader.doc));
      return copy;
    });
    writer.disconnect();

    const second = await session.process({ DATA_DIR: dataDir });
    const after = await session.provider(second, 'stream-1');
    for (const copy of received) {
      expect(copy.getText('body').length).toBeGreaterThan(2000);
      expect(covers(after.doc, copy)).toBe(true);
      expect(after.doc.getText('body').toString().startsWith(copy.getText('body').toString())).toBe(true);
    }
  });
});

describe('a relay stopped with SIGTERM', () => {
  it('says it is restarting, and its clients reconnect by themselves and converge', async () => {
    const dataDir = join(session.folder(), 'data');
    const first = await session.process({ DATA_DIR: dataDir });
    const tutor = await session.provider(first, 'restart-1');
    const mentor = await session.provider(first, 'restart-1');
    tutor.doc.getText('body').insert(0, 'Before. ');
    await eventually(() => expect(mentor.doc.getText('body').toString()).toBe('Before. '));
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      tutor.on('connection-close', (event) => event && resolve(event)),
    );

    first.child.kill('SIGTERM');
    expect(await closed).toMatchObject({
      code: reconnectCodes.relayRestarting,
      reason: refusalReasons.relayRestarting,
    });
    expect(await first.exited).toBe(0);
    // Both keep editing while the relay is away.
    tutor.doc.getText('body').insert(tutor.doc.getText('body').length, 'Tutor offline. ');
    mentor.doc.getText('body').insert(0, 'Mentor offline. ');
    expect(tutor.shouldConnect && mentor.shouldConnect).toBe(true);

    await session.process({ DATA_DIR: dataDir, PORT: String(first.port) });
    await eventually(() => {
      expect(tutor.wsconnected && mentor.wsconnected).toBe(true);
      expect(tutor.doc.getText('body').toString()).toBe(mentor.doc.getText('body').toString());
    });
    expect(tutor.doc.getText('body').toString()).toMatch(/Mentor offline\. .*Before\. .*Tutor offline\. /);
  });
});
