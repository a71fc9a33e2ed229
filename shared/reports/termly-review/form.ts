// The termly progress review of an early career teacher (domain guide 003): the induction tutor's form in the
// guide's order, one step at a time, each step checked before the next. When the teacher is not on track the
// standards of concern, the teacher being told and a support plan are required before going on.
import { z } from 'zod';
import type { FieldValues } from '../../doc/layout.ts';
import { freeTextLimit } from '../../forms/fields.ts';

export const reviewTerms = ['autumn', 'spring', 'summer'] as const;
export type ReviewTerm = (typeof reviewTerms)[number];
export const ReviewTerm = z.enum(reviewTerms);

export const termLabels: Record<ReviewTerm, string> = {
  autumn: 'Autumn term',
  spring: 'Spring term',
  summer: 'Summer term',
};

export const contractTypes = ['Permanent', 'Fixed term', 'Temporary'] as const;
export const yesNo = ['Yes', 'No'] as const;
export const recommendations = ['on-track', 'not-on-track'] as const;
export type Recommendation = (typeof recommendations)[number];

export const recommendationLabels: Record<Recommendation, { short: string; full: string }> = {
  'on-track': {
    short: 'The teacher is on track',
    full: 'Based on current performance and rate of progress, the teacher is on track to successfully complete induction by the end of their induction.',
  },
  'not-on-track': {
    short: 'The teacher is not on track',
    full: 'Based on current performance and rate of progress, the teacher is not on track to successfully complete induction by the end of their induction.',
  },
};

/** The Teachers' Standards (part one), TS1 to TS8, as the concerns step lists them. */
export const teachersStandards = [
  { id: 'TS1', title: 'Set high expectations which inspire, motivate and challenge pupils' },
  { id: 'TS2', title: 'Promote good progress and outcomes by pupils' },
  { id: 'TS3', title: 'Demonstrate good subject and curriculum knowledge' },
  { id: 'TS4', title: 'Plan and teach well structured lessons' },
  { id: 'TS5', title: 'Adapt teaching to respond to the strengths and needs of all pupils' },
  { id: 'TS6', title: 'Make accurate and productive use of assessment' },
  { id: 'TS7', title: 'Manage behaviour effectively to ensure a good and safe learning environment' },
  { id: 'TS8', title: 'Fulfil wider professional responsibilities' },
] as const;
export const standardIds: readonly string[] = teachersStandards.map((standard) => standard.id);
export const standardLabel = (standard: { id: string; title: string }) => `${standard.id}: ${standard.title}`;

/** The ticked standards of concern as the finished review lists them: "TS1: Set high expectations…; TS4: …". */
export const concernsInWords = (values: Pick<TermlyReviewValues, 'standardsOfConcern'>) =>
  teachersStandards
    .filter((standard) => values.standardsOfConcern.includes(standard.id))
    .map(standardLabel)
    .join('; ');

