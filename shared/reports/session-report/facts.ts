// A session report's values besides its free text, for History, with the labels its form gives them: the session's
// details, each learner's attendance, the objectives' attainment and the two engagement levels.
import type * as Y from 'yjs';
import type { ReportFact } from '../definition.ts';
import { valueInWords } from '../report-facts.ts';
import { readSessionReport } from './doc.ts';
import { sessionReportFieldLabel } from './form.ts';

export function sessionReportFacts(doc: Y.Doc): ReportFact[] {
  const report = readSessionReport(doc);
  const fact = (key: string, value: unknown, label = sessionReportFieldLabel(key, report.learners) ?? key) => ({
    key,
    label,
    value: valueInWords(value),
  });
  const facts: ReportFact[] = [
    fact('date', report.date),
    fact('start', report.start),
    fact('finish', report.finish),
    fact('sessionType', report.sessionType),
    fact('delivery', report.delivery),
    fact('subject', report.subject),
    fact('learners', report.learners, 'Learners'),
  ];
  if (report.learners.length > 1) facts.push(fact('groupAttendance', report.groupAttendance));
  for (const learner of report.learners) {
    const attended = report.attendance[learner.id] ?? {};
    facts.push(fact(`attendance-${learner.id}`, attended.code));
    if (attended.absenceReason) facts.push(fact(`absenceReason-${learner.id}`, attended.absenceReason));
    if (attended.absenceNote)
      facts.push(fact(`absenceNote-${learner.id}`, attended.absenceNote, `Absence note: ${learner.name}`));
  }
  report.attainments
    .slice(0, report.objectiveCount)
    .forEach((attainment, i) => facts.push(fact(`attainment${i + 1}`, attainment)));
  facts.push(fact('engagementWithObjectives', report.engagementWithObjectives));
  facts.push(fact('attitudeToSession', report.attitudeToSession));
  return facts;
}
