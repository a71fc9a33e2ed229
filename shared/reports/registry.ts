// The registry of Margin's report kinds: one line per kind, each a folder beside this file. A document is a
// Margin report when its meta "format" is one of theirs; an empty doc, or one still syncing, has none.
import type * as Y from 'yjs';
import { meta } from '../doc/layout.ts';
import type { DueRule } from '../workflow/due-dates.ts';
import type { SubmissionCheck, SubmissionContext, SubmissionProblem } from '../workflow/submission.ts';
import { coachingCycle } from './coaching-cycle/index.ts';
import { coachingRecord } from './coaching-record/index.ts';
import { type ReportKindDefinition, roleWord } from './definition.ts';

export { roleWord };
import { finalReport } from './final-report/index.ts';
import { ilp } from './ilp/index.ts';
import { progressReport } from './progress-report/index.ts';
import { progressReview } from './progress-review/index.ts';
import { qaObservation } from './qa-observation/index.ts';
import { sessionReport } from './session-report/index.ts';
import { termlyReview } from './termly-review/index.ts';

const definitions = [
  sessionReport,
  ilp,
  progressReport,
  finalReport,
  progressReview,
  coachingRecord,
  coachingCycle,
  qaObservation,
  termlyReview,
] as const;

export type ReportKind = (typeof definitions)[number]['kind'];

export const reportKinds: readonly ReportKind[] = definitions.map((definition) => definition.kind);

export const isReportKind = (kind: string): kind is ReportKind => (reportKinds as readonly string[]).includes(kind);

/** Every kind's definition, by its name. */
export const reportKindDefinitions = Object.fromEntries(
  definitions.map((definition) => [definition.kind, definition]),
) as { readonly [Kind in ReportKind]: ReportKindDefinition<Kind> };

/** Each format's kind, by the document's meta "format". */
export const reportFormats: Readonly<Record<string, ReportKind>> = Object.fromEntries(
  definitions.map((definition) => [definition.format, definition.kind]),
);

export const reportKindLabels = Object.fromEntries(
  definitions.map((definition) => [definition.kind, definition.label]),
) as Readonly<Record<ReportKind, string>>;

export function reportKindOf(doc: Y.Doc): ReportKind | undefined {
  const format = meta(doc).get('format');
  return typeof format === 'string' && Object.hasOwn(reportFormats, format) ? reportFormats[format] : undefined;
}

/** The definition of the kind of report `doc` holds, or undefined when it holds none (yet). */
export function reportDefinitionOf(doc: Y.Doc): ReportKindDefinition<ReportKind> | undefined {
  const kind = reportKindOf(doc);
  return kind ? reportKindDefinitions[kind] : undefined;
}

export const isMarginReportDoc = (doc: Y.Doc): boolean => reportKindOf(doc) !== undefined;

/** The free-text fields of every kind that people without `seesInternal` never receive. */
export const internalFieldKeys: readonly string[] = [
  ...new Set(definitions.flatMap((definition) => definition.textFields.filter((f) => f.internal).map((f) => f.key))),
];

/** Every part a report's comments document may hold: its threads, and what each kind writes there besides. */
export const commentsRoomParts: Readonly<Record<string, 'map' | 'text'>> = Object.assign(
  { threads: 'map' as const, suggestions: 'map' as const },
  ...definitions.map((definition) => definition.commentsParts ?? {}),
);

/** The kinds whose reports a later progress report is written against (plans and progress reports). */
export const progressKinds: readonly ReportKind[] = definitions
  .filter((definition) => 'progress' in definition && definition.progress)
  .map((definition) => definition.kind);

/** The kinds each learner of an assignment needs, in the order lists show them, with when each is due. */
export const dueRules: readonly DueRule[] = definitions.flatMap((definition) => {
  const assignment: ReportKindDefinition['assignment'] = definition.assignment;
  return assignment
    ? [
        {
          kind: definition.kind,
          label: definition.label,
          schedule: assignment.schedule,
          writeStep: assignment.writeStep,
        },
      ]
    : [];
});

/** Who and what the report is about, e.g. "Ada Lovelace: Maths". */
export const reportSubjectLine = (doc: Y.Doc): string => reportDefinitionOf(doc)?.subjectLine(doc) ?? '';

/** The report's heading: its kind, then who and what it is about ("Session report: Ada Lovelace: Maths"). */
export function reportTitle(doc: Y.Doc): string {
  const definition = reportDefinitionOf(doc);
  return definition ? `${definition.label}: ${definition.subjectLine(doc)}` : 'Report';
}

/** Every reason the report in `doc` may not be submitted yet; empty when it may. */
export function submissionProblems(doc: Y.Doc, context: SubmissionContext = {}): SubmissionProblem[] {
  const definition = reportDefinitionOf(doc);
  if (!definition) {
    return [{ fieldId: 'main', message: 'This document is not a Margin report, so it cannot be submitted.' }];
  }
  return definition.submissionProblems(doc, context);
}

/** Every reason the report may not be submitted yet, and the rules a choice still open would bring once made. */
export function submissionCheck(doc: Y.Doc, context: SubmissionContext = {}): SubmissionCheck {
  const definition = reportDefinitionOf(doc);
  return definition?.submissionCheck?.(doc, context) ?? { now: submissionProblems(doc, context), onceChosen: [] };
}
