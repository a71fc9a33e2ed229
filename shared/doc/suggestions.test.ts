import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommentAuthor } from './comments.ts';
import {
  acceptSuggestion,
  addSuggestion,
  anchorSuggestion,
  placeSuggestion,
  readSuggestions,
  rejectSuggestion,
  reviseSuggestion,
  withdrawSuggestion,
} from './suggestions.ts';
import { fragmentText, replaceInField, setFragmentText } from './text-fragment.ts';

const rita: CommentAuthor = { id: 'rita-device', name: 'Rita Reviewer', role: 'reviewer' };
const tom: CommentAuthor = { id: 'tom-device', name: 'Tom Tutor', role: 'tutor' };

function report(text = 'Sam worked in pairs on fractions.') {
  const content = new Y.Doc();
  const field = content.getXmlFragment('progressComment');
  setFragmentText(field, text);
  const comments = new Y.Doc();
  const suggest = (from: number, to: number, insert: string) => {
    const anchored = anchorSuggestion(field, from, to);
    if (!anchored.ok) throw new Error(anchored.problem);
    const made = addSuggestion(comments, { field: 'progressComment', ...anchored.value, insert, author: rita });
    if (!made.ok) throw new Error(made.problem);
    return made.value;
  };
  return { content, field, comments, suggest };
}

