import { Schema } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentText, setFragmentText } from '../../../shared/doc/text-fragment.ts';
import { fieldText } from './field-text.ts';

const schema = new Schema({ nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*' }, text: {} } });
const doc = (...paragraphs: string[]) =>
  schema.node(
    'doc',
    null,
    paragraphs.map((text) => schema.node('paragraph', null, text ? [schema.text(text)] : [])),
  );

describe('a field’s text in the editor', () => {
  it('turns positions into offsets, the inverse of positionOf', () => {
    const node = doc('One two', '', 'three');
    const map = fieldText(node);
    for (let offset = 0; offset <= map.text.length; offset++) expect(map.offsetAt(map.positionOf(offset))).toBe(offset);
    const from = map.offsetAt(node.content.size - 6);
    expect(map.text.slice(from, map.offsetAt(node.content.size - 1))).toBe('three');
  });

  it('keeps positions outside the text inside it', () => {
    const map = fieldText(doc('One'));
    expect(map.offsetAt(0)).toBe(0);
    expect(map.offsetAt(99)).toBe(3);
    expect(map.positionOf(-1)).toBe(1);
    expect(map.positionOf(99)).toBe(4);
  });

  it('has the offsets of the field’s Yjs text, as the editor binding draws it', () => {
    const yDoc = new Y.Doc();
    const fragment = yDoc.getXmlFragment('progressComment');
    setFragmentText(fragment, 'Dated the Tudors.\n\nNamed six wives.');
    const node = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    const map = fieldText(node);
    const text = fragmentText(fragment);
    expect(map.text).toBe(text);
    const from = text.indexOf('six');
    expect(node.textBetween(map.positionOf(from), map.positionOf(from + 'six wives'.length))).toBe('six wives');
  });
});
