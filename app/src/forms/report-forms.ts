// The app's form for each report kind: what shared/reports/registry.ts cannot hold, as a form is a component.
// A kind with no form here (the coaching record, drawn by the coach page) is not drawn as a report.
import type { Component } from 'solid-js';
import type * as Y from 'yjs';
import type { ReportKind } from '../../../shared/reports/registry.ts';
import { CycleForm } from '../coaching/CycleForm.tsx';
import { ObservationForm } from '../quality/ObservationForm.tsx';
import { TermlyReview } from '../termly-review/TermlyReview.tsx';
import { IlpForm } from './IlpForm.tsx';
import { ProgressReportForm } from './ProgressReportForm.tsx';
import { ProgressReviewForm } from './ProgressReviewForm.tsx';
import { SessionReportForm } from './SessionReportForm.tsx';

export type ReportFormComponent = Component<{ doc: Y.Doc; readOnly: boolean }>;

export const reportForms: Partial<Record<ReportKind, ReportFormComponent>> = {
  'session-report': SessionReportForm,
  ilp: IlpForm,
  'progress-report': ProgressReportForm,
  'final-report': ProgressReportForm,
  'progress-review': ProgressReviewForm,
  'coaching-cycle': CycleForm,
  'qa-observation': ObservationForm,
  'termly-review': TermlyReview,
};
