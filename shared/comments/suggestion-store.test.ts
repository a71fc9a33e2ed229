import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommentAuthor } from '../doc/comments.ts';
import { fragmentText, setFragmentText } from '../doc/text-fragment.ts';
import { createSuggestionStore, type SuggestedChange } from './suggestion-store.ts';

const rita: CommentAuthor = { id: 'rita-device', name: 'Rita Reviewer', role: 'reviewer' };
const tom: CommentAuthor = { id: 'tom-device', name: 'Tom Tutor', role: 'tutor' };

function open(text = 'Sam worked in pairs.') {
  const content = new Y.Doc();
  const fragment = content.getXmlFragment('progressComment');
  setFragmentText(fragment, text);
  const comments = new Y.Doc();
  let who = rita;
  const store = createSuggestionStore({ comments, author: () => who });
  store.setContent(content);
  const edit = (change: Omit<SuggestedChange, 'field' | 'fragment'>) => {
    const result = store.edit({ field: 'progressComment', fragment, ...change });
    if (!result.ok) throw new Error(result.problem);
    return result.value;
  };
  return { fragment, store, edit, become: (author: CommentAuthor) => (who = author) };
}

describe('the suggestion store', () => {
  it('typing on at the end of one’s suggestion adds to it; Backspace takes its last letter back', () => {
    const { store, edit } = open();
    // "pairs" selected and replaced by typing "t", "h", "r", "e", "e", "s", "x", Backspace.
    let caret = edit({ from: 14, to: 19, insert: 't', key: 'text' });
    for (const letter of 'hreesx') caret = edit({ from: caret, to: caret, insert: letter, key: 'text' });
    caret = edit({ from: caret - 1, to: caret, insert: '', key: 'backspace' });
    expect(caret).toBe(19);
    expect(store.suggestions().map((s) => [s.suggestion.quote, s.suggestion.insert, s.placement])).toEqual([
      ['pairs', 'threes', { kind: 'placed', from: 14, to: 19 }],
    ]);
  });

  it('Backspace and Delete on from one’s deletion extend it; elsewhere they start another', () => {
    const { store, edit } = open();
    let caret = edit({ from: 10, to: 11, insert: '', key: 'backspace' });
    caret = edit({ from: caret - 1, to: caret, insert: '', key: 'backspace' });
    expect(caret).toBe(9);
    expect(edit({ from: 9, to: 10, insert: '', key: 'delete' })).toBe(9);
    edit({ from: 0, to: 3, insert: 'He', key: 'text' });
    expect(store.suggestions().map((s) => [s.suggestion.quote, s.suggestion.insert])).toEqual([
      ['d i', ''],
      ['Sam', 'He'],
    ]);
  });

  it('accept all makes every open change as the writer’s edit; reject all leaves the content', () => {
    const { store, edit, fragment, become } = open();
    edit({ from: 14, to: 19, insert: 'threes', key: 'text' });
    store.endDraft();
    edit({ from: 19, to: 19, insert: ' today', key: 'text' });
    become(tom);
    const done = store.decideAll('accept');
    expect(done).toEqual({ ok: true, value: { done: 2, problems: [] } });
    expect(fragmentText(fragment)).toBe('Sam worked in threes today.');
    expect(store.decideAll('reject')).toEqual({ ok: true, value: { done: 0, problems: [] } });
    expect(store.suggestions().every((s) => s.suggestion.decidedBy?.name === 'Tom Tutor')).toBe(true);
  });
});
