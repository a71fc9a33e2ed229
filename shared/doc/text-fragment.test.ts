import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentLayout, fragmentText, layOutField, replaceInField, setFragmentText } from './text-fragment.ts';

describe('a field’s text', () => {
  it('is its paragraphs joined with line breaks, each paragraph at its offset', () => {
    const layout = layOutField([
      { paragraph: 'a', text: 'One two' },
      { paragraph: 'b', text: '' },
      { paragraph: 'c', text: 'three' },
    ]);
    expect(layout.text).toBe('One two\n\nthree');
    expect(layout.spans).toEqual([
      { paragraph: 'a', start: 0, length: 7 },
      { paragraph: 'b', start: 8, length: 0 },
      { paragraph: 'c', start: 9, length: 5 },
    ]);
    // Every offset lands in the paragraph whose text (or closing line break) it is.
    const found = [...Array(layout.text.length + 1).keys()].map((offset) => {
      const at = layout.locate(offset)!;
      return `${at.span.paragraph}${at.index}`;
    });
    expect(found).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'b0', 'c0', 'c1', 'c2', 'c3', 'c4', 'c5']);
    expect(layout.locate(-3)).toEqual({ span: layout.spans[0], index: 0 });
    expect(layout.locate(99)).toEqual({ span: layout.spans[2], index: 5 });
    expect(layOutField([]).locate(0)).toBeUndefined();
  });

  it('reads a Yjs field the same way, whatever texts a paragraph holds, without formatting or embeds', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('progressComment');
    setFragmentText(fragment, 'First.\nSecond.');
    const second = fragment.get(1) as Y.XmlElement;
    const more = new Y.XmlText();
    second.insert(1, [more]);
    more.insert(0, ' And more.', { bold: true });
    more.insertEmbed(0, { image: 'x' });
    expect(fragmentText(fragment)).toBe('First.\nSecond. And more.');
    expect(fragmentLayout(fragment).spans.map(({ start, length }) => [start, length])).toEqual([
      [0, 6],
      [7, 17],
    ]);
  });

  it('a replacement with line breaks splits the paragraph there, as Enter does, in one transaction', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('progressComment');
    setFragmentText(fragment, 'First line. Second line.\nLast.');
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    replaceInField(fragment, 11, 12, '\n');
    expect(fragmentText(fragment)).toBe('First line.\nSecond line.\nLast.');
    expect(fragment.length).toBe(3);
    replaceInField(fragment, 0, 5, 'One\n\nTwo');
    expect(fragmentText(fragment)).toBe('One\n\nTwo line.\nSecond line.\nLast.');
    expect(transactions).toBe(2);
    const empty = new Y.Doc().getXmlFragment('f');
    replaceInField(empty, 0, 0, 'A\nB');
    expect(fragmentText(empty)).toBe('A\nB');
  });
});
