import { describe, expect, it } from 'vitest';
import { createTextMap } from './text-map.ts';

describe('createTextMap', () => {
  const map = createTextMap([
    { node: 'p1-a', text: 'The learner ' },
    { node: 'p1-b', text: 'ach' },
    { node: 'p1-c', text: 'ieved it.' },
    { node: null, text: '\n' },
    { node: 'p2', text: 'Next' },
  ]);

  it('joins the pieces into the text that is checked', () => {
    expect(map.text).toBe('The learner achieved it.\nNext');
  });

  it('finds the node and offset where a word starts and ends, across nodes', () => {
    const start = map.text.indexOf('achieved');
    expect(map.locate(start, 'start')).toEqual({ node: 'p1-b', offset: 0 });
    expect(map.locate(start + 'achieved'.length, 'end')).toEqual({ node: 'p1-c', offset: 5 });
    expect(map.locate(0, 'start')).toEqual({ node: 'p1-a', offset: 0 });
    expect(map.locate(map.text.length, 'end')).toEqual({ node: 'p2', offset: 4 });
  });

  it('ends a word at the end of its own node, not the start of the next', () => {
    expect(map.locate(15, 'end')).toEqual({ node: 'p1-b', offset: 3 });
    expect(map.locate(15, 'start')).toEqual({ node: 'p1-c', offset: 0 });
  });

  it('has no position inside a line break it added or outside the text', () => {
    expect(map.locate(map.text.indexOf('\n'), 'start')).toBeNull();
    expect(map.locate(map.text.length, 'start')).toBeNull();
    expect(map.locate(0, 'end')).toBeNull();
  });

  it('finds the offset in the text of a place in a node', () => {
    expect(map.offsetOf('p1-c', 2)).toBe(17);
    expect(map.offsetOf('p2', 0)).toBe(map.text.indexOf('Next'));
    expect(map.offsetOf('elsewhere', 0)).toBeNull();
  });

  it('maps an empty field to empty text', () => {
    expect(createTextMap([]).text).toBe('');
  });
});
