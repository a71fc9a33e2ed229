import { describe, expect, it } from 'vitest';
import { ProgressReport, progressReportFieldLabel } from './form.ts';

const good = {
  learner: { id: 'l1', name: 'Sam' },
  subject: 'Maths',
  final: false,
  date: '2026-12-14',
  targetMet: 'Yes',
  updatedScore: 56,
  newTarget: 66,
  progressAchieved: 'Adds and subtracts fractions with unlike denominators.',
  plan: 'Multiplying and dividing fractions; ratio.',
  learnerComments: 'Says fractions "finally make sense".',
};
const messages = (input: unknown) => ProgressReport.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];

describe('ProgressReport schema', () => {
  it('accepts a complete six-week report whose new target is exactly 10 above the updated score', () => {
    expect(messages(good)).toEqual([]);
  });

  it('needs a new target 10 points above the updated score, except in the final report', () => {
    expect(messages({ ...good, newTarget: 65 })).toEqual([
      'The target must be at least 10 points above the score of 56%: 66% or more.',
    ]);
    expect(messages({ ...good, newTarget: undefined })).toEqual(['Give the target for the next six weeks.']);
    expect(messages({ ...good, final: true, newTarget: undefined })).toEqual([]);
  });

  it('asks whether the target was met, and for the updated score', () => {
    expect(messages({ ...good, targetMet: undefined, updatedScore: undefined })).toEqual([
      'Say whether the learner met the target set in the previous report.',
      'Give the updated assessment score.',
    ]);
  });

  it('labels the final report for the whole programme', () => {
    expect(progressReportFieldLabel('progressAchieved', true)).toBe('Progress achieved over the whole programme');
    expect(progressReportFieldLabel('progressAchieved', false)).toBe('Progress achieved to date');
  });
});
