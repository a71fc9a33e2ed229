// What a progress-review checklist is held to before it may be submitted: every point judged on its evidence.
import { problemsFrom, type SubmissionProblem } from '../../workflow/submission.ts';
import { toProgressReviewInput, type ProgressReviewDraft } from './doc.ts';
import { ProgressReviewChecklist, progressReviewFieldId, progressReviewFieldLabel } from './form.ts';

export function progressReviewProblems(draft: ProgressReviewDraft): SubmissionProblem[] {
  const statements = Object.fromEntries(draft.customPoints.map((point) => [point.id, point.statement]));
  return problemsFrom(ProgressReviewChecklist.safeParse(toProgressReviewInput(draft)), progressReviewFieldId, (id) =>
    progressReviewFieldLabel(id, statements),
  );
}
