import { Schema } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { fieldText } from '../editor/field-text.ts';
import { offsetAt } from './text-offsets.ts';

const schema = new Schema({ nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*' }, text: {} } });
const doc = (...paragraphs: string[]) =>
  schema.node(
    'doc',
    null,
    paragraphs.map((text) => schema.node('paragraph', null, text ? [schema.text(text)] : [])),
  );

describe('offsetAt', () => {
  it('turns positions into offsets of the field’s text, the inverse of fieldText’s positionOf', () => {
    const node = doc('One two', '', 'three');
    const map = fieldText(node);
    for (let offset = 0; offset <= map.text.length; offset++)
      expect(offsetAt(node, map.positionOf(offset))).toBe(offset);
    const from = offsetAt(node, node.content.size - 6);
    expect(map.text.slice(from, offsetAt(node, node.content.size - 1))).toBe('three');
  });

  it('keeps positions past the end inside the text', () => {
    const node = doc('One');
    expect(offsetAt(node, 0)).toBe(0);
    expect(offsetAt(node, 99)).toBe(3);
  });
});
