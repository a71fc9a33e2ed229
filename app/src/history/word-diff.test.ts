import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setFragmentText, textField } from '../../../shared/doc/index.ts';
import { reportDiff, wordDiff } from './word-diff.ts';

/** Reads a diff back as the text before and the text after, which must be the two versions exactly. */
const sides = (parts: ReturnType<typeof wordDiff>) => ({
  before: parts
    .filter((part) => part.change !== 'added')
    .map((part) => part.text)
    .join(''),
  after: parts
    .filter((part) => part.change !== 'removed')
    .map((part) => part.text)
    .join(''),
});

describe('a word-level diff', () => {
  it('marks whole words added and removed, keeping the rest as it was', () => {
    expect(wordDiff('Ada added fractions today.', 'Ada added fractions with unlike denominators today.')).toEqual([
      { change: 'same', text: 'Ada added fractions ' },
      { change: 'added', text: 'with unlike denominators ' },
      { change: 'same', text: 'today.' },
    ]);
    expect(wordDiff('She was very tired.', 'She was tired.')).toEqual([
      { change: 'same', text: 'She was ' },
      { change: 'removed', text: 'very ' },
      { change: 'same', text: 'tired.' },
    ]);
  });

  it('replaces a word changed inside as a whole word, never a few letters', () => {
    const parts = wordDiff('Ada read quickly.', 'Ada read quietly.');
    expect(parts).toEqual([
      { change: 'same', text: 'Ada read ' },
      { change: 'removed', text: 'quickly.' },
      { change: 'added', text: 'quietly.' },
    ]);
  });

  it('shows a new paragraph as added, and text that did not change as one part', () => {
    expect(wordDiff('First line.', 'First line.\nSecond line.')).toEqual([
      { change: 'same', text: 'First line.' },
      { change: 'added', text: '\nSecond line.' },
    ]);
    expect(wordDiff('Nothing changed here.', 'Nothing changed here.')).toEqual([
      { change: 'same', text: 'Nothing changed here.' },
    ]);
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('', 'New text')).toEqual([{ change: 'added', text: 'New text' }]);
    expect(wordDiff('Old text', '')).toEqual([{ change: 'removed', text: 'Old text' }]);
  });

  it('always reads back as exactly the two versions, for changes scattered through long text', () => {
    const words = Array.from({ length: 1200 }, (_, i) => `word${i % 97}`);
    const before = words.join(' ');
    const after = words
      .map((word, i) => (i % 50 === 0 ? `changed${i}` : i % 77 === 0 ? `${word} inserted` : word))
      .filter((_, i) => i % 131 !== 5)
      .join(' ');
    const parts = wordDiff(before, after);
    expect(sides(parts)).toEqual({ before, after });
    const removed = parts.filter((part) => part.change === 'removed').map((part) => part.text);
    expect(removed.length).toBeGreaterThan(10);
    expect(parts.filter((part) => part.change === 'same').length).toBeGreaterThan(10);
  });
});

describe('a report’s diff', () => {
  it('compares each field with its label, and says which changed', () => {
    const field = (key: string, text: string, doc = new Y.Doc()) => {
      setFragmentText(textField(doc, key), text);
      return doc;
    };
    const before = field('progressComment', 'Ada added fractions.', field('nextSteps', 'Decimals.'));
    const after = field('progressComment', 'Ada added and subtracted fractions.', field('nextSteps', 'Decimals.'));
    const diff = reportDiff(before, after, [
      { key: 'progressComment', label: 'Progress' },
      { key: 'nextSteps', label: 'Next steps' },
    ]);
    expect(diff.map(({ label, changed }) => ({ label, changed }))).toEqual([
      { label: 'Progress', changed: true },
      { label: 'Next steps', changed: false },
    ]);
    expect(diff[0].parts).toEqual([
      { change: 'same', text: 'Ada added ' },
      { change: 'added', text: 'and subtracted ' },
      { change: 'same', text: 'fractions.' },
    ]);
  });
});
