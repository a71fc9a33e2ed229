import { Schema } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { createSuggestionPlugin, suggestionsKey, type SuggestionMark } from './suggestion-plugin.ts';

const schema = new Schema({ nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*' }, text: {} } });
const doc = (text: string) => schema.node('doc', null, [schema.node('paragraph', null, [schema.text(text)])]);

function state(suggesting: boolean) {
  const plugin = createSuggestionPlugin({
    suggesting: () => suggesting,
    edit: () => undefined,
    attach: () => () => {},
  });
  return EditorState.create({ doc: doc('Added 8 of 10 pairs.'), plugins: [plugin] });
}

describe('suggestion marks and Suggest mode', () => {
  it('draw the words to delete as <del> and the words to add as a widget, without changing the document', () => {
    const start = state(false);
    const marks: SuggestionMark[] = [
      {
        id: 's1',
        from: 15,
        to: 20,
        insert: 'sums',
        byline: 'Suggested by Rita Reviewer (Reviewer), 4 Dec 2026, 11:02',
      },
      { id: 's2', from: 21, to: 21, insert: ' today', byline: 'Suggested by Mo Mentor (Mentor), 4 Dec 2026, 11:03' },
    ];
    const drawn = start.apply(start.tr.setMeta(suggestionsKey, marks));
    expect(drawn.doc.eq(start.doc)).toBe(true);
    const decorations = suggestionsKey.getState(drawn)!.find();
    expect(decorations.map((d) => [d.from, d.to])).toEqual([
      [15, 20],
      [20, 20],
      [21, 21],
    ]);
    const inline = decorations.find((d) => d.from < d.to && (d as unknown as { type: { attrs?: object } }).type.attrs);
    expect((inline as unknown as { type: { attrs: Record<string, string> } }).type.attrs).toMatchObject({
      nodeName: 'del',
      title: 'Suggested deletion. Suggested by Rita Reviewer (Reviewer), 4 Dec 2026, 11:02',
    });
  });

  it('in Suggest mode keep this person’s edits out of the content, but let others’ arrive', () => {
    const suggesting = state(true);
    expect(suggesting.applyTransaction(suggesting.tr.insertText('x', 1)).state.doc.eq(suggesting.doc)).toBe(true);
    const arriving = suggesting.tr.insertText('Today ', 1).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(suggesting.applyTransaction(arriving).state.doc.textContent).toBe('Today Added 8 of 10 pairs.');
    const writing = state(false);
    expect(writing.applyTransaction(writing.tr.insertText('x', 1)).state.doc.textContent).toBe('xAdded 8 of 10 pairs.');
  });

  it('draw a suggested join of two paragraphs as a struck pilcrow where the first ends', () => {
    const plugin = createSuggestionPlugin({ suggesting: () => true, edit: () => undefined, attach: () => () => {} });
    const twoParagraphs = schema.node('doc', null, [
      schema.node('paragraph', null, [schema.text('Sums.')]),
      schema.node('paragraph', null, [schema.text('Done.')]),
    ]);
    const start = EditorState.create({ doc: twoParagraphs, plugins: [plugin] });
    const join: SuggestionMark = { id: 'j1', from: 6, to: 8, insert: '', byline: 'Suggested by Rita' };
    const drawn = start.apply(start.tr.setMeta(suggestionsKey, [join]));
    const widgets = suggestionsKey
      .getState(drawn)!
      .find()
      .filter((d) => d.from === d.to);
    expect(widgets.map((d) => [d.from, (d as unknown as { type: { side: number } }).type.side])).toEqual([[6, 1]]);
  });
});
