import { describe, expect, it } from 'vitest';
import { betterObjective, missingLetters, smartObjective } from './smart-objective.ts';

const objective = { form: 'session-report', field: 'learningObjective1' };
const check = (text: string) => smartObjective.check(text, objective);

describe('SMART learning objectives', () => {
  it('applies to learning objective fields only', () => {
    expect(smartObjective.appliesTo!(objective)).toBe(true);
    expect(smartObjective.appliesTo!({ form: 'session-report', field: 'learningObjective3' })).toBe(true);
    expect(smartObjective.appliesTo!({ form: 'session-report', field: 'progressComment' })).toBe(false);
    expect(smartObjective.appliesTo!({ field: 'anything', role: 'learning-objective' })).toBe(true);
  });

  it('says which letters a vague objective is missing', () => {
    expect(missingLetters('To understand fractions')).toEqual(['S', 'M', 'T']);
    expect(missingLetters('Learn about the water cycle')).toEqual(['S', 'M', 'T']);
    expect(missingLetters('Be aware of the rules of punctuation by the end of the session')).toEqual(['S', 'M']);
    expect(missingLetters('Identify nouns and verbs in five sentences')).toEqual(['T']);
    expect(missingLetters('Master all of the times tables by the end of the session, with 10 correct')).toEqual(['A']);
  });

  it('flags a vague objective with the missing letters and a better example', () => {
    const [found] = check('To understand fractions');
    expect(found).toMatchObject({ kind: 'prompt', rule: 'prompt/smart-objective', start: 0, end: 23 });
    expect(found!.message).toContain('Missing: S (an observable verb');
    expect(found!.message).toContain('M (something to measure');
    expect(found!.message).toContain('T (a time frame');
    expect(found!.suggestions).toEqual([
      'By the end of the session, the learner will explain fractions in their own words, getting at least 4 out of 5 right.',
    ]);
  });

  it('keeps an observable verb and adds only what is missing', () => {
    expect(betterObjective('Identify nouns and verbs in five sentences', ['T'])).toBe(
      'By the end of the session, the learner will identify nouns and verbs in five sentences.',
    );
  });

  it('passes SMART objectives', () => {
    expect(
      check('By the end of the session, Sam will correctly add three pairs of fractions with different denominators.'),
    ).toEqual([]);
    expect(
      check('Write a paragraph of at least five sentences using capital letters and full stops, in this session.'),
    ).toEqual([]);
    expect(check('Solve 8 out of 10 two-step equations independently by the end of the lesson.')).toEqual([]);
  });

  it('waits until there is enough to judge', () => {
    expect(check('To understand')).toEqual([]);
    expect(check('')).toEqual([]);
  });
});
