import { describe, expect, it } from 'vitest';
import { progressRefersToObjectives } from './progress-refers-to-objectives.ts';

const objectives = [
  'By the end of the session, identify equivalent fractions, getting 4 out of 5 right.',
  'Write three sentences using fronted adverbials by the end of the session.',
];
const context = { form: 'session-report', field: 'progressComment', objectives };
const check = (text: string) => progressRefersToObjectives.check(text, context);

describe('progress comments refer to the objectives', () => {
  it('applies to the progress comment when there are objectives', () => {
    expect(progressRefersToObjectives.appliesTo!(context)).toBe(true);
    expect(progressRefersToObjectives.appliesTo!({ ...context, objectives: ['', ' '] })).toBe(false);
    expect(progressRefersToObjectives.appliesTo!({ ...context, field: 'engagementComment' })).toBe(false);
  });

  it('flags a comment that mentions none of the objectives, naming them', () => {
    const [found] = check('She worked hard throughout and was polite and cheerful during the whole hour.');
    expect(found).toMatchObject({ rule: 'prompt/progress-refers-to-objectives', start: 0 });
    expect(found!.message).toContain('objective 1');
    expect(found!.message).toContain('objective 2');
  });

  it('flags only the objective left out', () => {
    const [found] = check('She identified equivalent fractions confidently, getting all five right without help.');
    expect(found!.message).not.toContain('objective 1 (');
    expect(found!.message).toContain('objective 2');
  });

  it('passes a comment that covers each objective by its words or its number', () => {
    expect(
      check('She identified 4 of 5 equivalent fractions and wrote three sentences with fronted adverbials.'),
    ).toEqual([]);
    expect(
      check('Objective 1 was achieved with ease; objective 2 was partly achieved as she ran out of time.'),
    ).toEqual([]);
  });

  it('waits for a comment long enough to judge', () => {
    expect(check('Good session.')).toEqual([]);
  });
});
