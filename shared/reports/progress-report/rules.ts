// What a progress report is held to before it may be submitted: its schema, and the previous report's score and target;
// and, while whether the target was met is unanswered, what each answer will be held to.
import {
  checkWithChoices,
  problemsFrom,
  withRules,
  type Labeller,
  type SubmissionCheck,
  type SubmissionContext,
  type SubmissionProblem,
} from '../../workflow/submission.ts';
import { toProgressReportInput, type ProgressReportDraft } from './doc.ts';
import { ProgressReport, progressReportFieldLabel, yesNo, type PreviousProgress } from './form.ts';

/** The rules a progress report is held to against the previous report: the score is never revised downwards. */
export function previousScoreProblems(
  draft: Pick<ProgressReportDraft, 'targetMet' | 'updatedScore'>,
  previous: PreviousProgress,
): (SubmissionProblem | undefined)[] {
  if (previous.score === undefined) {
    return [
      {
        fieldId: 'updatedScore',
        message:
          'There is no previous assessment score to compare with: the learning plan, or the previous progress report, needs its score first.',
      },
    ];
  }
  const score = draft.updatedScore;
  if (score === undefined) return [];
  const target = previous.target;
  return [
    score < previous.score
      ? {
          fieldId: 'updatedScore',
          message: `The updated score cannot be lower than the previous score of ${previous.score}%: a score is never revised downwards.`,
        }
      : undefined,
    target !== undefined && draft.targetMet === 'Yes' && score < target
      ? {
          fieldId: 'targetMet',
          message: `The target was ${target}%, but the updated score is ${score}%: the target was not met.`,
        }
      : undefined,
    target !== undefined && draft.targetMet === 'No' && score >= target
      ? {
          fieldId: 'targetMet',
          message: `The updated score of ${score}% reaches the target of ${target}%: the target was met.`,
        }
      : undefined,
  ];
}

export function progressReportProblems(
  draft: ProgressReportDraft,
  context: SubmissionContext = {},
): SubmissionProblem[] {
  const label: Labeller = (id) => progressReportFieldLabel(id, draft.final);
  const found = problemsFrom(
    ProgressReport.safeParse(toProgressReportInput(draft)),
    (path) => String(path[0] ?? 'date'),
    label,
  );
  return withRules(found, previousScoreProblems(draft, context.previous ?? draft.previous), label);
}

/** The problems now, and, while "Target met" is unanswered, those each answer would add (a Yes the score belies). */
export function progressReportCheck(draft: ProgressReportDraft, context: SubmissionContext = {}): SubmissionCheck {
  const choices =
    draft.targetMet === undefined
      ? [
          {
            fieldId: 'targetMet',
            outcomes: yesNo.map((answer) => ({
              when: `If you answer ${answer} to whether the target was met`,
              draft: { ...draft, targetMet: answer },
            })),
          },
        ]
      : [];
  return checkWithChoices(draft, choices, (chosen) => progressReportProblems(chosen, context));
}
