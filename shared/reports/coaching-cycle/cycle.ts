// One coaching cycle as a pure status machine (domain guide 001): observe and select (notes, review the
// previous step as met or not yet, choose the next step), then give feedback, then finish. The chosen step
// can be discarded and replaced until the cycle is finished; after that it is the teacher's and fixed.
import { z } from 'zod';
import { ActionStep } from '../../coaching/library.ts';
import type { FieldValues } from '../../doc/layout.ts';
import { fail, ok, type Result } from '../../result.ts';

export const stepSources = ['library', 'custom', 'repeat'] as const;

/** The step a cycle sets: a library step (with where it sits), a step the mentor wrote, or a repeat of the previous one. */
export const ChosenStep = ActionStep.extend({
  id: z.string().min(1).max(80),
  successCriteria: z.array(z.string().max(300)).max(10),
  source: z.enum(stepSources),
  strand: z.string().max(200).optional(),
  module: z.string().max(200).optional(),
});
export type ChosenStep = z.infer<typeof ChosenStep>;

export const cycleStages = ['observe', 'feedback', 'finished'] as const;
export const CycleStage = z.enum(cycleStages);
export type CycleStage = z.infer<typeof CycleStage>;

export const reviewOutcomes = ['met', 'not-yet'] as const;
export const ReviewOutcome = z.enum(reviewOutcomes);
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;
export const reviewLabels: Record<ReviewOutcome, string> = { met: 'Met', 'not-yet': 'Not yet' };
export const stageLabels: Record<CycleStage, string> = {
  observe: 'Observe and select',
  feedback: 'Give feedback',
  finished: 'Finished',
};
/** The cycle form's words for the values it sets besides its notes. */
export const cycleLabels = { stage: 'Stage', review: 'Has the teacher met this step?', nextStep: 'Next step' } as const;

/** Where a cycle stands, as the document's "fields" map holds it (the stage's missing value reads as "observe"). */
export const CycleStateFields = {
  stage: CycleStage,
  /** The step set by the last finished cycle, reviewed in this one; absent in a teacher's first cycle. */
  previousStep: ChosenStep,
  review: ReviewOutcome,
  nextStep: ChosenStep,
};
export type CycleState = FieldValues<typeof CycleStateFields> & { stage: CycleStage };

export type CycleAction =
  | { type: 'review'; outcome: ReviewOutcome }
  | { type: 'choose'; step: ChosenStep }
  | { type: 'discard' }
  | { type: 'give-feedback' }
  | { type: 'back-to-observe' }
  | { type: 'finish' };

export type CycleResult = Result<CycleState>;

const refuse = (problem: string): CycleResult => fail(problem);

/** The previous step offered again, as "not yet" recommends. */
export const repeatOf = (step: ChosenStep): ChosenStep => ({ ...step, source: 'repeat' });

function review(state: CycleState, outcome: ReviewOutcome): CycleResult {
  if (!state.previousStep) return refuse('There is no earlier step to review: this is the teacher’s first cycle.');
  if (state.stage !== 'observe')
    return refuse('Review the previous step while observing; go back to "Observe and select" to change it.');
  const next = { ...state, review: outcome };
  if (outcome === 'not-yet' && !state.nextStep) next.nextStep = repeatOf(state.previousStep);
  // The recommendation to repeat goes with "not yet"; a step the mentor chose stays.
  if (outcome === 'met' && state.nextStep?.source === 'repeat') delete next.nextStep;
  return ok(next);
}

/** What `action` makes of `state`, or why it may not be taken now. */
export function applyCycleAction(state: CycleState, action: CycleAction): CycleResult {
  if (state.stage === 'finished') {
    return refuse(
      'This cycle is finished: its step is with the teacher and can no longer be changed. Use "Coach again" to set another.',
    );
  }
  switch (action.type) {
    case 'review':
      return review(state, action.outcome);
    case 'choose':
      if (state.nextStep)
        return refuse('Discard the chosen step before choosing another: a teacher works on one action step at a time.');
      return ok({ ...state, nextStep: action.step });
    case 'discard': {
      if (!state.nextStep) return refuse('No step has been chosen yet.');
      const { nextStep: _discarded, ...rest } = state;
      return ok(rest);
    }
    case 'give-feedback':
      if (state.stage !== 'observe') return refuse('Feedback has already started.');
      if (state.previousStep && !state.review)
        return refuse('Review the previous step as met or not yet before giving feedback.');
      if (!state.nextStep) return refuse('Choose the next step before giving feedback.');
      return ok({ ...state, stage: 'feedback' });
    case 'back-to-observe':
      if (state.stage !== 'feedback') return refuse('This cycle is still at "Observe and select".');
      return ok({ ...state, stage: 'observe' });
    case 'finish':
      if (state.stage !== 'feedback')
        return refuse('Give feedback before finishing: the teacher hears about the step in the feedback session.');
      if (!state.nextStep) return refuse('Choose the next step before finishing.');
      return ok({ ...state, stage: 'finished' });
  }
}

/** What the teacher may see of a cycle: its step, once finished; nothing before. */
export const stepForTeacher = (state: CycleState): ChosenStep | undefined =>
  state.stage === 'finished' ? state.nextStep : undefined;
