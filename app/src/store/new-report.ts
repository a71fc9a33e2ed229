// Starting a report: a new Y.Doc laid out for its form, saved on this device and indexed before the
// report page opens it. Plans and progress reports take what they need from their assignment.
import type * as Y from 'yjs';
import {
  createProgressReviewDoc,
  createTermlyReviewDoc,
  progressKinds,
  reportDefinitionOf,
  reportKindDefinitions,
  isReportKind,
  type TermlyReviewStart,
} from '../../../shared/reports/index.ts';
import type { PreviousProgress } from '../../../shared/reports/progress-report/form.ts';
import { newReportId } from '../../../shared/protocol/rooms.ts';
import { localDate } from '../../../shared/workflow/calendar.ts';
import { db, type AssignmentRow, type ReportRow } from './db.ts';
import { withReportContent } from '../report-session/report-session.ts';
import { indexReport } from './report-index.ts';

export async function createReport(layOut: (doc: Y.Doc) => void): Promise<string> {
  const reportId = newReportId();
  await withReportContent(reportId, async (local) => {
    layOut(local.doc);
    await indexReport(reportId, local.doc);
  });
  return reportId;
}

export const assignmentSummary = (assignment: AssignmentRow) => ({
  id: assignment.id,
  subject: assignment.subject,
  startDate: assignment.startDate,
  endDate: assignment.endDate,
});

async function assignmentAndLearner(assignmentId: string, learnerId: string) {
  const assignment = await db.assignments.get(assignmentId);
  const learner = assignment?.learners.find((l) => l.id === learnerId);
  if (!assignment || !learner) throw new Error('That assignment or learner is not on this device.');
  return { assignment, learner };
}

/** The learner's latest plan or progress report in the assignment written before `before` (an ISO time), from the index. */
export async function latestEarlierReport(
  assignmentId: string,
  learnerId: string,
  before?: string,
): Promise<ReportRow | undefined> {
  const reports = await db.reports.where('assignmentId').equals(assignmentId).toArray();
  return reports
    .filter((report) => progressKinds.includes(report.type) && report.learnerIds.includes(learnerId))
    .filter((report) => before === undefined || report.createdAt < before)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .at(-1);
}

/**
 * The plan, score and target a progress report is written against: the learner's latest plan or progress
 * report in the assignment before it, read from that report's document on this device (the index may lag
 * behind the last keystrokes), and its index row brought up to date on the way.
 */
export async function previousProgress(
  assignmentId: string,
  learnerId: string,
  before?: string,
): Promise<PreviousProgress | undefined> {
  const row = await latestEarlierReport(assignmentId, learnerId, before);
  if (!row) return undefined;
  return withReportContent(row.id, async (local): Promise<PreviousProgress> => {
    const found = reportDefinitionOf(local.doc)?.progress?.(local.doc);
    if (!found) return { reportId: row.id, plan: row.plan, score: row.score, target: row.target };
    await indexReport(row.id, local.doc);
    return { reportId: row.id, ...found };
  });
}

/** Starts the report of kind `kind` (one an assignment needs, see dueRules) for one of the assignment's learners. */
export async function startAssignmentReport(
  kind: string,
  assignmentId: string,
  learnerId: string,
  createdBy: string,
): Promise<string> {
  const rule = isReportKind(kind) ? reportKindDefinitions[kind].assignment : undefined;
  if (!rule) throw new Error(`Margin has no report of kind "${kind}" to write for an assignment.`);
  const { assignment, learner } = await assignmentAndLearner(assignmentId, learnerId);
  const previous = rule.writtenAgainstPrevious ? ((await previousProgress(assignmentId, learnerId)) ?? {}) : undefined;
  return createReport((doc) =>
    rule.start(
      doc,
      {
        learner,
        subject: assignment.subject,
        assignmentBrief: assignment.brief,
        assignment: assignmentSummary(assignment),
        date: localDate(new Date()),
        ...(previous ? { previous } : {}),
      },
      createdBy,
    ),
  );
}

export function startProgressReview(title: string, date: string, createdBy: string): Promise<string> {
  return createReport((doc) => createProgressReviewDoc(doc, { title, date }, createdBy));
}

export function startTermlyReview(start: TermlyReviewStart, createdBy: string): Promise<string> {
  return createReport((doc) => createTermlyReviewDoc(doc, start, createdBy));
}
