import { fragmentText, setFragmentText } from '../shared/doc/text-fragment.ts';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openMemoryStore } from './storage/memory.ts';
import { openSqliteStore } from './storage/sqlite.ts';
import type { Storage } from './storage/store.ts';
import { TestSession, eventually } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

describe('sync through the relay', () => {
  it('shares edits between two people in both directions', async () => {
    const relay = await session.relay();
    const tutor = await session.provider(relay, 'report-1');
    const mentor = await session.provider(relay, 'report-1');

    tutor.doc.getText('objectives').insert(0, 'Practise fractions');
    await eventually(() => expect(mentor.doc.getText('objectives').toString()).toBe('Practise fractions'));

    mentor.doc.getText('objectives').insert(0, 'Today: ');
    await eventually(() => expect(tutor.doc.getText('objectives').toString()).toBe('Today: Practise fractions'));
  });

  it('gives someone who joins later what was written before', async () => {
    const relay = await session.relay();
    const tutor = await session.provider(relay, 'report-1');
    tutor.doc.getMap('fields').set('learner', 'Sam');
    const mentor = await session.provider(relay, 'report-1');
    await eventually(() => expect(mentor.doc.getMap('fields').get('learner')).toBe('Sam'));
  });

  it('keeps a report, its comments and other reports apart', async () => {
    const relay = await session.relay();
    const content = await session.provider(relay, 'report-1');
    const comments = await session.provider(relay, 'report-1/comments');
    const other = await session.provider(relay, 'report-2');
    content.doc.getText('body').insert(0, 'content');
    // The comments room holds only what docs/doc-format.md says: here, a QA observation's reply.
    setFragmentText(comments.doc.getXmlFragment('tutorReply'), 'comment');

    const reader = await session.provider(relay, 'report-1/comments');
    await eventually(() => expect(fragmentText(reader.doc.getXmlFragment('tutorReply'))).toBe('comment'));
    expect(reader.doc.getText('body').toString()).toBe('');
    expect(other.doc.getText('body').toString()).toBe('');
  });

  it('passes awareness between people and drops it when one leaves', async () => {
    const relay = await session.relay();
    const tutor = await session.provider(relay, 'report-1');
    const mentor = await session.provider(relay, 'report-1');

    tutor.awareness.setLocalStateField('user', { name: 'Tutor' });
    await eventually(() =>
      expect(mentor.awareness.getStates().get(tutor.doc.clientID)).toEqual({ user: { name: 'Tutor', role: 'tutor' } }),
    );

    tutor.disconnect();
    await eventually(() => expect(mentor.awareness.getStates().has(tutor.doc.clientID)).toBe(false));
  });

  it('drops what people write to a status room, which only the relay writes', async () => {
    const store = openMemoryStore();
    const relay = await session.relay({ store });
    const person = await session.provider(relay, 'report-1/status');
    const other = await session.provider(relay, 'report-1/status');
    person.doc.getMap('status').set('state', 'approved');
    await eventually(() =>
      expect(relay.logged.lines()).toContainEqual(
        expect.objectContaining({ room: 'report-1/status', msg: 'refused a change' }),
      ),
    );

    const newcomer = await session.provider(relay, 'report-1/status');
    expect(newcomer.doc.getMap('status').get('state')).toBeUndefined();
    expect(other.doc.getMap('status').get('state')).toBeUndefined();
    expect(person.wsconnected).toBe(true);
    expect(await store.load('report-1/status')).toEqual([]);
  });

  it('keeps documents across a restart on the same data folder', async () => {
    const dataDir = session.folder();
    const first = await session.relay({ store: openSqliteStore(dataDir) });
    const writer = await session.provider(first, 'report-1');
    writer.doc.getText('body').insert(0, 'Saved before the restart');
    const reader = await session.provider(first, 'report-1');
    await eventually(() => expect(reader.doc.getText('body').toString()).toBe('Saved before the restart'));
    writer.destroy();
    reader.destroy();
    await first.close();

    const second = await session.relay({ store: openSqliteStore(dataDir) });
    const fresh = await session.provider(second, 'report-1');
    expect(fresh.doc.getText('body').toString()).toBe('Saved before the restart');
  });

  it('compacts a busy room without losing anything', async () => {
    const dataDir = session.folder();
    const first = await session.relay({ store: openSqliteStore(dataDir), compactAfter: 3 });
    const writer = await session.provider(first, 'report-1');
    const reader = await session.provider(first, 'report-1');
    const text = reader.doc.getText('body');
    for (let i = 0; i < 20; i++) {
      writer.doc.getText('body').insert(writer.doc.getText('body').length, `${i} `);
      await eventually(() => expect(text.toString()).toBe(writer.doc.getText('body').toString()));
    }
    await first.close();

    const stored = openSqliteStore(dataDir);
    expect((await stored.load('report-1')).length).toBeLessThanOrEqual(3);
    await stored.close();
    const second = await session.relay({ store: openSqliteStore(dataDir) });
    expect((await session.provider(second, 'report-1')).doc.getText('body').toString()).toBe(
      writer.doc.getText('body').toString(),
    );
  });

  it('saves each update before the other person receives it', async () => {
    const events: string[] = [];
    const inner = openMemoryStore();
    const textSaved = async (room: string) => {
      const doc = new Y.Doc();
      (await inner.load(room)).forEach((update) => Y.applyUpdate(doc, update));
      return doc.getText('body').toString();
    };
    const recording: Storage = {
      ...inner,
      async append(room, update) {
        const kept = await inner.append(room, update);
        events.push(`saved: ${await textSaved(room)}`);
        return kept;
      },
    };
    const relay = await session.relay({ store: recording });
    const writer = await session.provider(relay, 'report-1');
    const reader = await session.provider(relay, 'report-1');
    reader.doc.on('update', () => events.push(`received: ${reader.doc.getText('body').toString()}`));

    for (const word of ['one', ' two', ' three']) {
      writer.doc.getText('body').insert(writer.doc.getText('body').length, word);
      await eventually(() => expect(reader.doc.getText('body').toString()).toBe(writer.doc.getText('body').toString()));
    }

    expect(events).toEqual([
      'saved: one',
      'received: one',
      'saved: one two',
      'received: one two',
      'saved: one two three',
      'received: one two three',
    ]);
  });

  it('brings everyone to the same document, the saved one, after many people edit at once', async () => {
    const store = openMemoryStore();
    const relay = await session.relay({ store });
    const people = await Promise.all([1, 2, 3].map(() => session.provider(relay, 'report-1')));
    let seed = 42;
    const random = (below: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % below;

    for (let round = 0; round < 40; round++) {
      for (const person of people) {
        const text = person.doc.getText('body');
        if (text.length > 0 && random(3) === 0) text.delete(random(text.length), 1);
        else text.insert(random(text.length + 1), String.fromCharCode(97 + random(26)));
      }
    }

    const texts = () => people.map((person) => person.doc.getText('body').toString());
    await eventually(() => expect(new Set(texts()).size).toBe(1));
    const saved = new Y.Doc();
    (await store.load('report-1')).forEach((update) => Y.applyUpdate(saved, update));
    expect(saved.getText('body').toString()).toBe(texts()[0]);
  });
});