/** An attached file as the form sees it (the bytes stay in the document). */
export interface AttachmentSummary {
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/**
 * The form's single values as the document's "fields" map holds them while it is written: each may be missing,
 * and a choice may hold any text until its step is checked (stepProblems). The form's values are derived from it.
 */
export const TermlyReviewFields = {
  teacherName: z.string(),
  term: z.string(),
  /** The year the academic year starts in: 2025 for 2025 to 2026. */
  academicYear: z.number(),
  periodStart: z.string(),
  periodEnd: z.string(),
  contractType: z.string(),
  daysPerWeek: z.number(),
  staying: z.string(),
  /** The tutor confirmed that an interim assessment is wanted instead of a progress review. */
  interimConfirmed: z.literal(true),
  leavingDate: z.string(),
  daysServed: z.number(),
  hadAbsences: z.string(),
  daysAbsent: z.number(),
  absencesBefore: z.number(),
  receivedSupport: z.string(),
  recommendation: z.string(),
  teacherInformed: z.string(),
  nextDaysPerWeek: z.number(),
  nextContractType: z.string(),
  forwardingSchool: z.string(),
};

export const termlyReviewTextKeys = ['supportReasons', 'recommendationReasons', 'forwardingContact'] as const;

/** How the finished review labels each answer, by the field it is in (the summary, the teacher's check, History). */
export const termlyReviewLabels = {
  contractType: 'Contract type',
  daysPerWeek: 'Days per week',
  periodStart: 'Start date',
  periodEnd: 'End date',
  staying: 'Remaining at this school next term',
  leavingDate: 'Leaving on',
  daysServed: 'Days served',
  daysAbsent: 'Days of absence',
  absencesBefore: 'Days absent before this period',
  receivedSupport: 'Received support and entitlements',
  supportReasons: 'Why not',
  recommendation: 'Recommendation',
  recommendationReasons: 'Reasons',
  standardsOfConcern: 'Standards of concern',
  teacherInformed: 'Teacher informed',
  supportPlan: 'Support plan',
  nextDaysPerWeek: 'Next term: days per week',
  nextContractType: 'Next term: contract type',
  forwardingSchool: 'Moving to',
  forwardingContact: 'Contact details',
} as const;

/** Everything the form holds, read from the report document (doc.ts): its fields, texts, ticked standards and plan. */
export type TermlyReviewValues = FieldValues<typeof TermlyReviewFields> & { teacherName: string } & Record<
    (typeof termlyReviewTextKeys)[number],
    string
  > & {
    standardsOfConcern: string[];
    supportPlan?: AttachmentSummary;
  };

export type StepKey = 'contract' | 'staying' | 'days' | 'support' | 'recommendation' | 'concerns' | 'next-term';

export interface ReviewStep {
  key: StepKey;
  title: string;
}

export const termlyReviewSteps: readonly ReviewStep[] = [
  { key: 'contract', title: 'This term’s contract details' },
  { key: 'staying', title: 'Continuing next term' },
  { key: 'days', title: 'Days served and days absent' },
  { key: 'support', title: 'Support and entitlements' },
  { key: 'recommendation', title: 'Recommendation' },
  { key: 'concerns', title: 'Standards of concern and support plan' },
  { key: 'next-term', title: 'Next term’s contract details' },
];

export const isNotOnTrack = (values: Pick<TermlyReviewValues, 'recommendation'>) =>
  values.recommendation === 'not-on-track';
export const isInterim = (values: Pick<TermlyReviewValues, 'staying'>) => values.staying === 'No';
/** The days absent this period: none when the tutor said there were no absences, unknown until they say. */
export const daysOfAbsence = (values: Pick<TermlyReviewValues, 'hadAbsences' | 'daysAbsent'>) =>
  values.hadAbsences === 'Yes' ? values.daysAbsent : values.hadAbsences === 'No' ? 0 : undefined;

/** The steps this review goes through: the concerns step only when the teacher is not on track. */
export function activeSteps(values: Pick<TermlyReviewValues, 'recommendation'>): ReviewStep[] {
  return termlyReviewSteps.filter((step) => step.key !== 'concerns' || isNotOnTrack(values));
}

export interface FormProblem {
  /** The id of the form element the problem is about. */
  fieldId: string;
  message: string;
}

const days = (what: string, max: number) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? `Give the ${what}.` : `Give the ${what} as a number.`) })
    .int({ error: `Give the ${what} as a whole number.` })
    .min(0, { error: `The ${what} cannot be below 0.` })
    .max(max, { error: `The ${what} cannot be more than ${max}.` });

const choice = (options: readonly string[], message: string) =>
  z.enum(options as [string, ...string[]], { error: message });
const date = (message: string) => z.iso.date({ error: message });
const required = (message: string) =>
  z
    .string()
    .max(freeTextLimit, {
      error: (issue) => `This field holds at most 1,024 characters; it has ${String(issue.input).length}.`,
    })
    .refine((text) => text.trim().length > 0, { error: message });

const ContractStep = z
  .object({
    contractType: choice(contractTypes, 'Choose the contract type.'),
    daysPerWeek: z
      .number({ error: 'Give the days worked each week.' })
      .min(0.5, { error: 'Days per week are from 0.5 to 5.' })
      .max(5, { error: 'Days per week are from 0.5 to 5.' }),
    periodStart: date('Give the date this review period starts.'),
    periodEnd: date('Give the date this review period ends.'),
  })
  .refine((step) => step.periodEnd > step.periodStart, {
    error: 'The period must end after it starts.',
    path: ['periodEnd'],
  });

const StayingStep = z
  .object({
    staying: choice(yesNo, 'Say whether the teacher is staying at this school for all or part of next term.'),
    interimConfirmed: z.boolean().optional(),
    leavingDate: z.string().optional(),
  })
  .superRefine((step, context) => {
    if (step.staying !== 'No') return;
    if (!step.interimConfirmed)
      context.addIssue({
        code: 'custom',
        path: ['interimConfirmed'],
        message: 'Confirm that you are completing an interim assessment instead.',
      });
    if (!date('').safeParse(step.leavingDate).success)
      context.addIssue({ code: 'custom', path: ['leavingDate'], message: 'Give the date the teacher leaves.' });
  });

