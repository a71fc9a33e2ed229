// The progress report, every six weeks, and the final progress report at the end of the assignment
// (domain guide 000). Each shows the previous plan, score and target, and the score is never revised downwards.
import { z } from 'zod';
import {
  IsoDate,
  Learner,
  Percent,
  RequiredFreeText,
  Subject,
  evenWithOtherProblems,
  type FreeTextField,
} from '../../forms/fields.ts';
import { targetProblem } from '../../forms/targets.ts';

export const yesNo = ['Yes', 'No'] as const;

export const ProgressReport = z
  .object({
    learner: Learner,
    subject: Subject,
    /** The final report comments on the whole programme and sets no new target. */
    final: z.boolean(),
    date: IsoDate,
    targetMet: z.enum(yesNo, { error: 'Say whether the learner met the target set in the previous report.' }),
    updatedScore: Percent('updated assessment score'),
    newTarget: Percent('target for the next six weeks').optional(),
    progressAchieved: RequiredFreeText,
    plan: RequiredFreeText,
    learnerComments: RequiredFreeText,
  })
  .superRefine((report, ctx) => {
    if (report.final) return;
    if (report.newTarget === undefined) {
      ctx.addIssue({ code: 'custom', path: ['newTarget'], message: 'Give the target for the next six weeks.' });
      return;
    }
    if (typeof report.updatedScore !== 'number' || typeof report.newTarget !== 'number') return;
    const problem = targetProblem(report.updatedScore, report.newTarget);
    if (problem) ctx.addIssue({ code: 'custom', path: ['newTarget'], message: problem });
  }, evenWithOtherProblems);
export type ProgressReport = z.infer<typeof ProgressReport>;

/** The previous plan, score and target a progress report is written against: from the plan or the last progress report. */
export interface PreviousProgress {
  reportId?: string;
  plan?: string;
  score?: number;
  target?: number;
}

export function progressReportTextFields(final: boolean) {
  return [
    {
      key: 'progressAchieved',
      label: final ? 'Progress achieved over the whole programme' : 'Progress achieved to date',
      hint: final
        ? 'The end of tuition report comments on the whole tuition programme: what the learner can now do.'
        : 'The topics and content the learner can now demonstrate. Keep to the facts.',
    },
    {
      key: 'plan',
      label: final ? 'Plan for continued progress' : 'Plan to achieve progress',
      hint: final
        ? 'What the learner should work on next, now tuition has ended.'
        : 'What you intend to teach next: topics, content and knowledge.',
    },
    {
      key: 'learnerComments',
      label: 'Comments from the learner',
      hint: "The learner's own views on their progress: direct quotes or reported comments.",
    },
  ] as const satisfies readonly FreeTextField[];
}
export type ProgressReportTextKey = ReturnType<typeof progressReportTextFields>[number]['key'];

export function progressReportFieldLabel(fieldId: string, final: boolean): string | undefined {
  const labels: Record<string, string> = {
    date: 'Date of update',
    targetMet: 'Has the learner met the target set in the previous report?',
    updatedScore: 'Updated assessment score %',
    newTarget: 'Target for the next six weeks %',
    ...Object.fromEntries(progressReportTextFields(final).map((field) => [field.key, field.label])),
  };
  return labels[fieldId];
}
