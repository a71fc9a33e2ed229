// The coordinator's coaching overview and the quality team's plan of observations (docs/protocol.md, "Coaching
// overview and plan of observations"): what the relay answers, read by the app with these schemas.
import { z } from 'zod';
import { type MemberRole, OrganisationReportSummary } from './organisations.ts';
import { deskPageQuery } from './paging.ts';

/** Who reads the coaching overview: a school's coordinators, and an appropriate body's reviewers (its schools'). */
export const coachingOverviewRoles: readonly MemberRole[] = ['coordinator', 'appropriate-body-reviewer'];
/** Who reads the plan of observations: the quality team and administrators. */
export const observationPlanRoles: readonly MemberRole[] = ['quality-reviewer', 'administrator'];

export const overviewPaths = {
  coaching: '/api/organisation/coaching',
  observationPlan: '/api/organisation/observation-plan',
} as const;

export const CoachingWeek = z.object({ monday: z.string(), isoWeek: z.string() });

/** One school's early career teachers and their coaching. */
export const SchoolCoaching = z.object({
  id: z.string(),
  name: z.string(),
  /** Every early career teacher of the school, in name order. */
  teachers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** The mentors whose finished or open cycles are about them, by name. */
      mentors: z.array(z.string()),
      /** Cycles finished in each of `weeks`. */
      cyclesPerWeek: z.array(z.number().int()),
      /** The step set by their last finished cycle, and the day it was set. */
      currentStep: z.object({ title: z.string(), setOn: z.string() }).optional(),
    }),
  ),
});

export type SchoolCoaching = z.infer<typeof SchoolCoaching>;

/**
 * GET /api/organisation/coaching: each early career teacher's coaching over the last 8 ISO weeks (Europe/London),
 * grouped by school: a coordinator's own school, or every school linked to an appropriate body, in name order.
 */
export const CoachingOverview = z.object({
  /** The weeks counted, oldest first; the last is this week. */
  weeks: z.array(CoachingWeek),
  schools: z.array(SchoolCoaching),
});
export type CoachingOverview = z.infer<typeof CoachingOverview>;

const ObservationDone = z.object({
  number: z.number().int(),
  date: z.string(),
  concerns: z.boolean(),
  sent: z.boolean(),
  reportId: z.string(),
});

const NextObservation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('spot-check'), number: z.literal(1), session: z.number().int() }),
  z.object({ kind: z.literal('follow-up'), number: z.number().int(), dueBy: z.string(), overdue: z.boolean() }),
  z.object({ kind: z.literal('being-written'), number: z.number().int() }),
  z.object({ kind: z.literal('concerns-after-third') }),
]);

/**
 * GET /api/organisation/observation-plan: every tutor (the organisation's, and those observed who are not members)
 * with the sessions they delivered (their registered session reports where a learner attended), their observations
 * and the one due next. An observation is a member's when it carries their id; one without an id (made before ids
 * were kept, or typed by name) is theirs when they alone have its name, and else listed apart under the name.
 */
export const ObservationPlan = z.object({
  today: z.string(),
  tutors: z.array(
    z.object({
      /** A member's id: observations chosen from the organisation's tutors carry it, and are matched by it. */
      id: z.string().optional(),
      name: z.string(),
      /** Whether the tutor is a member of the organisation (their sessions come from Margin). */
      member: z.boolean(),
      /** When a member joined (ISO 8601), which tells apart two tutors of one name. */
      memberSince: z.string().optional(),
      sessionsDelivered: z.number().int().optional(),
      observations: z.array(ObservationDone),
      next: NextObservation.optional(),
    }),
  ),
});
export type ObservationPlan = z.infer<typeof ObservationPlan>;

/**
 * The progress reviews overview's groups, in the order it shows them: a draft is due or overdue by its date
 * (shared/reports/termly-review/due.ts), a finished review is where its workflow says.
 */
export const ReviewsOverviewGroup = z.enum([
  'overdue',
  'due',
  'teacher-to-comment',
  'needs-signatures',
  'with-reviewer',
  'reviewed',
]);
export type ReviewsOverviewGroup = z.infer<typeof ReviewsOverviewGroup>;

/** A page of the overview holds this many reviews unless `limit` asks otherwise, and at most `reviewsOverviewPageLimit`. */
export const reviewsOverviewPageSize = 50;
export const reviewsOverviewPageLimit = 500;
export const ReviewsOverviewQuery = deskPageQuery(reviewsOverviewPageSize, reviewsOverviewPageLimit);

/** GET /api/organisation/reviews?limit=&offset=: the address of one page of the overview. */
export const reviewsOverviewPath = (page: { limit?: number; offset?: number } = {}) =>
  `/api/organisation/reviews?offset=${page.offset ?? 0}${page.limit ? `&limit=${page.limit}` : ''}`;

/**
 * GET /api/organisation/reviews: one page of the termly reviews the member may see, group by group in
 * `ReviewsOverviewGroup`'s order and by due date within a group (those with none last), each with its group; and how
 * many are in each group over every page.
 */
export const ReviewsOverviewPage = z.object({
  rows: z.array(OrganisationReportSummary.extend({ group: ReviewsOverviewGroup })),
  /** Reviews in every group together, every page. */
  total: z.number(),
  offset: z.number(),
  /** The next page's `offset`, while there are more. */
  next: z.number().optional(),
  /** How many reviews each group holds, every page together. */
  counts: z.record(ReviewsOverviewGroup, z.number()),
  /** The day (Europe/London) the relay told due from overdue by, YYYY-MM-DD. */
  today: z.string(),
});
export type ReviewsOverviewPage = z.infer<typeof ReviewsOverviewPage>;
export type ReviewsOverviewRow = ReviewsOverviewPage['rows'][number];
