// What the tutor's home page and session search read from the device's index. Every query starts from an
// index (a date range, a learner, a subject prefix, a status), so they stay fast with thousands of reports.
import Dexie from 'dexie';
import {
  addDays,
  localDate,
  localTime,
  sessionGroupOf,
  sessionsHomeRange,
  type SessionGroup,
} from '../../../shared/workflow/calendar.ts';
import { dueReports } from '../../../shared/reports/assignment-reports.ts';
import { dueRules } from '../../../shared/reports/registry.ts';
import { needsAction, type DueReport, type FiledReport } from '../../../shared/workflow/due-dates.ts';
import { pendingActions, sessionAwaitingReport, type PendingAction } from '../../../shared/workflow/pending-actions.ts';
import type { ReportStatus } from '../../../shared/workflow/status.ts';
import { fail, ok, type FieldProblem, type Result } from '../../../shared/result.ts';
import { db, subjectKey, type AssignmentRow, type ReportRow, type SessionRow } from './db.ts';

export interface SessionItem {
  reportId: string;
  date: string;
  start: string;
  finish: string;
  subject: string;
  learnerNames: string[];
  status: ReportStatus;
  assignmentId?: string;
  /** Comments by others not yet seen on this device. */
  unreadComments: number;
}

export interface HomeData {
  today: string;
  sessions: Record<SessionGroup, SessionItem[]>;
  pending: PendingAction[];
  /** Sessions without a submitted report beyond those listed. */
  moreUnreported: number;
}

/** How many sessions without a report the home page lists (oldest first); the rest are counted. */
export const unreportedShown = 30;

export async function sessionItems(sessions: SessionRow[]): Promise<SessionItem[]> {
  const reports = await db.reports.bulkGet(sessions.map((session) => session.reportId));
  return sessions.map((session, i) => ({
    reportId: session.reportId,
    date: session.date,
    start: session.start,
    finish: session.finish,
    subject: session.subject,
    learnerNames: reports[i]?.learnerNames ?? [],
    status: reports[i]?.status ?? 'draft',
    assignmentId: session.assignmentId,
    unreadComments: reports[i]?.unreadComments ?? 0,
  }));
}

const byTime = (a: SessionItem, b: SessionItem) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`);

/** Every assignment's reports that are due soon or overdue. */
export async function dueSoon(today: string): Promise<{ due: DueReport; subject: string }[]> {
  // One equality range per kind: Dexie's anyOf walks a cursor, many times slower here.
  const [assignments, ...filed] = await Promise.all([
    db.assignments.toArray(),
    ...dueRules.map(({ kind }) => db.reports.where('type').equals(kind).toArray()),
  ]);
  const byAssignment = groupFiled(filed.flat());
  return assignments.flatMap((assignment) =>
    dueReports(scheduleOf(assignment), byAssignment.get(assignment.id) ?? [], today)
      .filter((due) => needsAction(due, today))
      .map((due) => ({ due, subject: assignment.subject })),
  );
}

export function groupFiled(rows: ReportRow[]): Map<string, FiledReport[]> {
  const groups = new Map<string, FiledReport[]>();
  for (const row of rows) {
    if (!row.assignmentId || !dueRules.some(({ kind }) => kind === row.type)) continue;
    const list = groups.get(row.assignmentId) ?? [];
    list.push({
      id: row.id,
      kind: row.type,
      learnerId: row.learnerIds[0] ?? '',
      status: row.status,
      createdAt: row.createdAt,
    });
    groups.set(row.assignmentId, list);
  }
  return groups;
}

export const scheduleOf = (assignment: AssignmentRow) => ({
  id: assignment.id,
  learners: assignment.learners,
  startDate: assignment.startDate,
  endDate: assignment.endDate,
  firstSessionDate: assignment.firstSessionDate,
  secondSessionDate: assignment.secondSessionDate,
});

/** The home page: sessions from last week to next week, grouped, and the pending actions. */
export async function loadHome(now: Date): Promise<HomeData> {
  const today = localDate(now);
  const timeNow = localTime(now);
  const range = sessionsHomeRange(today);
  const drafts = (upTo: string) =>
    db.reports
      .where('[type+status+sessionDate]')
      .between(['session-report', 'draft', Dexie.minKey], ['session-report', 'draft', upTo], true, true);
  const yesterday = addDays(today, -1);
  const [nearby, rejected, earlierDrafts, earlierCount, todaysDrafts, due] = await Promise.all([
    db.sessions.where('date').between(range.from, range.to, true, true).toArray(),
    db.reports.where('status').equals('rejected').toArray(),
    drafts(yesterday).limit(unreportedShown).toArray(),
    drafts(yesterday).count(),
    db.reports.where('[type+status+sessionDate]').equals(['session-report', 'draft', today]).toArray(),
    dueSoon(today),
  ]);
  const items = (await sessionItems(nearby)).sort(byTime);
  const sessions: Record<SessionGroup, SessionItem[]> = {
    today: [],
    'this-week': [],
    'last-week': [],
    'next-week': [],
  };
  for (const item of items) {
    const group = sessionGroupOf(item.date, today);
    if (group) sessions[group].push(item);
  }
  const candidates = [...earlierDrafts, ...todaysDrafts];
  const candidateSessions = await db.sessions.bulkGet(candidates.map((report) => report.id));
  const unreported = candidates.flatMap((report, i) => {
    const session = candidateSessions[i];
    if (!session || !sessionAwaitingReport(session, report.status, today, timeNow)) return [];
    return [
      {
        reportId: report.id,
        date: session.date,
        start: session.start,
        learnerNames: report.learnerNames,
        subject: session.subject,
      },
    ];
  });
  return {
    today,
    sessions,
    pending: pendingActions({ rejected, due, unreported }),
    moreUnreported: earlierCount - earlierDrafts.length,
  };
}

export interface SessionSearch {
  learnerId?: string;
  subject?: string;
  from?: string;
  to?: string;
}

export type SessionSearchResult = Result<{ sessions: SessionItem[]; total: number }, FieldProblem>;

/** The most results a search lists (newest first); the rest are counted. */
export const searchShown = 100;

/** Sessions matching every criterion given: a learner, a subject (its start, any case) and a date range. */
export async function searchSessions(search: SessionSearch): Promise<SessionSearchResult> {
  const subject = subjectKey(search.subject ?? '');
  const { learnerId, from, to } = search;
  if (!learnerId && !subject && !from && !to) {
    return fail({ field: 'search-learner', message: 'Choose a learner, type a subject or give dates to search.' });
  }
  if (from && to && from > to)
    return fail({ field: 'search-from', message: 'The "from" date is after the "to" date.' });
  const start = from || '0000-01-01';
  const end = to || '9999-12-31';
  const collection = learnerId
    ? db.sessions.where('learnerIds').equals(learnerId)
    : from || to
      ? db.sessions.where('date').between(start, end, true, true)
      : db.sessions.where('subjectKey').startsWith(subject);
  const rows = (await collection.toArray()).filter(
    (session) =>
      session.date >= start &&
      session.date <= end &&
      session.subjectKey.startsWith(subject) &&
      (!learnerId || session.learnerIds.includes(learnerId)),
  );
  rows.sort((a, b) => `${b.date}${b.start}`.localeCompare(`${a.date}${a.start}`));
  return ok({ sessions: await sessionItems(rows.slice(0, searchShown)), total: rows.length });
}
