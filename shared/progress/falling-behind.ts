// When a learner is falling behind (README, "Learner progress overview"): the rules, in one place, applied to the
// facts the overview gathers. Each rule broken gives one line a manager can act on.
import { daysBetween } from '../workflow/calendar.ts';

export const fallingBehindRules = {
  /** Missed the target set at their previous plan or progress report by more than this many points. */
  targetMarginPoints: 5,
  /** Attended fewer than this share of the sessions that count... */
  attendanceThreshold: 0.85,
  /** ...once at least this many sessions count. */
  attendanceMinimumSessions: 3,
  /** No plan or progress report for more than this many weeks (progress reports are due every six), with sessions since. */
  weeksWithoutProgressReport: 7,
} as const;

export interface ProgressFigures {
  /** Scores and targets of their plans and progress reports, oldest first. */
  scores: readonly { date: string; score?: number; target?: number; previousTarget?: number }[];
  attended: number;
  missed: number;
  /** Dates of their sessions (any attendance), in any order. */
  sessionDates: readonly string[];
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Every rule the learner breaks on `today` (YYYY-MM-DD), in words; empty when they are not falling behind. */
export function fallingBehindReasons(figures: ProgressFigures, today: string): string[] {
  const rules = fallingBehindRules;
  const reasons: string[] = [];
  const scored = figures.scores.filter((point) => point.score !== undefined);
  const latest = scored.at(-1);
  // The target it was measured against: the one copied into a progress report, else the last one set before it.
  const missed =
    latest?.previousTarget ??
    (latest
      ? figures.scores.slice(0, figures.scores.indexOf(latest)).findLast((p) => p.target !== undefined)?.target
      : undefined);
  if (latest?.score !== undefined && missed !== undefined && missed - latest.score > rules.targetMarginPoints)
    reasons.push(
      `Latest score ${latest.score} is ${missed - latest.score} points below the target of ${missed} (more than ${rules.targetMarginPoints} points short).`,
    );
  const counted = figures.attended + figures.missed;
  if (counted >= rules.attendanceMinimumSessions && figures.attended / counted < rules.attendanceThreshold)
    reasons.push(
      `Attended ${figures.attended} of ${counted} sessions (${percent(figures.attended / counted)}), under ${percent(rules.attendanceThreshold)}.`,
    );
  const lastReport = figures.scores
    .map((point) => point.date)
    .filter(Boolean)
    .sort()
    .at(-1);
  const sessions = [...figures.sessionDates].filter(Boolean).sort();
  const since = lastReport ?? sessions[0];
  const sessionsSince = lastReport ? sessions.some((date) => date > lastReport) : sessions.length > 0;
  const weeks = since ? Math.floor(daysBetween(since, today) / 7) : 0;
  if (since && sessionsSince && daysBetween(since, today) > rules.weeksWithoutProgressReport * 7)
    reasons.push(
      lastReport
        ? `No progress report for ${weeks} weeks (due every six; flagged after ${rules.weeksWithoutProgressReport}).`
        : `No plan or progress report in the ${weeks} weeks since their first session (flagged after ${rules.weeksWithoutProgressReport}).`,
    );
  return reasons;
}
