// The learner progress overview drawn from each report's index entry (IndexEntry: learners, score and target,
// attendance, a checklist's weak evidence), never from the documents themselves: one row per learner, by name, as
// the client portal groups them. Falling behind is decided by falling-behind.ts.
import type { LearnerProgress, ScorePoint } from '../protocol/progress.ts';
import type { IndexEntry } from '../reports/definition.ts';
import { attendedCodes, paidAttendanceCodes } from '../reports/session-report/form.ts';
import { mondayOf } from '../workflow/calendar.ts';
import { fallingBehindReasons } from './falling-behind.ts';

/** What the overview knows of one report: who wrote it and its index entry. */
export interface ProgressReportFact {
  reportId: string;
  /** The kind's name as people read it. */
  kind: string;
  tutorId: string;
  tutorName: string;
  entry: IndexEntry;
}

type Attendance = 'attended' | 'missed' | 'notCounted';

/** Present and Late are attended; the other paid codes (Absent, Unauthorised Cancellation) are the learner's missing. */
export function attendanceOf(code: string): Attendance {
  if ((attendedCodes as readonly string[]).includes(code)) return 'attended';
  if ((paidAttendanceCodes as readonly string[]).includes(code)) return 'missed';
  return 'notCounted';
}

interface Gathered {
  learner: string;
  tutors: Set<string>;
  tutorIds: Set<string>;
  scores: ScorePoint[];
  sessions: { date: string; code: string }[];
}

/** Every learner named in `facts`, falling behind first, then by name. */
export function progressOverview(facts: readonly ProgressReportFact[], today: string): LearnerProgress[] {
  const learners = new Map<string, Gathered>();
  const gathered = (name: string) => {
    const key = name.trim().toLocaleLowerCase('en-GB');
    let one = learners.get(key);
    if (!one)
      learners.set(
        key,
        (one = { learner: name.trim(), tutors: new Set(), tutorIds: new Set(), scores: [], sessions: [] }),
      );
    return one;
  };
  for (const fact of facts) {
    const { entry } = fact;
    for (const learner of entry.learners) {
      if (!learner.name.trim()) continue;
      const one = gathered(learner.name);
      one.tutors.add(fact.tutorName);
      one.tutorIds.add(fact.tutorId);
      if ((entry.score !== undefined || entry.target !== undefined) && entry.date)
        one.scores.push({
          reportId: fact.reportId,
          date: entry.date,
          kind: fact.kind,
          ...(entry.score !== undefined ? { score: entry.score } : {}),
          ...(entry.target !== undefined ? { target: entry.target } : {}),
          ...(entry.previousTarget !== undefined ? { previousTarget: entry.previousTarget } : {}),
        });
      const code = entry.attendance?.[learner.id];
      if (entry.session && code) one.sessions.push({ date: entry.session.date, code });
    }
  }
  const checklists = facts
    .filter((fact) => fact.entry.checklist && fact.entry.date)
    .sort((a, b) => b.entry.date.localeCompare(a.entry.date));
  return [...learners.values()]
    .map((one) => learnerProgress(one, checklists, today))
    .sort((a, b) => Number(b.fallingBehind) - Number(a.fallingBehind) || a.learner.localeCompare(b.learner, 'en-GB'));
}

function learnerProgress(one: Gathered, checklists: ProgressReportFact[], today: string): LearnerProgress {
  const scores = one.scores.sort((a, b) => a.date.localeCompare(b.date));
  const counts = { attended: 0, missed: 0, notCounted: 0 };
  const weeks = new Map<string, { week: string; attended: number; missed: number }>();
  for (const session of one.sessions) {
    const kind = attendanceOf(session.code);
    counts[kind] += 1;
    if (kind === 'notCounted' || !session.date) continue;
    const week = mondayOf(session.date);
    const counted = weeks.get(week) ?? { week, attended: 0, missed: 0 };
    counted[kind] += 1;
    weeks.set(week, counted);
  }
  const counted = counts.attended + counts.missed;
  const scored = scores.filter((point) => point.score !== undefined).at(-1);
  const targeted = scores.filter((point) => point.target !== undefined).at(-1);
  const checklist = checklists.find((fact) => one.tutorIds.has(fact.tutorId));
  const reasons = fallingBehindReasons(
    {
      scores,
      attended: counts.attended,
      missed: counts.missed,
      sessionDates: one.sessions.map((session) => session.date),
    },
    today,
  );
  return {
    learner: one.learner,
    tutors: [...one.tutors].sort(),
    ...(scored?.score !== undefined ? { latestScore: scored.score } : {}),
    ...(targeted?.target !== undefined ? { target: targeted.target } : {}),
    scores,
    attendance: {
      ...counts,
      ...(counted > 0 ? { rate: counts.attended / counted } : {}),
      weeks: [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week)),
    },
    ...(scores.length > 0 ? { lastProgressReport: scores.at(-1)!.date } : {}),
    ...(checklist?.entry.checklist
      ? {
          checklist: {
            reportId: checklist.reportId,
            title: checklist.entry.checklist.title,
            date: checklist.entry.date,
            tutor: checklist.tutorName,
            rated: checklist.entry.checklist.rated,
            weak: checklist.entry.checklist.weak,
          },
        }
      : {}),
    fallingBehind: reasons.length > 0,
    reasons,
  };
}
