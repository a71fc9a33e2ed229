import { describe, expect, it } from 'vitest';
import { Ilp } from './form.ts';

const good = {
  learner: { id: 'l1', name: 'Sam' },
  subject: 'Maths',
  assignmentBrief: 'Face-to-face tuition while out of school.',
  date: '2026-11-05',
  keyStage: 'Key stage 3',
  assessmentScore: 45,
  target: 55,
  assessmentComments: 'Secure with place value; gaps in fractions.',
  plan: 'Fractions first, then ratio, with visual models.',
  learnerComments: '"I want to get better at fractions."',
};
const messages = (input: unknown) => Ilp.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];

describe('Individual Learning Plan schema', () => {
  it('accepts a complete plan with a target exactly 10 points above the score', () => {
    expect(messages(good)).toEqual([]);
  });

  it('refuses a target less than 10 points above the score, even when other fields are missing', () => {
    expect(messages({ ...good, target: 54 })).toEqual([
      'The target must be at least 10 points above the score of 45%: 55% or more.',
    ]);
    expect(messages({ ...good, keyStage: undefined, target: 50 })).toEqual([
      'Choose the initial key stage.',
      'The target must be at least 10 points above the score of 45%: 55% or more.',
    ]);
  });

  it('names a missing or impossible percentage', () => {
    expect(messages({ ...good, assessmentScore: undefined })).toEqual(['Give the assessment score.']);
    expect(messages({ ...good, target: 101 })).toEqual(['The target cannot be above 100%.']);
    expect(messages({ ...good, assessmentScore: 45.5 })).toEqual(['Give the assessment score as a whole number.']);
  });

  it('needs every comment, each within 1,024 characters', () => {
    expect(messages({ ...good, learnerComments: ' ' })).toEqual(['This field is required.']);
    expect(messages({ ...good, plan: 'p'.repeat(1024) })).toEqual([]);
    expect(messages({ ...good, plan: 'p'.repeat(1025) })).toEqual([
      'This field holds at most 1,024 characters; it has 1025.',
    ]);
  });
});
