// What a progress-review checklist is held to before it may be submitted: every point judged on its evidence.
import { problemsFrom, type SubmissionProblem } from '../../workflow/submission.ts';
import { toProgressReviewInput, type ProgressReviewDraft } from './doc.ts';
import {
  allReviewPoints,
  type EvidenceStrength,
  evidenceStrengths,
  isWeakEvidence,
  ProgressReviewChecklist,
  progressReviewFieldId,
  progressReviewFieldLabel,
} from './form.ts';

export function progressReviewProblems(draft: ProgressReviewDraft): SubmissionProblem[] {
  const statements = Object.fromEntries(draft.customPoints.map((point) => [point.id, point.statement]));
  return problemsFrom(ProgressReviewChecklist.safeParse(toProgressReviewInput(draft)), progressReviewFieldId, (id) =>
    progressReviewFieldLabel(id, statements),
  );
}

/** How many points are rated, and each rated point whose evidence is weak (none or superficial), in the form's order. */
export function weakEvidence(draft: ProgressReviewDraft): {
  rated: number;
  weak: { statement: string; strength: EvidenceStrength }[];
} {
  const statements = [
    ...allReviewPoints,
    ...draft.customPoints.map((point) => ({ id: point.id, statement: point.statement })),
  ];
  const rated = statements.flatMap((point) => {
    const strength = draft.ratings[point.id];
    return (evidenceStrengths as readonly unknown[]).includes(strength)
      ? [{ statement: point.statement, strength: strength as EvidenceStrength }]
      : [];
  });
  return { rated: rated.length, weak: rated.filter((point) => isWeakEvidence(point.strength)) };
}
