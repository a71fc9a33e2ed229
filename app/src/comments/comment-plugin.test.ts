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

describe('the Add comment button', () => {
  /** A field's view on a page that counts how often its selection is read (each read makes the browser lay out). */
  function fieldOnPage() {
    const listeners = new Map<string, () => void>();
    const text = { nodeType: 3 };
    let selection = { isCollapsed: true, anchorNode: text, anchorOffset: 0, focusNode: text, focusOffset: 0 };
    let reads = 0;
    const button = { hidden: true, style: {}, offsetWidth: 0, addEventListener() {}, setAttribute() {} };
    const page = {
      getSelection: () => (reads++, selection),
      createElement: () => button,
      addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
      removeEventListener: (type: string) => listeners.delete(type),
    };
    const frame = { getBoundingClientRect: () => ({ left: 0, top: 0, width: 300 }), appendChild() {} };
    const view = {
      dom: { ownerDocument: page, parentElement: frame, contains: (node: unknown) => node === text },
      posAtDOM: (_node: unknown, offset: number) => offset,
      coordsAtPos: () => ({ left: 10, bottom: 20 }),
    };
    const pluginView = plugin.spec.view!(view as never);
    return {
      button,
      reads: () => reads,
      edited: () => pluginView.update!(view as never, undefined as never),
      select(from: number, to: number) {
        selection = { ...selection, isCollapsed: from === to, anchorOffset: from, focusOffset: to };
        listeners.get('selectionchange')!();
      },
    };
  }

  it('is placed when words are selected, and an edit reads the page’s selection only while words in the field are selected', () => {
    const field = fieldOnPage();
    field.edited();
    field.edited();
    expect(field.reads()).toBe(0);

    field.select(2, 6);
    expect(field.button.hidden).toBe(false);
    const afterSelecting = field.reads();
    field.edited();
    expect(field.reads()).toBe(afterSelecting + 1);

    field.select(3, 3);
    expect(field.button.hidden).toBe(true);
    const afterCollapsing = field.reads();
    field.edited();
    expect(field.reads()).toBe(afterCollapsing);
  });
});
