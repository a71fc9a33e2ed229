// The tutor's pending actions (domain guide 000): rejected reports with the reviewer's reason, reports due
// or overdue, and sessions that have taken place without a submitted report. Each says what to do and
// where: a report to open, or the assignment to write a new one from.
import type { ReportStatus } from './status.ts';
import { formatDate } from './calendar.ts';
import type { DueReport } from './due-dates.ts';

export type PendingActionKind = 'rejected' | 'overdue' | 'unreported' | 'due';

export interface PendingAction {
  kind: PendingActionKind;
  /** What it is about: "Progress report 1: Sam, Maths". */
  about: string;
  /** Why it is pending: the reviewer's reason, or when it was due. */
  detail: string;
  /** What to do, as a link's words: "Amend the report". */
  step: string;
  /** Act on this report... */
  reportId?: string;
  /** ...or, when there is no report yet, write it from this assignment. */
  assignmentId?: string;
}

export interface RejectedReport {
  id: string;
  title: string;
  rejectionReason?: string;
}

export interface SessionAwaiting {
  reportId: string;
  date: string;
  start: string;
  learnerNames: string[];
  subject: string;
}

/** A session needs its report once it has finished, until the report is submitted (a rejected one is listed as rejected). */
export function sessionAwaitingReport(
  session: { date: string; finish: string },
  status: ReportStatus,
  today: string,
  timeNow: string,
): boolean {
  if (status !== 'draft') return false;
  return session.date < today || (session.date === today && session.finish !== '' && session.finish <= timeNow);
}

export function dueAction(due: DueReport, subject: string): PendingAction {
  const about = `${due.rule.label}${due.number ? ` ${due.number}` : ''}: ${due.learner.name}, ${subject}`;
  const when = due.dueDate ? formatDate(due.dueDate) : undefined;
  const detail =
    due.state === 'overdue'
      ? `Overdue: it was due on ${when}.`
      : when
        ? `Due by ${when}.`
        : 'Due by the second session.';
  return {
    kind: due.state === 'overdue' ? 'overdue' : 'due',
    about,
    detail,
    step: due.reportId ? 'Continue the draft' : due.rule.writeStep(),
    ...(due.reportId ? { reportId: due.reportId } : { assignmentId: due.assignmentId }),
  };
}

export function rejectedAction(report: RejectedReport): PendingAction {
  return {
    kind: 'rejected',
    about: report.title,
    detail: report.rejectionReason ? `Rejected: ${report.rejectionReason}` : 'Rejected; open it to read why.',
    step: 'Amend the report',
    reportId: report.id,
  };
}

export function unreportedAction(session: SessionAwaiting): PendingAction {
  return {
    kind: 'unreported',
    about: `Session: ${session.learnerNames.join(', ')}, ${session.subject}`,
    detail: `The session on ${formatDate(session.date)} at ${session.start} has no submitted report.`,
    step: 'Write the report',
    reportId: session.reportId,
  };
}

export interface PendingInput {
  rejected: readonly RejectedReport[];
  /** Due reports that need action (see needsAction), with their assignment's subject. */
  due: readonly { due: DueReport; subject: string }[];
  unreported: readonly SessionAwaiting[];
}

/** Rejected first, then overdue (oldest first), sessions without a report (oldest first), then due (soonest first). */
export function pendingActions(input: PendingInput): PendingAction[] {
  const byDate = (a: { due: DueReport }, b: { due: DueReport }) =>
    (a.due.dueDate ?? '').localeCompare(b.due.dueDate ?? '');
  const open = input.due.filter(({ due }) => due.status !== 'rejected' && due.state !== 'done');
  return [
    ...input.rejected.map(rejectedAction),
    ...open
      .filter(({ due }) => due.state === 'overdue')
      .sort(byDate)
      .map(({ due, subject }) => dueAction(due, subject)),
    ...[...input.unreported]
      .sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`))
      .map(unreportedAction),
    ...open
      .filter(({ due }) => due.state === 'due')
      .sort(byDate)
      .map(({ due, subject }) => dueAction(due, subject)),
  ];
}
