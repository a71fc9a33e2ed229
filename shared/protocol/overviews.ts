// The coordinator's coaching overview and the quality team's plan of observations (docs/protocol.md, "Coaching
// overview and plan of observations"): what the relay answers, read by the app with these schemas.
import { z } from 'zod';
import type { MemberRole } from './organisations.ts';

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
