import { describe, expect, it } from 'vitest';
import { learnerWordsInLearnerComments } from './learner-words-in-learner-comments.ts';

const context = { form: 'ilp', field: 'learnerComments' };
const flagged = (text: string) =>
  learnerWordsInLearnerComments.check(text, context).map((f) => [f.text, f.message.slice(0, 30)]);

describe("comments from the learner hold the learner's words", () => {
  it('applies to the learner comments field, whatever the form', () => {
    expect(learnerWordsInLearnerComments.appliesTo!(context)).toBe(true);
    expect(learnerWordsInLearnerComments.appliesTo!({ form: 'progress-report', field: 'learnerComments' })).toBe(true);
    expect(learnerWordsInLearnerComments.appliesTo!({ form: 'ilp', field: 'planToAchieveTarget' })).toBe(false);
  });

  it("flags the tutor's plan", () => {
    expect(flagged('We will work on fractions every week. She needs to practise her times tables.')).toEqual([
      ['We will work on fractions every week.', "This reads as the tutor's plan"],
      ['She needs to practise her times tables.', "This reads as the tutor's plan"],
    ]);
  });

  it("flags the tutor's own view of the learner", () => {
    expect(flagged('Sam is good at algebra.')).toEqual([['Sam is good at algebra.', 'This reads as your view, not t']]);
  });

  it('passes quoted and reported words', () => {
    expect(flagged('“I want to get better at fractions so I can do my homework.”')).toEqual([]);
    expect(
      flagged('Sam said she finds fractions hard but enjoys algebra. I would like more reading practice.'),
    ).toEqual([]);
  });
});
