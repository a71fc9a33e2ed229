import { Schema } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { commentsKey, createCommentPlugin, type HighlightRange } from './comment-plugin.ts';

const schema = new Schema({ nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*' }, text: {} } });
const doc = (text: string) => schema.node('doc', null, [schema.node('paragraph', null, [schema.text(text)])]);
const plugin = createCommentPlugin({
  canComment: () => true,
  showThread() {},
  addComment() {},
  attach: () => () => {},
});

function highlightedWords(state: EditorState): string[] {
  return commentsKey
    .getState(state)!
    .find()
    .map((decoration) => state.doc.textBetween(decoration.from, decoration.to));
}

describe('comment highlights', () => {
  it('cover the ranges they are given, follow edits until placed again, and never change the document', () => {
    const start = EditorState.create({ doc: doc('Added 8 of 10 pairs.'), plugins: [plugin] });
    const ranges: HighlightRange[] = [{ threadId: 't1', from: 7, to: 20, resolved: false, focused: false }];
    const highlighted = start.apply(start.tr.setMeta(commentsKey, ranges));
    expect(highlighted.doc.eq(start.doc)).toBe(true);
    expect(highlightedWords(highlighted)).toEqual(['8 of 10 pairs']);
    expect(commentsKey.getState(highlighted)!.find()[0].spec).toEqual({ threadId: 't1' });

    const typedBefore = highlighted.apply(highlighted.tr.insertText('about ', 7));
    expect(highlightedWords(typedBefore)).toEqual(['8 of 10 pairs']);
    const replacedAll = typedBefore.apply(typedBefore.tr.setMeta(commentsKey, []));
    expect(highlightedWords(replacedAll)).toEqual([]);
  });

  it('ignore ranges outside the field rather than failing', () => {
    const start = EditorState.create({ doc: doc('Short.'), plugins: [plugin] });
    const state = start.apply(
      start.tr.setMeta(commentsKey, [{ threadId: 't1', from: 3, to: 99, resolved: true, focused: false }]),
    );
    expect(highlightedWords(state)).toEqual([]);
  });
});
