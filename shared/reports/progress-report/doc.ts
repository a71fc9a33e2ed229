// How a progress report, or the final progress report, is laid out inside a Y.Doc (documented in
// docs/doc-format.md). Both share one layout; the format says which it is.
import type * as Y from 'yjs';
import type { AssignmentSummary } from '../../forms/assignment.ts';
import type { Learner } from '../../forms/fields.ts';
import { type DraftOf, schemaInput } from '../draft.ts';
import {
  progressReportTextFields,
  type PreviousProgress,
  type ProgressReport,
  type ProgressReportTextKey,
} from './form.ts';
import { fields, meta, num, readLearner, readMeta, readTexts, str, writeMeta } from '../../doc/layout.ts';

export const progressReportFormat = 'margin.progress-report';
export const finalProgressReportFormat = 'margin.final-progress-report';

export interface ProgressReportStart {
  learner: Learner;
  subject: string;
  final: boolean;
  previous: PreviousProgress;
  assignment?: AssignmentSummary;
  date?: string;
}

/** The report as its document holds it while it is written (see DraftOf), with what it is measured against. */
export type ProgressReportDraft = DraftOf<typeof ProgressReport, ProgressReportTextKey> & {
  final: boolean;
  subject: string;
  previous: PreviousProgress;
};

export const isProgressReportDoc = (doc: Y.Doc) => {
  const format = meta(doc).get('format');
  return format === progressReportFormat || format === finalProgressReportFormat;
};

export function createProgressReportDoc(
  doc: Y.Doc,
  start: ProgressReportStart,
  createdBy: string,
  now = new Date(),
): void {
  doc.transact(() => {
    writeMeta(doc, start.final ? finalProgressReportFormat : progressReportFormat, createdBy, now, start.assignment);
    const f = fields(doc);
    f.set('learner', { ...start.learner });
    f.set('subject', start.subject);
    writePrevious(doc, start.previous);
    if (start.date) f.set('date', start.date);
  });
}

/** The previous plan, score and target, copied in so the report shows them on any device. */
export function writePrevious(doc: Y.Doc, previous: PreviousProgress): void {
  fields(doc).set('previous', Object.fromEntries(Object.entries(previous).filter(([, value]) => value !== undefined)));
}

export function readPrevious(value: unknown): PreviousProgress {
  const raw = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return { reportId: str(raw.reportId), plan: str(raw.plan), score: num(raw.score), target: num(raw.target) };
}

export function readProgressReport(doc: Y.Doc): ProgressReportDraft {
  const f = fields(doc);
  const base = readMeta(doc);
  const final = base.format === finalProgressReportFormat;
  return {
    ...base,
    final,
    learner: readLearner(f.get('learner')),
    subject: str(f.get('subject')) ?? '',
    previous: readPrevious(f.get('previous')),
    date: str(f.get('date')),
    targetMet: str(f.get('targetMet')),
    updatedScore: num(f.get('updatedScore')),
    newTarget: final ? undefined : num(f.get('newTarget')),
    text: readTexts(
      doc,
      progressReportTextFields(final).map((field) => field.key),
    ),
  };
}

/** The draft in the shape the ProgressReport schema checks (what it is measured against is not checked there). */
export function toProgressReportInput(draft: ProgressReportDraft): Record<string, unknown> {
  const { previous: _previous, ...checked } = draft;
  return schemaInput(checked, progressReportTextFields(draft.final));
}
