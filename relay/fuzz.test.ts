// Random bytes and random valid-looking y-websocket messages, sent by several connections with valid tokens
// while honest people edit: the relay process stays up, each bad connection is closed alone, and the honest
// clients converge on the document the relay saved. Seeded, so a failure can be replayed.
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TestSession, eventually, type RawSocket } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

function seeded(seed: number) {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  return {
    below: (n: number) => next() % n,
    bytes: (length: number) => Uint8Array.from({ length }, () => next() & 0xff),
  };
}

type Random = ReturnType<typeof seeded>;

/** Real updates from a document of the fuzzer's own, to mutate into ones that look right but may not be. */
function sampleUpdates(random: Random): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < 20; i++) {
    const text = doc.getText('body');
    if (text.length > 3 && random.below(3) === 0) text.delete(random.below(text.length), 1);
    else text.insert(random.below(text.length + 1), String.fromCharCode(97 + random.below(26)));
    if (i % 5 === 0) doc.getMap('fields').set(`k${i}`, i);
  }
  return updates;
}

function mutate(random: Random, bytes: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(bytes);
  const changes = 1 + random.below(3);
  for (let i = 0; i < changes && copy.length > 0; i++) copy[random.below(copy.length)] = random.below(256);
  return random.below(4) === 0 ? copy.slice(0, random.below(copy.length + 1)) : copy;
}

function message(random: Random, updates: Uint8Array[]): Uint8Array {
  const encoder = encoding.createEncoder();
  const pick = random.below(8);
  if (pick === 0) return random.bytes(random.below(64));
  if (pick <= 3) {
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, random.below(4));
    encoding.writeVarUint8Array(encoder, mutate(random, updates[random.below(updates.length)]));
  } else if (pick <= 5) {
    encoding.writeVarUint(encoder, 1);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, random.below(1 << 30));
    encoding.writeVarUint(inner, random.below(100));
    encoding.writeVarString(
      inner,
      random.below(2) ? JSON.stringify({ user: { name: 'x' } }) : String.fromCharCode(...random.bytes(8)),
    );
    encoding.writeVarUint8Array(encoder, mutate(random, encoding.toUint8Array(inner)));
  } else if (pick === 6) {
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint8Array(encoder, random.bytes(random.below(12)));
  } else {
    encoding.writeVarUint(encoder, random.below(2) ? 3 : random.below(300));
  }
  return encoding.toUint8Array(encoder);
}

describe('a relay sent random messages', () => {
  it('stays up, closes only the senders, and the honest clients converge on what it saved', async () => {
    const relay = await session.process({ DATA_DIR: session.folder() });
    const honest = await Promise.all([1, 2, 3].map(() => session.provider(relay, 'fuzz-1')));
    const random = seeded(20240607);
    const updates = sampleUpdates(random);

    let closedFuzzers = 0;
    for (let round = 0; round < 30; round++) {
      const fuzzers: RawSocket[] = await Promise.all(
        [1, 2].map(() => session.roomSocket(relay, round % 3 === 0 ? 'fuzz-1/comments' : 'fuzz-1')),
      );
      for (let i = 0; i < 20; i++) {
        for (const fuzzer of fuzzers) fuzzer.socket.send(message(random, updates));
        const person = honest[random.below(honest.length)].doc.getText('body');
        person.insert(random.below(person.length + 1), String.fromCharCode(65 + random.below(26)));
      }
      for (const fuzzer of fuzzers) {
        fuzzer.socket.close();
        const { code } = await fuzzer.closed;
        if (code === 4401) closedFuzzers++;
      }
    }

    expect(closedFuzzers).toBeGreaterThan(20);
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
    const texts = () => honest.map((person) => person.doc.getText('body').toString());
    await eventually(() => expect(new Set(texts()).size).toBe(1));
    // Every honest capital letter is there (a mutated update that happens to be valid may add small letters).
    expect(texts()[0].replace(/[^A-Z]/g, '')).toHaveLength(30 * 20);
    expect(honest.every((person) => person.wsconnected)).toBe(true);
    const late = await session.provider(relay, 'fuzz-1');
    expect(late.doc.getText('body').toString()).toBe(texts()[0]);
  });
});
