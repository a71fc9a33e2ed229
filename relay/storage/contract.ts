// The behaviour every DocumentStore must have. Each backend's test file runs this suite, so "it works on
// SQLite" and "it works in memory" are the same claim.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore } from './store.ts';

/** Updates that each add one word to a text, as separate Yjs updates. */
function typedWords(words: string[]): { updates: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const word of words) doc.getText('body').insert(doc.getText('body').length, word);
  return { updates, text: doc.getText('body').toString() };
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('body').toString();
}

export function describeDocumentStore(backend: string, open: () => Promise<DocumentStore>): void {
  describe(`${backend} document store`, () => {
    let store: DocumentStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('loads a room never written to as no updates', async () => {
      expect(await store.load('never-written')).toEqual([]);
    });

    it('gives back appended updates in order, byte for byte', async () => {
      const { updates, text } = typedWords(['Session ', 'went ', 'well.']);
      for (const update of updates) await store.append('report-1', update);
      const loaded = await store.load('report-1');
      expect(loaded.map((update) => Array.from(update))).toEqual(updates.map((update) => Array.from(update)));
      expect(textOf(loaded)).toBe(text);
    });

    it('answers each append with how many updates the room keeps', async () => {
      const { updates } = typedWords(['a', 'b', 'c']);
      expect(await store.append('report-1', updates[0])).toBe(1);
      expect(await store.append('report-1', updates[1])).toBe(2);
      expect(await store.append('report-2', updates[2])).toBe(1);
    });

    it('keeps appends made at the same time in the order they were made', async () => {
      const { updates, text } = typedWords(Array.from({ length: 20 }, (_, i) => `${i} `));
      await Promise.all(updates.map((update) => store.append('report-1', update)));
      expect(textOf(await store.load('report-1'))).toBe(text);
    });

    it('keeps a report and its comments apart', async () => {
      const content = typedWords(['content']);
      const comments = typedWords(['a comment']);
      await store.append('report-1', content.updates[0]);
      await store.append('report-1/comments', comments.updates[0]);
      expect(textOf(await store.load('report-1'))).toBe('content');
      expect(textOf(await store.load('report-1/comments'))).toBe('a comment');
    });

    it('compacts many updates into one that makes the same document', async () => {
      const { updates, text } = typedWords(Array.from({ length: 50 }, (_, i) => `word${i} `));
      for (const update of updates) await store.append('report-1', update);
      await store.compact('report-1');
      const loaded = await store.load('report-1');
      expect(loaded).toHaveLength(1);
      expect(textOf(loaded)).toBe(text);
    });

    it('puts updates appended after a compaction after the snapshot', async () => {
      const { updates, text } = typedWords(['one ', 'two ', 'three']);
      await store.append('report-1', updates[0]);
      await store.append('report-1', updates[1]);
      await store.compact('report-1');
      expect(await store.append('report-1', updates[2])).toBe(2);
      expect(textOf(await store.load('report-1'))).toBe(text);
    });

    it('compacts only the room it is asked to', async () => {
      const { updates } = typedWords(['a', 'b']);
      for (const update of updates) await store.append('report-1', update);
      for (const update of updates) await store.append('report-2', update);
      await store.compact('report-1');
      expect(await store.load('report-2')).toHaveLength(2);
    });

    it('compacts an empty room or a single update without change', async () => {
      await store.compact('never-written');
      expect(await store.load('never-written')).toEqual([]);
      const { updates } = typedWords(['only']);
      await store.append('report-1', updates[0]);
      await store.compact('report-1');
      expect((await store.load('report-1')).map((update) => Array.from(update))).toEqual([Array.from(updates[0])]);
    });
  });
}
