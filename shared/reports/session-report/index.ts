// The session report: a tutor's record of one session, individual or group (1:2, 1:3).
import { formatDate } from '../../workflow/calendar.ts';
import { defineReportKind } from '../definition.ts';
import { readSessionReport, sessionReportFormat } from './doc.ts';
import { sessionReportFacts } from './facts.ts';
import { sessionReportTextFields, sessionTookPlace } from './form.ts';
import { sessionReportCheck, sessionReportProblems } from './rules.ts';

export const sessionReport = defineReportKind({
  kind: 'session-report',
  format: sessionReportFormat,
  label: 'Session report',
  textFields: sessionReportTextFields,
  subjectLine(doc) {
    const report = readSessionReport(doc);
    return `${report.learners.map((learner) => learner.name).join(', ')}: ${report.subject}`;
  },
  facts: sessionReportFacts,
  submissionProblems: (doc, context) => sessionReportProblems(readSessionReport(doc), context),
  submissionCheck: (doc, context) => sessionReportCheck(readSessionReport(doc), context),
  index(doc) {
    const report = readSessionReport(doc);
    return {
      learners: report.learners,
      date: report.date,
      assignmentId: report.assignment?.id,
      titleSuffix: `, ${formatDate(report.date)}`,
      delivered: sessionTookPlace(report.attendance),
      session: {
        learnerIds: report.learners.map((learner) => learner.id),
        date: report.date,
        start: report.start,
        finish: report.finish,
        subject: report.subject,
        ...(report.assignment ? { assignmentId: report.assignment.id } : {}),
      },
      attendance: Object.fromEntries(
        Object.entries(report.attendance).flatMap(([learnerId, each]) =>
          typeof each?.code === 'string' ? [[learnerId, each.code]] : [],
        ),
      ),
    };
  },
  workflow: { drawnBy: 'report-page', showsStatus: true },
});