describe('suggested edits', () => {
  it('accepting a replacement, an insertion and a deletion changes the content and marks each accepted', () => {
    const { content, field, comments, suggest } = report();
    const replace = suggest(14, 19, 'threes');
    const insert = suggest(32, 32, ' Well done');
    const remove = suggest(3, 10, '');
    for (const id of [replace, insert, remove]) expect(acceptSuggestion(content, comments, id, tom).ok).toBe(true);
    expect(fragmentText(field)).toBe('Sam in threes on fractions Well done.');
    expect(readSuggestions(comments).map((s) => [s.state, s.decidedBy?.name])).toEqual([
      ['accepted', 'Tom Tutor'],
      ['accepted', 'Tom Tutor'],
      ['accepted', 'Tom Tutor'],
    ]);
  });

  it('a suggestion follows its words while the tutor types before them, and inserts where it was made', () => {
    const { content, field, comments, suggest } = report();
    const id = suggest(32, 32, ' Well done');
    replaceInField(field, 0, 0, 'Today ');
    expect(placeSuggestion(field, readSuggestions(comments)[0]!)).toEqual({ kind: 'placed', from: 38, to: 38 });
    expect(acceptSuggestion(content, comments, id, tom).ok).toBe(true);
    expect(fragmentText(field)).toBe('Today Sam worked in pairs on fractions Well done.');
  });

  it('words deleted since cannot be accepted, only rejected; a decided suggestion stays decided', () => {
    const { content, field, comments, suggest } = report();
    const id = suggest(14, 19, 'threes');
    replaceInField(field, 10, 22, '');
    const accepted = acceptSuggestion(content, comments, id, tom);
    expect(accepted).toEqual({ ok: false, problem: expect.stringContaining('changed since') });
    expect(fragmentText(field)).toBe('Sam worked fractions.');
    expect(rejectSuggestion(comments, id, tom).ok).toBe(true);
    expect(acceptSuggestion(content, comments, id, tom)).toEqual({
      ok: false,
      problem: expect.stringContaining('already'),
    });
    expect(readSuggestions(comments)[0]?.state).toBe('rejected');
  });

  it('a deletion across paragraphs joins them; the field limit is kept', () => {
    const { content, field, comments, suggest } = report('First line.\nSecond line.');
    const id = suggest(6, 19, '');
    expect(acceptSuggestion(content, comments, id, tom).ok).toBe(true);
    expect(fragmentText(field)).toBe('First line.');
    const long = suggest(0, 0, 'x'.repeat(20));
    expect(acceptSuggestion(content, comments, long, tom, { limit: 25 })).toEqual({
      ok: false,
      problem: 'Accepting this suggestion would make the field 31 characters long; the limit is 25.',
    });
    expect(fragmentText(field)).toBe('First line.');
  });

  it('a new paragraph can be suggested (Enter) and accepted; a suggested join of two paragraphs quotes the break', () => {
    const { content, field, comments, suggest } = report('Sam worked in pairs. He finished early.');
    const split = suggest(20, 21, '\n');
    expect(readSuggestions(comments)[0]).toMatchObject({ quote: ' ', insert: '\n' });
    expect(acceptSuggestion(content, comments, split, tom).ok).toBe(true);
    expect(fragmentText(field)).toBe('Sam worked in pairs.\nHe finished early.');
    expect(field.length).toBe(2);
    const join = suggest(20, 21, ' ');
    expect(readSuggestions(comments).find((s) => s.id === join)?.quote).toBe('\n');
    expect(acceptSuggestion(content, comments, join, tom).ok).toBe(true);
    expect(fragmentText(field)).toBe('Sam worked in pairs. He finished early.');
    // Backspace twice at a paragraph's start: the break and the full stop before it, the break kept in the quote.
    setFragmentText(field, 'Sam worked in pairs.\nHe finished early.');
    const further = suggest(19, 21, '');
    expect(readSuggestions(comments).find((s) => s.id === further)?.quote).toBe('.\n');
    expect(acceptSuggestion(content, comments, further, tom).ok).toBe(true);
    expect(fragmentText(field)).toBe('Sam worked in pairsHe finished early.');
    // A carriage return (from another system's paste) becomes the same line break.
    const end = fragmentText(field).length;
    const pasted = suggest(end, end, '\r\nWell done.');
    expect(readSuggestions(comments).find((s) => s.id === pasted)?.insert).toBe('\nWell done.');
  });

  it('only its author revises or withdraws an open suggestion; empty and over-long ones are refused', () => {
    const { comments, field, suggest } = report();
    const id = suggest(14, 19, 't');
    expect(reviseSuggestion(comments, id, { insert: 'threes' }, tom.id)).toEqual({
      ok: false,
      problem: 'You can change only your own suggestions.',
    });
    expect(reviseSuggestion(comments, id, { insert: 'threes' }, rita.id).ok).toBe(true);
    expect(readSuggestions(comments)[0]?.insert).toBe('threes');
    expect(withdrawSuggestion(comments, id, tom).ok).toBe(false);
    expect(withdrawSuggestion(comments, id, rita).ok).toBe(true);
    expect(readSuggestions(comments)[0]?.state).toBe('withdrawn');
    const point = anchorSuggestion(field, 4, 4);
    if (!point.ok) throw new Error(point.problem);
    expect(addSuggestion(comments, { field: 'progressComment', ...point.value, insert: '', author: rita }).ok).toBe(
      false,
    );
    expect(
      addSuggestion(comments, { field: 'progressComment', ...point.value, insert: 'x'.repeat(1025), author: rita }).ok,
    ).toBe(false);
  });

  it('words can be suggested into an empty field and an empty paragraph, and accepted there', () => {
    const { content, field, comments, suggest } = report('');
    // A field never typed in has no paragraphs at all.
    field.delete(0, field.length);
    const first = suggest(0, 0, 'Sam counted to twenty.');
    expect(acceptSuggestion(content, comments, first, tom).ok).toBe(true);
    expect(fragmentText(field)).toBe('Sam counted to twenty.');

    setFragmentText(field, 'First line.\n\nThird line.');
    const second = suggest(12, 12, 'Second line.');
    expect(placeSuggestion(field, readSuggestions(comments).find((s) => s.id === second)!)).toEqual({
      kind: 'placed',
      from: 12,
      to: 12,
    });
    expect(acceptSuggestion(content, comments, second, tom).ok).toBe(true);
    expect(fragmentText(field)).toBe('First line.\nSecond line.\nThird line.');
  });

  it('a place outside the field cannot be suggested at', () => {
    const { field } = report('Short.');
    expect(anchorSuggestion(field, 7, 7)).toEqual({ ok: false, problem: expect.stringContaining('no such place') });
  });
});
