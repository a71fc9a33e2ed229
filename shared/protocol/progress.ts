// GET /api/organisation/progress (docs/protocol.md, "Learner progress overview"): every learner of the organisation's
// reports with their scores against targets, attendance, their tutor's last progress-review checklist and whether
// they are falling behind (shared/progress/falling-behind.ts), for the organisation's managers.
import { z } from 'zod';
import type { MemberRole } from './organisations.ts';

/** Who opens the learner progress overview: the organisation's administrators and coordinators (its managers). */
export const progressOverviewRoles: readonly MemberRole[] = ['administrator', 'coordinator'];

export const ScorePoint = z.object({
  reportId: z.string(),
  /** YYYY-MM-DD: the plan's or progress report's date. */
  date: z.string(),
  /** The kind's name as people read it ("Progress report"). */
  kind: z.string(),
  score: z.number().optional(),
  target: z.number().optional(),
  /** A progress report's: the target it was written against. */
  previousTarget: z.number().optional(),
});
export type ScorePoint = z.infer<typeof ScorePoint>;

export const AttendanceWeek = z.object({
  /** YYYY-MM-DD: the Monday of the week. */
  week: z.string(),
  attended: z.number(),
  missed: z.number(),
});
export type AttendanceWeek = z.infer<typeof AttendanceWeek>;

export const LearnerProgress = z.object({
  learner: z.string(),
  /** The tutors who wrote reports about them, by name. */
  tutors: z.array(z.string()),
  latestScore: z.number().optional(),
  /** The target now set (the latest plan's or progress report's). */
  target: z.number().optional(),
  /** Plans and progress reports with a score or a target, oldest first. */
  scores: z.array(ScorePoint),
  attendance: z.object({
    /** Sessions attended (Present, Late) and missed by the learner (Absent, Unauthorised Cancellation). */
    attended: z.number(),
    missed: z.number(),
    /** Sessions that do not count either way (rescheduled, cancelled with notice, the tutor's absence). */
    notCounted: z.number(),
    /** attended / (attended + missed), 0 to 1; absent while no session counts. */
    rate: z.number().optional(),
    weeks: z.array(AttendanceWeek),
  }),
  /** YYYY-MM-DD of their latest plan or progress report, if any. */
  lastProgressReport: z.string().optional(),
  /** The latest progress-review checklist written by one of their tutors, with its weak evidence. */
  checklist: z
    .object({
      reportId: z.string(),
      title: z.string(),
      date: z.string(),
      tutor: z.string(),
      rated: z.number(),
      weak: z.array(z.object({ statement: z.string(), strength: z.string() })),
    })
    .optional(),
  fallingBehind: z.boolean(),
  /** Why, in words, one line per rule broken. */
  reasons: z.array(z.string()),
});
export type LearnerProgress = z.infer<typeof LearnerProgress>;

export const ProgressOverview = z.object({
  /** Falling behind first, then by name. */
  learners: z.array(LearnerProgress),
  /** YYYY-MM-DD: the day the rules were applied on. */
  today: z.string(),
});
export type ProgressOverview = z.infer<typeof ProgressOverview>;

/** Where the overview is asked for; `behind` keeps only those falling behind, `learner` searches names, `tutor` a member id. */
export const progressOverviewPath = (filters: { learner?: string; tutor?: string; behind?: boolean } = {}) => {
  const query = [
    filters.learner ? `learner=${encodeURIComponent(filters.learner)}` : '',
    filters.tutor ? `tutor=${encodeURIComponent(filters.tutor)}` : '',
    filters.behind ? 'behind=1' : '',
  ].filter(Boolean);
  return `/api/organisation/progress${query.length > 0 ? `?${query.join('&')}` : ''}`;
};
