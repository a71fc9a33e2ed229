import { describe, expect, it } from 'vitest';
import { noQuestionsInComments } from './no-questions-in-comments.ts';

const context = { form: 'session-report', field: 'engagementComment' };
const flagged = (text: string) => noQuestionsInComments.check(text, context).map((f) => f.text);

describe('no questions in comments', () => {
  it('applies to comments but not to the internal agency comment or the learner’s words', () => {
    expect(noQuestionsInComments.appliesTo!(context)).toBe(true);
    expect(noQuestionsInComments.appliesTo!({ field: 'progressComment' })).toBe(true);
    expect(noQuestionsInComments.appliesTo!({ field: 'agencyComment' })).toBe(false);
    expect(noQuestionsInComments.appliesTo!({ field: 'learnerComments' })).toBe(false);
  });

  it('flags each question, and a request written without its question mark', () => {
    expect(flagged('She worked well. Could we have more time next week? Is the workbook coming?')).toEqual([
      'Could we have more time next week?',
      'Is the workbook coming?',
    ]);
    expect(flagged('Could you send the answer booklet.')).toEqual(['Could you send the answer booklet.']);
  });

  it('passes statements and a question the learner asked, in quotation marks', () => {
    expect(flagged('She asked whether she could try harder questions.')).toEqual([]);
    expect(flagged('She asked, “Can we do more fractions next time?” and chose the extension task.')).toEqual([]);
  });
});
