import { describe, expect, it } from 'vitest';
import { boundedEditDistance, typingCost } from './edit-cost.ts';
import { areNeighbouringKeys } from './keyboard.ts';

describe('boundedEditDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours', () => {
    expect(boundedEditDistance('recieve', 'receive', 2)).toBe(1);
    expect(boundedEditDistance('acomodate', 'accommodate', 2)).toBe(2);
    expect(boundedEditDistance('cat', 'cat', 2)).toBe(0);
  });

  it('gives up past its bound', () => {
    expect(boundedEditDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(boundedEditDistance('a', 'abcd', 2)).toBe(3);
  });
});

describe('typingCost', () => {
  it('makes likely slips cheaper than unlikely ones', () => {
    expect(typingCost('accomodate', 'accommodate')).toBeLessThan(typingCost('acxommodate', 'accommodate'));
    expect(typingCost('seperate', 'separate')).toBeLessThan(typingCost('sekarate', 'separate'));
    expect(typingCost('teh', 'the')).toBeLessThan(typingCost('tqe', 'the'));
    expect(typingCost('dont', "don't")).toBeLessThan(0.5);
  });
});

describe('areNeighbouringKeys', () => {
  it('knows the keys around each key on a UK keyboard', () => {
    expect(areNeighbouringKeys('s', 'd')).toBe(true);
    expect(areNeighbouringKeys('s', 'w')).toBe(true);
    expect(areNeighbouringKeys('s', 'x')).toBe(true);
    expect(areNeighbouringKeys('s', 'p')).toBe(false);
    expect(areNeighbouringKeys('s', 's')).toBe(false);
  });
});
