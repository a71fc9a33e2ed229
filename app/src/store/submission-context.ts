// What the submission checks need beyond the report itself, from this device's index: the assignment's
// dates, and for a progress report the learner's latest plan, score and target before it.
import type * as Y from 'yjs';
import { readMeta } from '../../../shared/doc/index.ts';
import { readProgressReport, reportDefinitionOf } from '../../../shared/reports/index.ts';
import type { SubmissionContext } from '../../../shared/workflow/submission.ts';
import { db } from './db.ts';
import { previousProgress } from './new-report.ts';

export async function submissionContext(doc: Y.Doc): Promise<SubmissionContext> {
  const meta = readMeta(doc);
  if (!meta.assignment) return {};
  const assignment = (await db.assignments.get(meta.assignment.id)) ?? meta.assignment;
  const context: SubmissionContext = { assignment: { startDate: assignment.startDate, endDate: assignment.endDate } };
  if (reportDefinitionOf(doc)?.checksPreviousProgress) {
    const learner = readProgressReport(doc).learner;
    const previous = learner && (await previousProgress(meta.assignment.id, learner.id, meta.createdAt));
    if (previous) context.previous = previous;
  }
  return context;
}
