// The final progress report, at the assignment's end: the progress report's layout under its own format.
import { defineReportKind } from '../definition.ts';
import { finalProgressReportFormat } from '../progress-report/doc.ts';
import { progressReportTextFields } from '../progress-report/form.ts';
import { progressReportParts, startProgressReport } from '../progress-report/parts.ts';

export const finalReport = defineReportKind({
  kind: 'final-report',
  format: finalProgressReportFormat,
  label: 'Final progress report',
  textFields: progressReportTextFields(true),
  ...progressReportParts,
  // The final report ends the programme: no later report is written against it.
  progress: undefined,
  assignment: {
    schedule: 'at-end-date',
    writeStep: () => 'Write the final report',
    writtenAgainstPrevious: true,
    start: startProgressReport(true),
  },
});
