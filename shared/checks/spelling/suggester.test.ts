import { beforeAll, describe, expect, it } from 'vitest';
import { loadBritishDictionary, loadWordFrequencies } from '../../../scripts/load-dictionary.ts';
import { loadCommonMisspellings } from '../../../scripts/common-misspellings.ts';
import { createSpellChecker, type SpellChecker } from './spell-checker.ts';
import { createSuggester } from './suggester.ts';
import { createWordFrequencies } from './word-frequency.ts';

describe('createSuggester', () => {
  const frequencies = createWordFrequencies([
    { word: 'their', count: 5000 },
    { word: 'there', count: 9000 },
    { word: 'thee', count: 10 },
    { word: 'a', count: 100000 },
    { word: 'lot', count: 8000 },
  ]);
  const suggester = createSuggester({
    words: ['their', 'there', 'thee', 'three', 'Polish', 'polish', 'caterpillar', 'Caterpillar', 'a', 'lot', "don't"],
    frequencies,
  });

  it('finds words within two edits and ranks the likelier first', () => {
    expect(suggester.suggest('thier', 3)[0]).toBe('their');
    expect(suggester.suggest('catepilar', 3)).toEqual(['caterpillar']);
    expect(suggester.suggest('zzzzzzzz')).toEqual([]);
  });

  it('prefers the lower-case form for a lower-case word, and keeps the case typed', () => {
    expect(suggester.suggest('polsh')).toEqual(['polish']);
    expect(suggester.suggest('Caterpilar')).toEqual(['Caterpillar']);
    expect(suggester.suggest('THIER')[0]).toBe('THEIR');
  });

  it('offers two words for two run together, and keeps a curly apostrophe', () => {
    expect(suggester.suggest('alot')).toContain('a lot');
    expect(suggester.suggest('don’t', 3)).toEqual([]);
    expect(suggester.suggest('dont’', 3)[0]).toBe('don’t');
  });

  it('learns a word added later', () => {
    expect(suggester.suggest('Oluwasuen')).toEqual([]);
    suggester.addWord('Oluwaseun');
    expect(suggester.suggest('Oluwasuen')).toEqual(['Oluwaseun']);
  });

  it('reports the size and build time of its index', () => {
    const stats = createSuggester({ words: ['alpha', 'beta'] }).prepare();
    expect(stats).toMatchObject({ words: 2, entries: 1 + 5 + 10 + 1 + 4 + 6 });
    expect(stats.indexBytes).toBeGreaterThan(0);
  });
});

describe('suggestions on a public list of common misspellings', () => {
  let checker: SpellChecker;
  beforeAll(() => {
    checker = createSpellChecker(loadBritishDictionary(), { frequencies: loadWordFrequencies() });
  });

  it('puts the right word in the top three at least 92% of the time on pairs not used for tuning', () => {
    const { heldOut } = loadCommonMisspellings(checker.isKnown);
    expect(heldOut.length).toBeGreaterThan(1000);
    const right = heldOut.filter(({ typed, meant }) => checker.suggest(typed, 3).includes(meant)).length;
    expect(right / heldOut.length).toBeGreaterThanOrEqual(0.92);
  });
});
