// The six-weekly progress report, measured against the learner's plan or previous progress report.
import { defineReportKind } from '../definition.ts';
import { progressReportFormat } from './doc.ts';
import { progressReportTextFields } from './form.ts';
import { progressReportParts, startProgressReport } from './parts.ts';

export const progressReport = defineReportKind({
  kind: 'progress-report',
  format: progressReportFormat,
  label: 'Progress report',
  textFields: progressReportTextFields(false),
  ...progressReportParts,
  assignment: {
    schedule: 'every-six-weeks',
    writeStep: (number) => (number === undefined ? 'Write the progress report' : `Write progress report ${number}`),
    writtenAgainstPrevious: true,
    start: startProgressReport(false),
  },
});
