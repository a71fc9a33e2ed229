// Keeps the Dexie index rows (learners, assignment, session, report) in step with a report's Y.Doc, so
// lists work without opening every document. A report opened from a share link indexes itself here.
// Content and status are indexed separately: the status comes from the report's `<id>/status` document.
import type * as Y from 'yjs';
import { readMeta } from '../../../shared/doc/index.ts';
import {
  readIlp,
  readProgressReport,
  readProgressReview,
  readSessionReport,
  readTermlyReview,
  reportKindOf,
  reportTitle,
  type ReportKind,
} from '../../../shared/reports/index.ts';
import type { StatusView } from '../../../shared/doc/status-doc.ts';
import type { AssignmentSummary } from '../../../shared/forms/assignment.ts';
import type { Learner } from '../../../shared/forms/fields.ts';
import { formatDate } from '../../../shared/workflow/calendar.ts';
import { db, subjectKey, type ReportRow, type SessionRow } from './db.ts';
import { coachingAndQualityRow } from '../coaching/index-rows.ts';

type ContentRow = Omit<ReportRow, 'status' | 'rejectionReason' | 'unreadComments' | 'createdAt' | 'updatedAt'>;

interface Indexed {
  row: ContentRow;
  learners: Learner[];
  session?: SessionRow;
}

function describe(reportId: string, doc: Y.Doc, kind: ReportKind): Indexed {
  const title = reportTitle(doc);
  const base = { id: reportId, type: kind, title };
  const names = (learners: Learner[]) => ({
    learnerIds: learners.map((l) => l.id),
    learnerNames: learners.map((l) => l.name),
  });
  switch (kind) {
    case 'session-report': {
      const report = readSessionReport(doc);
      const session: SessionRow = {
        id: reportId,
        reportId,
        learnerIds: report.learners.map((learner) => learner.id),
        date: report.date,
        start: report.start,
        finish: report.finish,
        subject: report.subject,
        subjectKey: subjectKey(report.subject),
        ...(report.assignment ? { assignmentId: report.assignment.id } : {}),
      };
      const row = {
        ...base,
        title: `${title}, ${formatDate(report.date)}`,
        ...names(report.learners),
        sessionDate: report.date,
        assignmentId: report.assignment?.id,
      };
      return { row, learners: report.learners, session };
    }
    case 'ilp': {
      const plan = readIlp(doc);
      const learners = plan.learner ? [plan.learner] : [];
      const row = {
        ...base,
        ...names(learners),
        sessionDate: plan.date ?? '',
        assignmentId: plan.assignment?.id,
        score: plan.assessmentScore,
        target: plan.target,
        plan: plan.text.plan,
      };
      return { row, learners };
    }
    case 'progress-report':
    case 'final-report': {
      const report = readProgressReport(doc);
      const learners = report.learner ? [report.learner] : [];
      const row = {
        ...base,
        ...names(learners),
        sessionDate: report.date ?? '',
        assignmentId: report.assignment?.id,
        score: report.updatedScore,
        target: report.newTarget,
        plan: report.text.plan,
      };
      return { row, learners };
    }
    case 'progress-review': {
      const review = readProgressReview(doc);
      return { row: { ...base, ...names([]), sessionDate: review.date ?? '' }, learners: [] };
    }
    case 'coaching-record':
    case 'coaching-cycle':
    case 'qa-observation':
      return { row: { ...base, ...coachingAndQualityRow(doc) }, learners: [] };
    case 'termly-review': {
      // The teacher is not one of the agency's learners: named here for the progress reviews page, which lists by due date.
      const review = readTermlyReview(doc);
      return {
        row: {
          ...base,
          learnerIds: [],
          learnerNames: [review.teacherName],
          sessionDate: review.dueDate ?? '',
          reviewType: review.typeLabel,
        },
        learners: [],
      };
    }
  }
}

/** Indexes any Margin report; a document that is not (yet) one is left alone. */
export async function indexReport(reportId: string, doc: Y.Doc, now = new Date()): Promise<void> {
  const kind = reportKindOf(doc);
  if (!kind) return;
  const { row, learners, session } = describe(reportId, doc, kind);
  const meta = readMeta(doc);
  await db.transaction('rw', [db.learners, db.assignments, db.sessions, db.reports, db.knownStatuses], async () => {
    for (const learner of learners) {
      if (!(await db.learners.get(learner.id)))
        await db.learners.add({ id: learner.id, name: learner.name, createdAt: now.toISOString() });
    }
    if (meta.assignment) await rememberAssignment(meta.assignment, learners, now);
    if (session) await db.sessions.put(session);
    const existing = await db.reports.get(reportId);
    const known = existing ?? (await db.knownStatuses.get(reportId));
    await db.reports.put(
      withoutUndefined({
        ...row,
        status: known?.status ?? 'draft',
        rejectionReason: known?.rejectionReason,
        unreadComments: existing?.unreadComments,
        createdAt: meta.createdAt ?? now.toISOString(),
        updatedAt: now.toISOString(),
      }),
    );
    if (session?.assignmentId) await refreshSessionDates(session.assignmentId);
  });
}

/**
 * Records a report's workflow status in its index row (and for later, if the row does not exist yet), so
 * the home page can list rejected reports with the reviewer's reason and count submitted reports as done.
 * Call it whenever the report's `<id>/status` document changes, with `readStatus(statusDoc)`.
 */
export async function indexReportStatus(reportId: string, view: StatusView): Promise<void> {
  const status = view.status;
  const rejectionReason = view.rejection?.reason;
  await db.transaction('rw', db.reports, db.knownStatuses, async () => {
    await db.knownStatuses.put(withoutUndefined({ id: reportId, status, rejectionReason }));
    await db.reports.update(reportId, { status, rejectionReason });
  });
}

/** An assignment first seen through one of its reports (a shared report on another device) is added to the index. */
async function rememberAssignment(summary: AssignmentSummary, learners: Learner[], now: Date): Promise<void> {
  if (await db.assignments.get(summary.id)) return;
  await db.assignments.add({
    ...summary,
    learners,
    learnerIds: learners.map((learner) => learner.id),
    brief: '',
    createdAt: now.toISOString(),
  });
}

/** The plan is due by an assignment's second session, and progress reports count from the first. */
export async function refreshSessionDates(assignmentId: string): Promise<void> {
  const [first, second] = await db.sessions
    .where('[assignmentId+date]')
    .between([assignmentId, ''], [assignmentId, '\uffff'])
    .limit(2)
    .toArray();
  await db.assignments.update(assignmentId, { firstSessionDate: first?.date, secondSessionDate: second?.date });
}

function withoutUndefined<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as T;
}
