// When an assignment's reports are due (domain guide 000): each learner's Individual Learning Plan by the
// second session, a progress report every six weeks from the first session, and the final progress report
// at the assignment's end date. Each report is due, overdue or done. Which kinds are due, and on which
// schedule, each kind says in its definition (shared/reports/<kind>/index.ts, `assignment`).
import type { Learner } from '../forms/fields.ts';
import type { ReportStatus } from './status.ts';
import { addDays, daysBetween } from './calendar.ts';

/** By the assignment's second session, every six weeks from its first session, or at its end date. */
export type DueSchedule = 'by-second-session' | 'every-six-weeks' | 'at-end-date';

/** What a kind written for each learner of an assignment says about when it is due and how the tutor is asked. */
export interface DueRule {
  kind: string;
  /** The kind's name as people read it, e.g. "Progress report". */
  label: string;
  schedule: DueSchedule;
  /** The tutor's step, e.g. "Write the plan"; given a number, the numbered one ("Write progress report 2"). */
  writeStep(number?: number): string;
}

export type DueState = 'due' | 'overdue' | 'done';

/** A report counts as done once it is submitted; a rejected one is not done until it is resubmitted. */
export const doneStatuses: readonly ReportStatus[] = ['submitted', 'approved', 'resubmitted'];

/** Weeks between progress reports, counted from the first session. */
export const progressReportIntervalWeeks = 6;

/** Reports due within this many days are listed in the tutor's pending actions. */
export const dueSoonDays = 14;

export interface AssignmentSchedule {
  id: string;
  learners: Learner[];
  startDate: string;
  endDate: string;
  /** The dates of its first and second sessions, when they exist. */
  firstSessionDate?: string;
  secondSessionDate?: string;
}

export interface FiledReport {
  id: string;
  kind: string;
  learnerId: string;
  status: ReportStatus;
  createdAt: string;
}

export interface DueReport {
  assignmentId: string;
  kind: string;
  /** The kind's rule: its label, schedule and the tutor's step. */
  rule: DueRule;
  learner: Learner;
  /** Which progress report (1 for the first six weeks); absent for the plan and the final report. */
  number?: number;
  /** Absent for a plan whose assignment has no second session yet: it is due by that session. */
  dueDate?: string;
  state: DueState;
  /** The report written for it, if any (a draft, a rejected one or a done one). */
  reportId?: string;
  status?: ReportStatus;
}

/** Six-weekly progress report dates from the first session, before the end date (the final report covers the end). */
export function progressDueDates(firstSessionDate: string, endDate: string): string[] {
  const dates: string[] = [];
  for (
    let date = addDays(firstSessionDate, progressReportIntervalWeeks * 7);
    date < endDate;
    date = addDays(date, progressReportIntervalWeeks * 7)
  ) {
    dates.push(date);
  }
  return dates;
}

function stateOf(report: FiledReport | undefined, dueDate: string | undefined, today: string): DueState {
  if (report && doneStatuses.includes(report.status)) return 'done';
  return dueDate !== undefined && today > dueDate ? 'overdue' : 'due';
}

/**
 * Every report an assignment needs, per learner and per rule (in the rules' order), with its due date and
 * state. Reports due every six weeks are matched to due dates in the order they were written: the first one
 * written answers the first six weeks. Of the others, the one that is done counts, else the latest.
 */
export function dueReportsFor(
  rules: readonly DueRule[],
  assignment: AssignmentSchedule,
  reports: readonly FiledReport[],
  today: string,
): DueReport[] {
  const sixWeekly = assignment.firstSessionDate
    ? progressDueDates(assignment.firstSessionDate, assignment.endDate)
    : [];
  return assignment.learners.flatMap((learner) =>
    rules.flatMap((rule) => {
      const mine = reports
        .filter((report) => report.kind === rule.kind && report.learnerId === learner.id)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      const item = (report: FiledReport | undefined, dueDate: string | undefined, number?: number): DueReport => ({
        assignmentId: assignment.id,
        kind: rule.kind,
        rule,
        learner,
        ...(number === undefined ? {} : { number }),
        dueDate,
        state: stateOf(report, dueDate, today),
        reportId: report?.id,
        status: report?.status,
      });
      const doneOrLatest = mine.find((report) => doneStatuses.includes(report.status)) ?? mine.at(-1);
      switch (rule.schedule) {
        case 'by-second-session':
          return [item(doneOrLatest, assignment.secondSessionDate)];
        case 'every-six-weeks':
          return sixWeekly.map((date, i) => item(mine[i], date, i + 1));
        case 'at-end-date':
          return [item(doneOrLatest, assignment.endDate)];
      }
    }),
  );
}

/** Whether a due report belongs in the tutor's pending actions: overdue, or due within the next two weeks. */
export function needsAction(due: DueReport, today: string): boolean {
  if (due.state === 'overdue') return true;
  if (due.state === 'done') return false;
  return due.dueDate === undefined || daysBetween(today, due.dueDate) <= dueSoonDays;
}
