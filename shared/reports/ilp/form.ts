// The Individual Learning Plan (domain guide 000): written once per learner per assignment, from the
// initial assessment, submitted by the second session and locked once submitted.
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

/** The learner's initial key stage, from their age (ESOL learners and learners out of school included). */
export const keyStages = [
  'Early years',
  'Key stage 1',
  'Lower key stage 2',
  'Upper key stage 2',
  'Key stage 3',
  'Key stage 4',
  'Key stage 5',
  'Adult',
] as const;

export const Ilp = z
  .object({
    learner: Learner,
    subject: Subject,
    /** Pre-filled from the assignment brief and read-only in the form. */
    assignmentBrief: z.string(),
    date: IsoDate,
    keyStage: z.enum(keyStages, { error: 'Choose the initial key stage.' }),
    assessmentScore: Percent('assessment score'),
    target: Percent('target'),
    assessmentComments: RequiredFreeText,
    plan: RequiredFreeText,
    learnerComments: RequiredFreeText,
  })
  .superRefine((ilp, ctx) => {
    if (typeof ilp.assessmentScore !== 'number' || typeof ilp.target !== 'number') return;
    const problem = targetProblem(ilp.assessmentScore, ilp.target);
    if (problem) ctx.addIssue({ code: 'custom', path: ['target'], message: problem });
  }, evenWithOtherProblems);
export type Ilp = z.infer<typeof Ilp>;

export const ilpTextFields = [
  {
    key: 'assessmentComments',
    label: 'Comments on the initial assessment',
    hint: 'What the assessment shows the learner knows and understands, and the topics they need to be taught.',
  },
  {
    key: 'plan',
    label: 'Plan to achieve the target',
    hint: 'The topics and content to be taught, with the methods and resources you will use.',
  },
  {
    key: 'learnerComments',
    label: 'Comments from the learner',
    hint: "Only the learner's own words, direct or reported, about the tuition. Do not extend the plan here.",
  },
] as const satisfies readonly FreeTextField[];
export type IlpTextKey = (typeof ilpTextFields)[number]['key'];

/** The labels of the plan's values besides its free text, in the form's order. */
export const ilpValueLabels = {
  date: 'Date',
  keyStage: 'Initial key stage',
  assessmentScore: 'Assessment score %',
  target: 'Target %',
} as const;

export const ilpFieldLabels: Record<string, string> = {
  ...ilpValueLabels,
  ...Object.fromEntries(ilpTextFields.map((field) => [field.key, field.label])),
};
