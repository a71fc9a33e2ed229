// A quality-assurance observation's rules (domain guide 004): complete when each competency has a judgement
// and the tutor has written feedback; concerns when any competency is a cause for concern; a second and
// third observation follow only from one with concerns, linked to the first, and never more than three.
import { z } from 'zod';
import type { FieldValues } from '../../doc/layout.ts';
import { competencies, concernJudgement, type Judgement } from '../../quality/competencies.ts';
import { fail, ok, type Result } from '../../result.ts';

export const maxObservations = 3;

/** An observation's single values as the document's "fields" map holds them; observationProblems checks them. */
export const ObservationFields = {
  tutorName: z.string(),
  /**
   * The observed tutor's member id, when they were chosen from the organisation's tutors: the plan of observations
   * matches the tutor by it. Absent on an observation of someone outside Margin, or one made before it was kept.
   */
  tutorId: z.string().min(1),
  date: z.string(),
  /** 1 for the first observation, 2 and 3 for the follow-ups. */
  number: z.number().int().min(1).max(maxObservations),
  /** The first observation's id, on a follow-up. */
  firstObservationId: z.string(),
  previousObservationId: z.string(),
};

/** The observation as its document holds it: its fields, ticked checklist items, judgements and feedback. */
export type ObservationDraft = FieldValues<typeof ObservationFields> & {
  tutorName: string;
  number: number;
  checked: Record<string, boolean>;
  judgementFor: Record<string, Judgement>;
  feedback: string;
};

export interface ObservationProblem {
  fieldId: string;
  message: string;
}

export const hasConcerns = (draft: Pick<ObservationDraft, 'judgementFor'>): boolean =>
  Object.values(draft.judgementFor).includes(concernJudgement);

/** What stands in the way of sending the feedback to the tutor. */
export function observationProblems(draft: ObservationDraft): ObservationProblem[] {
  const problems: ObservationProblem[] = [];
  if (!draft.tutorName.trim()) problems.push({ fieldId: 'tutorName', message: 'Give the tutor’s name.' });
  if (!draft.date) problems.push({ fieldId: 'date', message: 'Give the date of the session observed.' });
  for (const competency of competencies) {
    if (!draft.judgementFor[competency.id])
      problems.push({
        fieldId: `judgement-${competency.id}`,
        message: `Give a judgement for ${competency.label.toLowerCase()}.`,
      });
  }
  if (!draft.feedback.trim()) problems.push({ fieldId: 'feedback', message: 'Write the feedback for the tutor.' });
  return problems;
}

export type FollowUpCheck = Result<{ number: number; firstObservationId: string }>;

/** Whether a follow-up may be started from observation `id`, which has been sent (`sent`) or not. */
export function followUpCheck(id: string, draft: ObservationDraft, sent: boolean): FollowUpCheck {
  if (draft.number >= maxObservations) {
    return fail('This is the third observation: no further observation follows it.');
  }
  if (!hasConcerns(draft)) {
    return fail('A follow-up observation is only for concerns that persist, and this observation raised none.');
  }
  if (!sent) return fail('Send this observation’s feedback to the tutor first, so they can act on it before the next.');
  return ok({ number: draft.number + 1, firstObservationId: draft.firstObservationId ?? id });
}
