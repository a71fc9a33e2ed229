import { describe, expect, it } from 'vitest';
import { practicePractise } from './practice-practise.ts';

const flagged = (text: string) => practicePractise.check(text, {}).map((f) => [f.text, f.suggestions[0]]);

describe('practice / practise', () => {
  it('flags the American verb forms', () => {
    expect(flagged('She practiced her spellings and is practicing fractions.')).toEqual([
      ['practiced', 'practised'],
      ['practicing', 'practising'],
    ]);
  });

  it('flags "practice" used as a verb', () => {
    expect(flagged('He needs to practice his times tables.')).toEqual([['practice', 'practise']]);
    expect(flagged('They will practice again. She practices daily.')).toEqual([
      ['practice', 'practise'],
      ['practices', 'practises'],
    ]);
  });

  it('flags "practise" used as a noun', () => {
    expect(flagged('More practise is needed. Good practise helps.')).toEqual([
      ['practise', 'practice'],
      ['practise', 'practice'],
    ]);
    expect(flagged('We did two practise papers.')).toEqual([['practise', 'practice']]);
  });

  it('passes correct British use', () => {
    expect(
      flagged('She practised her spellings; more practice will help. He will practise at home with practice papers.'),
    ).toEqual([]);
    expect(flagged('Regular practice of number bonds, and to practise them daily.')).toEqual([]);
  });

  it('keeps the capital of a word at the start of a sentence', () => {
    expect(flagged('Practiced well today.')).toEqual([['Practiced', 'Practised']]);
  });
});
