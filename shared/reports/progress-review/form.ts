// The progress-review checklist (domain guide 002, "Monitoring effective learners' progress reviews"): four
// stages, each point backed by real evidence and a judgement of how strong that evidence is, and what needs
// to happen where it is weak. Reviewers may add their own points to any stage.
import { z } from 'zod';
import { FreeText, IsoDate, evenWithOtherProblems } from '../../forms/fields.ts';

export const evidenceStrengths = ['None', 'Superficial', 'Strong'] as const;
export type EvidenceStrength = (typeof evidenceStrengths)[number];

export interface ReviewPoint {
  id: string;
  statement: string;
}

export interface ReviewStage {
  key: 'learners' | 'teachers' | 'employers' | 'guidance';
  label: string;
  about: string;
  points: readonly ReviewPoint[];
}

const points = (prefix: string, statements: string[]): ReviewPoint[] =>
  statements.map((statement, i) => ({ id: `${prefix}-${i + 1}`, statement }));

/** The four stages in the resource's order. Point ids are stable: they name the point's keys in the document. */
export const reviewStages: readonly ReviewStage[] = [
  {
    key: 'learners',
    label: 'Stage 1: Learners',
    about: 'The learner, their role and responsibilities.',
    points: points('learners', [
      'Contributes to an individual learning programme.',
      'Monitors own learning and progress.',
      'Sets own effective (challenging) targets.',
      'Works with teachers to plan own assessment.',
      'Completes challenging homework tasks.',
      'Understands own progress and action plans for better progress.',
      'Actively reflects on own learning.',
      'Has goals and ambitions.',
      'Knows how to stay safe.',
      "Abides by the organisation's expectations.",
      'Aware of British values relevant to work.',
    ]),
  },
  {
    key: 'teachers',
    label: 'Stage 2: Teachers',
    about: "The teacher's role.",
    points: points('teachers', [
      'Plans learning, not just activities.',
      'Variety in learning to meet individual preferences.',
      'Learning targets provide challenges.',
      'Uses challenging question strategies.',
      'Tracks progress with feedback to learners.',
      'Sets homework with detailed feedback.',
      'Maintains detailed records of achievements.',
      'Plans formative and summative assessments.',
      "Checks learners' understanding.",
      'Monitors attendance with follow-up.',
      'Promotes English and maths in all lessons.',
      'Promotes safeguarding and diversity in learning.',
      'Understands programme performance data.',
    ]),
  },
  {
    key: 'employers',
    label: 'Stage 3: Employers',
    about: 'How employers need to be involved.',
    points: points('employers', [
      'Understands the need for work placements.',
      'Able to provide realistic work opportunities.',
      'Understands the training required in the placement.',
      'Able to offer variety within placements.',
      'Provides progress feedback.',
      'Gets involved in planning, training and assessments.',
      'Understands safeguarding and ensures a safe work environment.',
      'Gets involved in team planning.',
      'Provides feedback for self-assessment.',
      "Provides 'teachers in industry' placements.",
    ]),
  },
  {
    key: 'guidance',
    label: 'Stage 4: Information, advice and guidance, and tutorial',
    about: 'Information, advice and guidance (IAG) and support through the tutorial process.',
    points: points('guidance', [
      'IAG directs the learner journey.',
      'Robust IAG in applications and interviews.',
      'Learners are on the right programme.',
      'Initial assessment is used to plan learning.',
      'Learners clearly understand their progress.',
      'Learners learn about staying safe.',
      'Learners work to highly challenging targets.',
      'Promotes equality and diversity.',
      'Improves English and maths.',
      'Learners make good progress from their starting point.',
      'Progress from the starting point is measurable.',
      "Learners' career aspirations are high.",
    ]),
  },
];

export const reviewStageKeys = ['learners', 'teachers', 'employers', 'guidance'] as const;
export const maxStatementLength = 200;

const needsEvidence = (strength: EvidenceStrength) => strength !== 'None';
/** Evidence that is not strong (none, or superficial) is weak: the resource asks what must happen to develop it. */
export const isWeakEvidence = (strength: EvidenceStrength) => strength !== 'Strong';
const needsAction = isWeakEvidence;

/** One point's judgement: how strong the evidence is, what it is, and what needs to happen where it is weak. */
export const PointReview = z
  .object({
    strength: z.enum(evidenceStrengths, { error: 'Rate the strength of the evidence: none, superficial or strong.' }),
    evidence: FreeText,
    action: FreeText,
  })
  .superRefine((point, ctx) => {
    if (!(evidenceStrengths as readonly string[]).includes(point.strength)) return;
    if (needsEvidence(point.strength) && !point.evidence?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'Describe the evidence behind this rating.' });
    }
    if (needsAction(point.strength) && !point.action?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['action'], message: 'Say what needs to happen to develop this point.' });
    }
  }, evenWithOtherProblems);
export type PointReview = z.infer<typeof PointReview>;

export const CustomPointReview = PointReview.safeExtend({
  stage: z.enum(reviewStageKeys),
  statement: z
    .string()
    .trim()
    .min(1, { error: 'Write the point, or remove it.' })
    .max(maxStatementLength, { error: `A point holds at most ${maxStatementLength} characters.` }),
});
export type CustomPointReview = z.infer<typeof CustomPointReview>;

export const ProgressReviewChecklist = z.object({
  title: z
    .string()
    .trim()
    .min(1, { error: 'Give the checklist a title, such as the team or programme reviewed.' })
    .max(120),
  date: IsoDate,
  /** One entry for every point of the four stages, by point id. */
  points: z.record(z.string(), PointReview),
  /** Points the reviewer added, by their id. */
  customPoints: z.record(z.string(), CustomPointReview),
});
export type ProgressReviewChecklist = z.infer<typeof ProgressReviewChecklist>;

export const allReviewPoints: readonly ReviewPoint[] = reviewStages.flatMap((stage) => stage.points);

/** The form element for a problem at this schema path: `strength-<point>`, `evidence-<point>`, `action-<point>`, `statement-<point>`. */
export function progressReviewFieldId(path: readonly PropertyKey[]): string {
  const [first, pointId, key] = path.map(String);
  if (first === 'points' || first === 'customPoints') return `${key ?? 'strength'}-${pointId}`;
  return first ?? 'title';
}

/** The form's labels: the checklist's own fields, then each point's (followed there by the point's statement). */
export const reviewFieldLabels = {
  title: 'Title',
  date: 'Date',
  strength: 'Strength of evidence',
  evidence: 'Evidence',
  action: 'What needs to happen',
  statement: 'Your point',
} as const;
const pointFieldLabels: Record<string, string> = {
  strength: reviewFieldLabels.strength,
  evidence: reviewFieldLabels.evidence,
  action: reviewFieldLabels.action,
  statement: reviewFieldLabels.statement,
};

export function progressReviewFieldLabel(
  fieldId: string,
  customStatements: Record<string, string> = {},
): string | undefined {
  if (fieldId === 'title' || fieldId === 'date') return reviewFieldLabels[fieldId];
  const [kind, pointId] = fieldId.split(/-(.*)/s);
  const statement = allReviewPoints.find((point) => point.id === pointId)?.statement ?? customStatements[pointId ?? ''];
  const words = pointFieldLabels[kind ?? ''];
  if (!words) return undefined;
  return statement ? `${words}: ${statement}` : words;
}
