import { describe, expect, it } from 'vitest';
import { applyCycleAction, stepForTeacher, type ChosenStep, type CycleAction, type CycleState } from './cycle.ts';

const step = (id: string, source: ChosenStep['source'] = 'library'): ChosenStep => ({
  id,
  title: `Step ${id}`,
  successCriteria: ['It happens'],
  source,
});

function run(state: CycleState, ...actions: CycleAction[]): CycleState {
  return actions.reduce((current, action) => {
    const result = applyCycleAction(current, action);
    if (!result.ok) throw new Error(result.problem);
    return result.value;
  }, state);
}

describe('a coaching cycle', () => {
  it('goes from observe and select to feedback to finished', () => {
    const done = run(
      { stage: 'observe' },
      { type: 'choose', step: step('a') },
      { type: 'give-feedback' },
      { type: 'finish' },
    );
    expect(done).toEqual({ stage: 'finished', nextStep: step('a') });
  });

  it('lets a chosen step be discarded and replaced before finishing, also during feedback', () => {
    const feedback = run({ stage: 'observe' }, { type: 'choose', step: step('a') }, { type: 'give-feedback' });
    const replaced = run(feedback, { type: 'discard' }, { type: 'choose', step: step('b') }, { type: 'finish' });
    expect(replaced.nextStep?.id).toBe('b');
  });

  it('refuses to discard or change anything once finished', () => {
    const done = run(
      { stage: 'observe' },
      { type: 'choose', step: step('a') },
      { type: 'give-feedback' },
      { type: 'finish' },
    );
    for (const action of [
      { type: 'discard' },
      { type: 'choose', step: step('b') },
      { type: 'back-to-observe' },
    ] as CycleAction[]) {
      const result = applyCycleAction(done, action);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problem).toMatch(/finished/);
    }
  });

  it('holds one chosen step at a time: choosing again needs a discard first', () => {
    const chosen = run({ stage: 'observe' }, { type: 'choose', step: step('a') });
    const again = applyCycleAction(chosen, { type: 'choose', step: step('b') });
    expect(again).toEqual({ ok: false, problem: expect.stringMatching(/Discard the chosen step/) });
  });

  it('recommends repeating a step reviewed as not yet, and drops the recommendation when it is met after all', () => {
    const previous = step('p');
    const notYet = run({ stage: 'observe', previousStep: previous }, { type: 'review', outcome: 'not-yet' });
    expect(notYet.nextStep).toEqual({ ...previous, source: 'repeat' });
    const met = run(notYet, { type: 'review', outcome: 'met' });
    expect(met.nextStep).toBeUndefined();
    expect(met.review).toBe('met');
  });

  it('keeps a step the mentor chose when the review changes', () => {
    const chosen = run(
      { stage: 'observe', previousStep: step('p') },
      { type: 'choose', step: step('c') },
      { type: 'review', outcome: 'not-yet' },
    );
    expect(chosen.nextStep?.id).toBe('c');
  });

  it('needs the previous step reviewed and a next step chosen before feedback, and feedback before finishing', () => {
    const start: CycleState = { stage: 'observe', previousStep: step('p') };
    expect(applyCycleAction(start, { type: 'give-feedback' })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/met or not yet/),
    });
    expect(applyCycleAction({ stage: 'observe' }, { type: 'give-feedback' })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/Choose the next step/),
    });
    expect(applyCycleAction({ stage: 'observe', nextStep: step('a') }, { type: 'finish' })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/Give feedback/),
    });
  });

  it('has nothing to review in a first cycle', () => {
    expect(applyCycleAction({ stage: 'observe' }, { type: 'review', outcome: 'met' })).toMatchObject({ ok: false });
  });

  it('shows the teacher the step only once finished', () => {
    const feedback = run({ stage: 'observe' }, { type: 'choose', step: step('a') }, { type: 'give-feedback' });
    expect(stepForTeacher(feedback)).toBeUndefined();
    expect(stepForTeacher(run(feedback, { type: 'finish' }))?.id).toBe('a');
  });
});
