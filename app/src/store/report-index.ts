// Keeps the Dexie index rows (learners, assignment, session, report) in step with a report's Y.Doc, so
// lists work without opening every document. A report opened from a share link indexes itself here.
// Content and status are indexed separately: the status comes from the report's `<id>/status` document.
import type * as Y from 'yjs';
import { readMeta } from '../../../shared/doc/index.ts';
import type { StatusView } from '../../../shared/doc/status-doc.ts';
import type { AssignmentSummary } from '../../../shared/forms/assignment.ts';
import type { Learner } from '../../../shared/forms/fields.ts';
import { reportDefinitionOf, reportTitle, type ReportKind } from '../../../shared/reports/registry.ts';
import type { ReportKindDefinition } from '../../../shared/reports/definition.ts';
import { db, subjectKey, type ReportRow, type SessionRow } from './db.ts';

type ContentRow = Omit<ReportRow, 'status' | 'rejectionReason' | 'unreadComments' | 'createdAt' | 'updatedAt'>;

interface Indexed {
  row: ContentRow;
  learners: Learner[];
  session?: SessionRow;
}

function describe(reportId: string, doc: Y.Doc, definition: ReportKindDefinition<ReportKind>): Indexed {
  const entry = definition.index(doc);
  const people = entry.people ?? {
    ids: entry.learners.map((learner) => learner.id),
    names: entry.learners.map((learner) => learner.name),
  };
  const row: ContentRow = {
    id: reportId,
    type: definition.kind,
    title: `${reportTitle(doc)}${entry.titleSuffix ?? ''}`,
    learnerIds: people.ids,
    learnerNames: people.names,
    sessionDate: entry.date,
    assignmentId: entry.assignmentId,
    score: entry.score,
    target: entry.target,
    plan: entry.plan,
    reviewType: entry.reviewType,
  };
  const session = entry.session && {
    id: reportId,
    reportId,
    ...entry.session,
    subjectKey: subjectKey(entry.session.subject),
  };
  return { row, learners: entry.learners, session };
}

/** Indexes any Margin report; a document that is not (yet) one is left alone. */
export async function indexReport(reportId: string, doc: Y.Doc, now = new Date()): Promise<void> {
  const definition = reportDefinitionOf(doc);
  if (!definition) return;
  const { row, learners, session } = describe(reportId, doc, definition);
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
