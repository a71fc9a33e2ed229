import { Schema } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/checks/finding.ts';
import { checksKey, createCheckPlugin, placedAt, type PlacedFinding } from './check-plugin.ts';
import { fieldText } from './field-text.ts';

const schema = new Schema({ nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*' }, text: {} } });
const doc = (...paragraphs: string[]) =>
  schema.node(
    'doc',
    null,
    paragraphs.map((text) => schema.node('paragraph', null, text ? [schema.text(text)] : [])),
  );
const noop = { changed() {}, open() {}, placedChanged() {} };

function stateWith(text: string[], findings: Finding[]) {
  const state = EditorState.create({ doc: doc(...text), plugins: [createCheckPlugin(noop)] });
  const map = fieldText(state.doc);
  const placed = findings.map((finding) => ({
    finding,
    from: map.positionOf(finding.start),
    to: map.positionOf(finding.end),
  }));
  return state.apply(state.tr.setMeta(checksKey, placed));
}
const finding = (kind: Finding['kind'], text: string, whole: string): Finding => {
  const start = whole.indexOf(text);
  return { kind, rule: `${kind}/x`, start, end: start + text.length, text, message: '', suggestions: [] };
};
const placedTexts = (state: EditorState) =>
  checksKey.getState(state)!.placed.map((item: PlacedFinding) => state.doc.textBetween(item.from, item.to, '\n'));

describe('fieldText', () => {
  it('joins paragraphs with new lines and finds the position of any offset', () => {
    const map = fieldText(doc('One two', '', 'three'));
    expect(map.text).toBe('One two\n\nthree');
    const node = doc('One two', '', 'three');
    expect(node.textBetween(map.positionOf(4), map.positionOf(7))).toBe('two');
    expect(node.textBetween(map.positionOf(9), map.positionOf(14))).toBe('three');
  });
});

describe('the check plugin', () => {
  const whole = 'Teh learner acheived it.\nTo understand fractions';
  const findings = [
    finding('spelling', 'Teh', whole),
    finding('spelling', 'acheived', whole),
    finding('prompt', 'To understand fractions', whole),
  ];

  it('draws each finding as a decoration on its words', () => {
    const state = stateWith(whole.split('\n'), findings);
    expect(placedTexts(state)).toEqual(['Teh', 'acheived', 'To understand fractions']);
    expect(
      checksKey
        .getState(state)!
        .decorations.find()
        .map((decoration) => (decoration.spec as { placed: PlacedFinding }).placed.finding.text),
    ).toEqual(['Teh', 'acheived', 'To understand fractions']);
  });

  it('moves findings with text typed before them', () => {
    let state = stateWith(whole.split('\n'), findings);
    state = state.apply(state.tr.insertText('Today ', 1));
    expect(placedTexts(state)).toEqual(['Teh', 'acheived', 'To understand fractions']);
  });

  it('drops a spelling finding whose word was edited, but keeps advice on an edited sentence', () => {
    let state = stateWith(whole.split('\n'), findings);
    const inside = checksKey.getState(state)!.placed[1]!.from + 3;
    state = state.apply(state.tr.insertText('i', inside));
    const objective = checksKey.getState(state)!.placed.at(-1)!;
    state = state.apply(state.tr.insertText('really ', objective.from + 3));
    expect(placedTexts(state)).toEqual(['Teh', 'To really understand fractions']);
  });

  it('finds the narrowest finding under a position', () => {
    const sentence = 'Could we meet Teh day?';
    const state = stateWith([sentence], [finding('prompt', sentence, sentence), finding('spelling', 'Teh', sentence)]);
    expect(placedAt(state, 16)?.finding.kind).toBe('spelling');
    expect(placedAt(state, 3)?.finding.kind).toBe('prompt');
  });
});
