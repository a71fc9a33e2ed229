// A progress report's (or the final one's) values besides its free text, for History, with its form's labels: the
// date, whether the previous target was met, the updated score and, but for the final report, the next target.
import type * as Y from 'yjs';
import type { ReportFact } from '../definition.ts';
import { factOf } from '../report-facts.ts';
import { type ProgressReportDraft, readProgressReport } from './doc.ts';
import { progressReportFieldLabel } from './form.ts';

export function progressReportFacts(doc: Y.Doc): ReportFact[] {
  const report = readProgressReport(doc);
  const keys: (keyof ProgressReportDraft)[] = [
    'date',
    'targetMet',
    'updatedScore',
    ...(report.final ? [] : ['newTarget' as const]),
  ];
  return keys.map((key) => factOf(key, progressReportFieldLabel(key, report.final) ?? key, report[key]));
}
