// A session report as a timesheet row (STEPS, domain guide 000): its date, times, duration, session type, the
// attendance code and whether that code is paid, and whether the session counts towards pay (approved and paid).
import type { TimesheetRow, TimesheetTotals } from '../protocol/timesheets.ts';
import type { ReportStatus } from '../protocol/statuses.ts';
import { type AttendanceCode, paidAttendanceCodes } from '../reports/session-report/form.ts';
import type { SessionReportDraft } from '../reports/session-report/doc.ts';
import { statusLabels } from '../workflow/status.ts';

const clock = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes from start to finish on the same day; 0 when either is missing or the finish is not after the start. */
export function sessionMinutes(start: string, finish: string): number {
  const from = clock.exec(start);
  const to = clock.exec(finish);
  if (!from || !to) return 0;
  const minutes = Number(to[1]) * 60 + Number(to[2]) - (Number(from[1]) * 60 + Number(from[2]));
  return Math.max(minutes, 0);
}

/**
 * The session's attendance code: the group's for a group (1:2, 1:3), else the one learner's; empty while none is
 * recorded.
 */
export function sessionAttendance(report: Pick<SessionReportDraft, 'learners' | 'attendance' | 'groupAttendance'>) {
  if (report.learners.length > 1) return report.groupAttendance ?? '';
  const only = report.learners[0];
  return (only ? report.attendance[only.id]?.code : undefined) ?? '';
}

export const isPaidCode = (code: string): boolean => (paidAttendanceCodes as readonly string[]).includes(code);

/** A session report's own timesheet fields, before whose report it is and its status are known. */
export type TimesheetSession = Pick<
  TimesheetRow,
  'date' | 'start' | 'finish' | 'minutes' | 'sessionType' | 'attendance' | 'paid'
>;

export function sessionTimesheet(report: SessionReportDraft): TimesheetSession {
  const attendance: AttendanceCode | '' = sessionAttendance(report) as AttendanceCode | '';
  return {
    date: report.date,
    start: report.start,
    finish: report.finish,
    minutes: sessionMinutes(report.start, report.finish),
    sessionType: report.sessionType ?? 'Tuition',
    attendance,
    paid: isPaidCode(attendance),
  };
}

/** The timesheet row of a session (its fields as `sessionTimesheet` read them), whose report and status are known. */
export function timesheetRowOf(
  session: TimesheetSession,
  facts: { reportId: string; tutorId: string; tutorName: string; status: ReportStatus },
): TimesheetRow {
  return { ...facts, ...session, counted: session.paid && facts.status === 'approved' };
}

export function timesheetRow(
  report: SessionReportDraft,
  facts: { reportId: string; tutorId: string; tutorName: string; status: ReportStatus },
): TimesheetRow {
  return timesheetRowOf(sessionTimesheet(report), facts);
}

/** Counted: approved and paid. Pending: not yet approved (whatever its code), shown apart. */
export function timesheetTotals(rows: readonly TimesheetRow[]): TimesheetTotals {
  const counted = rows.filter((row) => row.counted);
  const pending = rows.filter((row) => row.status !== 'approved');
  const minutes = (some: readonly TimesheetRow[]) => some.reduce((sum, row) => sum + row.minutes, 0);
  return {
    countedSessions: counted.length,
    countedMinutes: minutes(counted),
    pendingSessions: pending.length,
    pendingMinutes: minutes(pending),
  };
}

/** "2030-01" as people read it: "January 2030". */
export const monthName = (month: string): string =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Hours and minutes as a timesheet shows them: 90 -> "1:30". */
export const hoursAndMinutes = (minutes: number): string =>
  `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

export const timesheetColumns = [
  'Tutor',
  'Date',
  'Start',
  'Finish',
  'Duration (minutes)',
  'Session type',
  'Attendance',
  'Paid',
  'Status',
  'Counted',
  'Report',
] as const;

/** One row's cells, in timesheetColumns' order. */
export const timesheetCells = (row: TimesheetRow): string[] => [
  row.tutorName,
  row.date,
  row.start,
  row.finish,
  String(row.minutes),
  row.sessionType,
  row.attendance,
  row.paid ? 'Yes' : 'No',
  statusLabels[row.status],
  row.counted ? 'Yes' : 'No',
  row.reportId,
];