const DaysStep = z
  .object({
    daysServed: days('days served', 366),
    hadAbsences: choice(yesNo, 'Say whether the teacher had any absences in this period.'),
    daysAbsent: z.number().optional(),
    absencesBefore: days('days absent before this period', 1000).optional(),
  })
  .superRefine((step, context) => {
    if (step.hadAbsences !== 'Yes') return;
    const absent = days('days absent', 366).safeParse(step.daysAbsent);
    if (!absent.success)
      return context.addIssue({ code: 'custom', path: ['daysAbsent'], message: absent.error.issues[0].message });
    if (absent.data > step.daysServed)
      context.addIssue({
        code: 'custom',
        path: ['daysAbsent'],
        message: 'Days absent cannot be more than the days served.',
      });
  });

const SupportStep = z
  .object({
    receivedSupport: choice(yesNo, 'Say whether the teacher received their support and entitlements.'),
    supportReasons: z.string(),
  })
  .superRefine((step, context) => {
    if (step.receivedSupport !== 'No') return;
    const reasons = required('Explain why the support or entitlements were not received.').safeParse(
      step.supportReasons,
    );
    if (!reasons.success)
      context.addIssue({ code: 'custom', path: ['supportReasons'], message: reasons.error.issues[0].message });
  });

const RecommendationStep = z.object({
  recommendation: choice(recommendations, 'Choose whether the teacher is on track or not on track.'),
  recommendationReasons: required('Give brief reasons for your recommendation.'),
});

const ConcernsStep = z.object({
  standardsOfConcern: z.array(z.string()).refine((ids) => ids.some((id) => standardIds.includes(id)), {
    error: 'Tick at least one standard that is a cause for concern.',
  }),
  teacherInformed: z.literal('Yes', {
    error: 'The teacher must be told they are not on track before the review goes on: answer yes once they have been.',
  }),
  supportPlan: z.object(
    { name: z.string() },
    { error: 'Attach the support plan: a teacher who is not on track needs one before you continue.' },
  ),
});

const NextTermStep = z
  .object({
    staying: z.string().optional(),
    nextDaysPerWeek: z
      .number({ error: 'Give next term’s days per week.' })
      .min(0.5, { error: 'Days per week are from 0.5 to 5.' })
      .max(5, { error: 'Days per week are from 0.5 to 5.' }),
    nextContractType: choice(contractTypes, 'Choose next term’s contract type.'),
    forwardingSchool: z.string().optional(),
  })
  .superRefine((step, context) => {
    if (step.staying === 'No' && !step.forwardingSchool?.trim()) {
      context.addIssue({
        code: 'custom',
        path: ['forwardingSchool'],
        message: 'Give the school or appropriate body the teacher is moving to.',
      });
    }
  });

const stepSchemas: Record<StepKey, z.ZodType> = {
  contract: ContractStep,
  staying: StayingStep,
  days: DaysStep,
  support: SupportStep,
  recommendation: RecommendationStep,
  concerns: ConcernsStep,
  'next-term': NextTermStep,
};

/** What stops one step from being complete; empty when it is. Problems are in the order the fields are shown. */
export function stepProblems(step: StepKey, values: TermlyReviewValues): FormProblem[] {
  const result = stepSchemas[step].safeParse(values);
  if (result.success) return [];
  const seen = new Set<string>();
  return result.error.issues
    .map((issue) => ({ fieldId: String(issue.path[0] ?? step), message: issue.message }))
    .filter((problem) => !seen.has(problem.fieldId) && !!seen.add(problem.fieldId));
}

/** Every problem in every step the review goes through; empty when it may be finished. */
export function termlyReviewProblems(values: TermlyReviewValues): FormProblem[] {
  return activeSteps(values).flatMap((step) => stepProblems(step.key, values));
}

/** What kind of review this is, as the dashboard says it. */
export function reviewTypeLabel(values: Pick<TermlyReviewValues, 'term' | 'staying'>): string {
  if (isInterim(values)) return 'Interim assessment';
  const term = ReviewTerm.safeParse(values.term).data;
  return term ? `${termLabels[term]} progress review` : 'Progress review';
}

export const academicYearLabel = (startYear: number) => `${startYear} to ${startYear + 1}`;
