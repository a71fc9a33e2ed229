import { beforeAll, describe, expect, it } from 'vitest';
import { Finding } from '../finding.ts';
import { loadBritishDictionary } from '../../../scripts/load-dictionary.ts';
import { createSpellChecker, type SpellChecker } from './spell-checker.ts';

let checker: SpellChecker;
beforeAll(() => {
  checker = createSpellChecker(loadBritishDictionary());
});

const unknownWords = (text: string) => checker.check(text).map((finding) => finding.text);

describe('createSpellChecker', () => {
  it('finds a misspelt word, with its offsets, a plain message and no suggestions yet', () => {
    const findings = checker.check('The learner acheived the objective.');
    expect(findings).toEqual([
      {
        kind: 'spelling',
        rule: 'spelling/unknown-word',
        start: 12,
        end: 20,
        text: 'acheived',
        message: '"acheived" is not in the British English dictionary',
        suggestions: [],
      },
    ]);
    expect(() => findings.map((finding) => Finding.parse(finding))).not.toThrow();
  });

  it('accepts British spellings and flags American ones', () => {
    expect(unknownWords('The organisation recognised the colour of the programme.')).toEqual([]);
    expect(unknownWords('The organization recognized the color.')).toEqual(['organization', 'recognized', 'color']);
  });

  it('accepts a correct word at the start of a sentence and flags a misspelt one', () => {
    expect(unknownWords('Learners worked hard. Organisation was good.')).toEqual([]);
    expect(unknownWords('Acheived the target.')).toEqual(['Acheived']);
  });

  it('accepts possessives and contractions with either apostrophe', () => {
    expect(unknownWords("The learner's work, the learners' work, the learner’s work, the learners’ work.")).toEqual([]);
    expect(unknownWords('She didn’t stop and it’s done.')).toEqual([]);
  });

  it('checks each part of a hyphenated compound', () => {
    expect(unknownWords('Her self-assessment was well-judged.')).toEqual([]);
    expect(unknownWords('Her self-assesment was good.')).toEqual(['assesment']);
  });

  it('does not flag numbers, scores, addresses or acronyms', () => {
    expect(
      unknownWords(
        'Scored 8/10 in Y6 on the 3rd of May 2024; see https://example.org/fractoins or e-mail jo@school.uk about the GCSE.',
      ),
    ).toEqual([]);
  });

  it('accepts words written with accents that the dictionary lists without them', () => {
    expect(unknownWords('A naïve question in the café.')).toEqual([]);
  });

  it('returns the same findings when asked again (answers are remembered)', () => {
    const text = 'The learnr acheived it.';
    expect(checker.check(text)).toEqual(checker.check(text));
    expect(unknownWords(text)).toEqual(['learnr', 'acheived']);
  });

  it('suggests corrections on demand, best first, up to the limit', () => {
    const suggestions = checker.suggest('acheived', 3);
    expect(suggestions[0]).toBe('achieved');
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(checker.suggest('objective')).toEqual([]);
  });
});
