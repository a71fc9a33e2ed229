// An assignment ties a tutor's work for one learner, or a group of two or three, together: a subject
// between a start and an end date, with its Individual Learning Plan, sessions and progress reports.
import { z } from 'zod';
import { FreeText, IsoDate, Learner, maxGroupSize, Subject, evenWithOtherProblems } from './fields.ts';

export const Assignment = z
  .object({
    id: z.string().min(1),
    learners: z
      .array(Learner)
      .min(1, { error: 'Choose at least one learner.' })
      .max(maxGroupSize, { error: 'A group has at most three learners.' }),
    subject: Subject,
    startDate: IsoDate,
    endDate: IsoDate,
    /** Comments from the assignment brief, pre-filled (read-only) into each learner's plan. */
    brief: FreeText.default(''),
  })
  .superRefine((assignment, ctx) => {
    if (
      typeof assignment.startDate === 'string' &&
      typeof assignment.endDate === 'string' &&
      assignment.endDate <= assignment.startDate
    ) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The end date must be after the start date.' });
    }
  }, evenWithOtherProblems);
export type Assignment = z.infer<typeof Assignment>;

/** What a report document remembers of its assignment, so any device can list it. */
export const AssignmentSummary = z.object({
  id: z.string().min(1),
  subject: z.string(),
  startDate: z.string(),
  endDate: z.string(),
});
export type AssignmentSummary = z.infer<typeof AssignmentSummary>;
