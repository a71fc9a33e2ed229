// The registry of Margin's report formats: which form a document holds, by its meta "format" key. A
// document with none of these formats is not (yet) a Margin report: an empty doc, or one still syncing.
import type * as Y from 'yjs';
import { readIlp, ilpFormat } from './ilp/doc.ts';
import { meta } from '../doc/layout.ts';
import { formatDate } from '../workflow/calendar.ts';
import { finalProgressReportFormat, progressReportFormat, readProgressReport } from './progress-report/doc.ts';
import { progressReviewFormat, readProgressReview } from './progress-review/doc.ts';
import { readSessionReport, sessionReportFormat } from './session-report/doc.ts';
import { coachingCycleFormat, readCycle } from './coaching-cycle/doc.ts';
import { coachingRecordFormat, readRecord } from './coaching-record/doc.ts';
import { qaObservationFormat, readObservation } from './qa-observation/doc.ts';
import { readTermlyReview, termlyReviewFormat, termlyReviewSubject } from './termly-review/doc.ts';

export const reportKinds = [
  'session-report',
  'ilp',
  'progress-report',
  'final-report',
  'progress-review',
  'coaching-record',
  'coaching-cycle',
  'qa-observation',
  'termly-review',
] as const;
export type ReportKind = (typeof reportKinds)[number];

export const reportFormats: Readonly<Record<string, ReportKind>> = {
  [sessionReportFormat]: 'session-report',
  [ilpFormat]: 'ilp',
  [progressReportFormat]: 'progress-report',
  [finalProgressReportFormat]: 'final-report',
  [progressReviewFormat]: 'progress-review',
  [coachingRecordFormat]: 'coaching-record',
  [coachingCycleFormat]: 'coaching-cycle',
  [qaObservationFormat]: 'qa-observation',
  [termlyReviewFormat]: 'termly-review',
};

export const reportKindLabels: Readonly<Record<ReportKind, string>> = {
  'session-report': 'Session report',
  ilp: 'Individual Learning Plan',
  'progress-report': 'Progress report',
  'final-report': 'Final progress report',
  'progress-review': 'Progress-review checklist',
  'coaching-record': 'Coaching record',
  'coaching-cycle': 'Coaching cycle',
  'qa-observation': 'Quality observation',
  'termly-review': 'Termly progress review',
};

export function reportKindOf(doc: Y.Doc): ReportKind | undefined {
  const format = meta(doc).get('format');
  return typeof format === 'string' && Object.hasOwn(reportFormats, format) ? reportFormats[format] : undefined;
}

export const isMarginReportDoc = (doc: Y.Doc): boolean => reportKindOf(doc) !== undefined;

/** Who and what the report is about, e.g. "Ada Lovelace: Maths". */
export function reportSubjectLine(doc: Y.Doc): string {
  switch (reportKindOf(doc)) {
    case 'session-report': {
      const report = readSessionReport(doc);
      return `${report.learners.map((learner) => learner.name).join(', ')}: ${report.subject}`;
    }
    case 'ilp': {
      const plan = readIlp(doc);
      return `${plan.learner?.name ?? 'Unknown learner'}: ${plan.subject}`;
    }
    case 'progress-report':
    case 'final-report': {
      const report = readProgressReport(doc);
      return `${report.learner?.name ?? 'Unknown learner'}: ${report.subject}`;
    }
    case 'progress-review':
      return readProgressReview(doc).title;
    case 'coaching-record':
      return readRecord(doc).teacher?.name ?? 'Unknown teacher';
    case 'coaching-cycle': {
      const cycle = readCycle(doc);
      return `${cycle.teacher?.name ?? 'Unknown teacher'}, week of ${formatDate(cycle.week)}`;
    }
    case 'qa-observation': {
      const observation = readObservation(doc);
      return `${observation.tutorName || 'Unknown tutor'}, observation ${observation.number}`;
    }
    case 'termly-review':
      return termlyReviewSubject(readTermlyReview(doc));
    case undefined:
      return '';
  }
}

/** The report's heading: its kind, then who and what it is about ("Session report: Ada Lovelace: Maths"). */
export function reportTitle(doc: Y.Doc): string {
  const kind = reportKindOf(doc);
  return kind ? `${reportKindLabels[kind]}: ${reportSubjectLine(doc)}` : 'Report';
}
