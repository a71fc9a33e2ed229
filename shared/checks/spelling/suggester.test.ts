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

describe('an index built in steps', () => {
  // Enough words for several steps of 4,000.
  const words = Array.from({ length: 12_000 }, (_, i) => `word${i.toString(36)}x`).concat(['their', 'there']);

  it('pauses between steps, then suggests what an index built in one go suggests', async () => {
    const whole = createSuggester({ words });
    const stepped = createSuggester({ words });
    let pauses = 0;
    const figures = await stepped.prepareInSteps(async () => void pauses++);
    expect(pauses).toBeGreaterThanOrEqual(5);
    expect(figures).toMatchObject({ words: whole.prepare().words, entries: whole.prepare().entries });
    for (const typed of ['thier', 'word1zx', 'wrd2ax']) expect(stepped.suggest(typed)).toEqual(whole.suggest(typed));
  });

  it('answers a suggestion asked for between steps, and keeps a word added meanwhile', async () => {
    const stepped = createSuggester({ words });
    let asked = false;
    const building = stepped.prepareInSteps(async () => {
      if (asked) return;
      asked = true;
      stepped.addWord('Oluwaseun');
      expect(stepped.suggest('thier')[0]).toBe('their');
    });
    await building;
    expect(asked).toBe(true);
    expect(stepped.suggest('Oluwasuen')).toContain('Oluwaseun');
  });

  it('suggests a word added while it was being built', async () => {
    const stepped = createSuggester({ words });
    let pauses = 0;
    await stepped.prepareInSteps(async () => {
      if (++pauses === 2) stepped.addWord('Kwabena');
    });
    expect(stepped.suggest('Kwabnea')).toContain('Kwabena');
    expect(stepped.suggest('thier')[0]).toBe('their');
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
