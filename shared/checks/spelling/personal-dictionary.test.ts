import { describe, expect, it } from 'vitest';
import { createPersonalDictionary, normalisePersonalWord } from './personal-dictionary.ts';

describe('normalisePersonalWord', () => {
  it('stores a word without its possessive ending and with a straight apostrophe', () => {
    expect(normalisePersonalWord(' Oluwaseun’s ')).toEqual({ ok: true, value: 'Oluwaseun' });
    expect(normalisePersonalWord('O’Neill')).toEqual({ ok: true, value: "O'Neill" });
    expect(normalisePersonalWord('Smith-Jones')).toEqual({ ok: true, value: 'Smith-Jones' });
    expect(normalisePersonalWord("learners'")).toEqual({ ok: true, value: 'learners' });
  });

  it('refuses what is not one word, saying why', () => {
    expect(normalisePersonalWord('')).toEqual({ ok: false, problem: 'There is no word to add.' });
    expect(normalisePersonalWord('Ada Lovelace')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('one word at a time'),
    });
    expect(normalisePersonalWord('8/10')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('is not a word'),
    });
    expect(normalisePersonalWord('a'.repeat(65))).toMatchObject({
      ok: false,
      problem: expect.stringContaining('at most 64'),
    });
  });
});

describe('createPersonalDictionary', () => {
  it('accepts a name capitalised, in capitals and with its possessive, but not in lower case', () => {
    const words = createPersonalDictionary(['Oluwaseun']);
    expect(['Oluwaseun', 'OLUWASEUN', "Oluwaseun's", 'Oluwaseun’s'].map(words.has)).toEqual([true, true, true, true]);
    expect(words.has('oluwaseun')).toBe(false);
  });

  it('accepts a lower-case word in any case', () => {
    const words = createPersonalDictionary(['edtech']);
    expect(['edtech', 'Edtech', 'EDTECH'].map(words.has)).toEqual([true, true, true]);
  });

  it('adds, removes and replaces words, listing them in order', () => {
    const words = createPersonalDictionary();
    expect(words.add('Zainab')).toEqual({ ok: true, value: 'Zainab' });
    expect(words.add('two words')).toMatchObject({ ok: false });
    words.add('Amara');
    expect(words.words()).toEqual(['Amara', 'Zainab']);
    words.remove("Zainab's");
    expect(words.has('Zainab')).toBe(false);
    words.replaceAll(['Kwame', 'bad word']);
    expect(words.words()).toEqual(['Kwame']);
  });
});
