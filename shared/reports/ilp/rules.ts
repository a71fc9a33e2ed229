// What a learning plan is held to before it may be submitted: its schema, and its date near the assignment's start.
import { daysBetween, formatDate, isIsoDate } from '../../workflow/calendar.ts';
import {
  problemsFrom,
  withRules,
  type Labeller,
  type SubmissionContext,
  type SubmissionProblem,
} from '../../workflow/submission.ts';
import { toIlpInput, type IlpDraft } from './doc.ts';
import { Ilp, ilpFieldLabels } from './form.ts';

/** How many days either side of the assignment's start the plan's date may be. */
export const planDateWindowDays = 14;

export function ilpProblems(draft: IlpDraft, context: SubmissionContext = {}): SubmissionProblem[] {
  const label: Labeller = (id) => ilpFieldLabels[id];
  const found = problemsFrom(Ilp.safeParse(toIlpInput(draft)), (path) => String(path[0] ?? 'date'), label);
  const start = context.assignment?.startDate;
  const tooFar = start && isIsoDate(draft.date) && Math.abs(daysBetween(start, draft.date)) > planDateWindowDays;
  return withRules(
    found,
    [
      tooFar
        ? {
            fieldId: 'date',
            message: `The plan's date must be within two weeks of the assignment's start on ${formatDate(start)}.`,
          }
        : undefined,
    ],
    label,
  );
}
