// The six-weekly progress report, measured against the learner's plan or previous progress report.
import { defineReportKind } from '../definition.ts';
import { progressReportFormat } from './doc.ts';
import { progressReportTextFields } from './form.ts';
import { progressReportParts } from './parts.ts';

export const progressReport = defineReportKind({
  kind: 'progress-report',
  format: progressReportFormat,
  label: 'Progress report',
  textFields: progressReportTextFields(false),
  ...progressReportParts,
});
