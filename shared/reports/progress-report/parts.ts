// What the progress report and the final progress report share: one layout, one set of rules.
import type { ReportKindDefinition } from '../definition.ts';
import type { AssignmentReport } from '../definition.ts';
import { createProgressReportDoc, readProgressReport } from './doc.ts';
import { progressReportFacts } from './facts.ts';
import { progressReportCheck, progressReportProblems } from './rules.ts';

export const progressReportParts = {
  subjectLine(doc) {
    const report = readProgressReport(doc);
    return `${report.learner?.name ?? 'Unknown learner'}: ${report.subject}`;
  },
  submissionProblems: (doc, context) => progressReportProblems(readProgressReport(doc), context),
  submissionCheck: (doc, context) => progressReportCheck(readProgressReport(doc), context),
  checksPreviousProgress: true,
  index(doc) {
    const report = readProgressReport(doc);
    return {
      learners: report.learner ? [report.learner] : [],
      date: report.date ?? '',
      assignmentId: report.assignment?.id,
      score: report.updatedScore,
      target: report.newTarget,
      previousTarget: report.previous.target,
      plan: report.text.plan,
    };
  },
  progress(doc) {
    const report = readProgressReport(doc);
    return { score: report.updatedScore, target: report.newTarget, plan: report.text.plan };
  },
  facts: progressReportFacts,
  workflow: { drawnBy: 'report-page', showsStatus: true },
} satisfies Omit<ReportKindDefinition, 'kind' | 'format' | 'label' | 'textFields'>;

/** How a progress report (or, with `final`, the final one) is started for a learner of an assignment. */
export const startProgressReport =
  (final: boolean): AssignmentReport['start'] =>
  (doc, { learner, subject, assignment, date, previous }, createdBy) =>
    createProgressReportDoc(doc, { learner, subject, final, previous: previous ?? {}, assignment, date }, createdBy);
