// A teacher's coaching record across cycles: the one current action step, the activity history of every step
// set (met or not yet, with dates), and whether a new cycle may start ("Observe", or "Coach again" in a week
// that already had one). One active step at a time: a new cycle starts only when no other is open.
import { mondayOf } from '../../workflow/calendar.ts';
import type { ChosenStep, CycleState, ReviewOutcome } from '../coaching-cycle/cycle.ts';
import { fail, ok, type Result } from '../../result.ts';

export interface CycleSummary {
  id: string;
  /** Monday of the week the cycle was started in, `YYYY-MM-DD`. */
  week: string;
  state: CycleState;
  /** `YYYY-MM-DD` the cycle was finished. */
  finishedOn?: string;
}

export interface HistoryEntry {
  cycleId: string;
  step: ChosenStep;
  setOn: string;
  /** How the next cycle judged it; `current` while it is the step being worked on. */
  outcome: ReviewOutcome | 'current';
  reviewedOn?: string;
}

const finished = (cycles: readonly CycleSummary[]) =>
  cycles.filter((cycle) => cycle.state.stage === 'finished' && cycle.state.nextStep);

export const openCycle = (cycles: readonly CycleSummary[]): CycleSummary | undefined =>
  cycles.find((cycle) => cycle.state.stage !== 'finished');

/** The step the teacher is working on: the one set by the last finished cycle. */
export const currentStep = (cycles: readonly CycleSummary[]): ChosenStep | undefined =>
  finished(cycles).at(-1)?.state.nextStep;

/** Every step set, oldest first, with how it was judged in the cycle after it. Only finished cycles count. */
export function activityHistory(cycles: readonly CycleSummary[]): HistoryEntry[] {
  const done = finished(cycles);
  return done.map((cycle, index) => {
    const after = done[index + 1];
    return {
      cycleId: cycle.id,
      step: cycle.state.nextStep as ChosenStep,
      setOn: cycle.finishedOn ?? cycle.week,
      outcome: after ? (after.state.review ?? 'not-yet') : 'current',
      ...(after ? { reviewedOn: after.finishedOn ?? after.week } : {}),
    };
  });
}

export type StartCheck = Result<{ label: 'Observe' | 'Coach again'; previousStep?: ChosenStep; week: string }>;

/** Whether a new cycle may start today and what the button says: one open cycle at most, any number a week. */
export function startCheck(cycles: readonly CycleSummary[], today: string): StartCheck {
  const open = openCycle(cycles);
  if (open) return fail('Finish the open observation first: a teacher works on one action step at a time.');
  const week = mondayOf(today);
  const again = finished(cycles).some((cycle) => cycle.week === week);
  return ok({ label: again ? 'Coach again' : 'Observe', previousStep: currentStep(cycles), week });
}

/** Whether a list of cycles keeps the rule; a reason when it does not (for a record that merged two devices' work). */
export function oneActiveStep(cycles: readonly CycleSummary[]): Result {
  const open = cycles.filter((cycle) => cycle.state.stage !== 'finished');
  if (open.length > 1) return fail(`${open.length} observations are open at once; finish or remove all but one.`);
  return ok();
}
