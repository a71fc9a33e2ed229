import { describe, expect, it } from 'vitest';
import { createWordFrequencies, noFrequencies } from './word-frequency.ts';

describe('createWordFrequencies', () => {
  const frequencies = createWordFrequencies([
    { word: 'I', count: 10 },
    { word: 'i', count: 5 },
    { word: 'organize', count: 40 },
    { word: 'color', count: 30 },
    { word: 'traveled', count: 20 },
    { word: 'they', count: 1000 },
  ]);

  it('counts words whatever their case', () => {
    expect(frequencies.countOf('I')).toBe(15);
    expect(frequencies.size).toBe(5);
  });

  it('lets a British spelling borrow the count of its American form', () => {
    expect(frequencies.countOf('organise')).toBe(40);
    expect(frequencies.countOf('colour')).toBe(30);
    expect(frequencies.countOf('travelled')).toBe(20);
  });

  it('gives a contraction a tenth of its first word, and an unknown word nothing', () => {
    expect(frequencies.countOf('they’re')).toBe(100);
    expect(frequencies.countOf('zzz')).toBe(0);
    expect(noFrequencies.countOf('they')).toBe(0);
  });
});
