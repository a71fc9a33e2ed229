// What decides whether a report may be submitted: every rule that gets a report rejected today, checked
// before it goes. Each problem names the form element it is about (`fieldId`, the element's id in the
// app's form) so the list can take the user there. The transition itself is status.ts's and the relay's.
import type * as Y from 'yjs';
import type { z } from 'zod';
import { Ilp, ilpFieldLabels } from '../reports/ilp/form.ts';
import { ProgressReport, progressReportFieldLabel, type PreviousProgress } from '../reports/progress-report/form.ts';
import {
  ProgressReviewChecklist,
  progressReviewFieldId,
  progressReviewFieldLabel,
} from '../reports/progress-review/form.ts';
import { termlyReviewProblems } from '../reports/termly-review/form.ts';
import { readTermlyReview } from '../reports/termly-review/doc.ts';
import {
  SessionReport,
  sessionReportFieldId,
  sessionReportFieldLabel,
  sessionTookPlace,
} from '../reports/session-report/form.ts';
import { reportKindOf } from '../reports/registry.ts';
import { readIlp, toIlpInput, type IlpDraft } from '../reports/ilp/doc.ts';
import { readProgressReport, toProgressReportInput, type ProgressReportDraft } from '../reports/progress-report/doc.ts';
import { readProgressReview, toProgressReviewInput, type ProgressReviewDraft } from '../reports/progress-review/doc.ts';
import { readSessionReport, toSessionReportInput, type SessionReportDraft } from '../reports/session-report/doc.ts';
import { daysBetween, formatDate, isIsoDate } from './calendar.ts';
import { coachingAndQualityProblems } from '../quality/submission-rules.ts';

export interface SubmissionProblem {
  /** The id of the form element to take the user to. */
  fieldId: string;
  /** That element's label, when it has one, so the list reads "Target %: ...". */
  label?: string;
  message: string;
}

/** What the device knows beyond the report itself. */
export interface SubmissionContext {
  /** The report's assignment, for its dates. */
  assignment?: { startDate: string; endDate: string };
  /** For a progress report: the latest plan, score and target before it (from the plan or the last progress report). */
  previous?: PreviousProgress;
}

/** How many days either side of the assignment's start the plan's date may be. */
export const planDateWindowDays = 14;

type Labeller = (fieldId: string) => string | undefined;

function problemsFrom(
  result: z.ZodSafeParseResult<unknown>,
  fieldId: (path: PropertyKey[]) => string,
  label: Labeller,
): SubmissionProblem[] {
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const id = fieldId(issue.path);
    return { fieldId: id, label: label(id), message: issue.message };
  });
}

function withRules(
  found: SubmissionProblem[],
  rules: (SubmissionProblem | undefined)[],
  label: Labeller,
): SubmissionProblem[] {
  const all = [
    ...found,
    ...rules
      .filter((rule): rule is SubmissionProblem => !!rule)
      .map((rule) => ({ ...rule, label: label(rule.fieldId) })),
  ];
  const seen = new Set<string>();
  return all.filter((problem) => {
    const key = `${problem.fieldId}\n${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const span = (assignment: { startDate: string; endDate: string }) =>
  `${formatDate(assignment.startDate)} to ${formatDate(assignment.endDate)}`;

export function sessionReportProblems(draft: SessionReportDraft, context: SubmissionContext = {}): SubmissionProblem[] {
  const label: Labeller = (id) => sessionReportFieldLabel(id, draft.learners);
  const found = problemsFrom(
    SessionReport.safeParse(toSessionReportInput(draft, sessionTookPlace(draft.attendance))),
    sessionReportFieldId,
    label,
  );
  const assignment = context.assignment;
  const outside =
    assignment && isIsoDate(draft.date) && (draft.date < assignment.startDate || draft.date > assignment.endDate);
  return withRules(
    found,
    [
      outside
        ? { fieldId: 'date', message: `The session date must fall within the assignment, ${span(assignment)}.` }
        : undefined,
    ],
    label,
  );
}

export function ilpProblems(draft: IlpDraft, context: SubmissionContext = {}): SubmissionProblem[] {
  const label: Labeller = (id) => ilpFieldLabels[id];
  const found = problemsFrom(Ilp.safeParse(toIlpInput(draft)), (path) => String(path[0] ?? 'date'), label);
  const start = context.assignment?.startDate;
  const tooFar = start && isIsoDate(draft.date) && Math.abs(daysBetween(start, draft.date)) > planDateWindowDays;
  return withRules(
    found,
    [
      tooFar
        ? {
            fieldId: 'date',
            message: `The plan's date must be within two weeks of the assignment's start on ${formatDate(start)}.`,
          }
        : undefined,
    ],
    label,
  );
}

/** The rules a progress report is held to against the previous report: the score is never revised downwards. */
export function previousScoreProblems(
  draft: Pick<ProgressReportDraft, 'targetMet' | 'updatedScore'>,
  previous: PreviousProgress,
): (SubmissionProblem | undefined)[] {
  if (previous.score === undefined) {
    return [
      {
        fieldId: 'updatedScore',
        message:
          'There is no previous assessment score to compare with: the learning plan, or the previous progress report, needs its score first.',
      },
    ];
  }
  const score = draft.updatedScore;
  if (score === undefined) return [];
  const target = previous.target;
  return [
    score < previous.score
      ? {
          fieldId: 'updatedScore',
          message: `The updated score cannot be lower than the previous score of ${previous.score}%: a score is never revised downwards.`,
        }
      : undefined,
    target !== undefined && draft.targetMet === 'Yes' && score < target
      ? {
          fieldId: 'targetMet',
          message: `The target was ${target}%, but the updated score is ${score}%: the target was not met.`,
        }
      : undefined,
    target !== undefined && draft.targetMet === 'No' && score >= target
      ? {
          fieldId: 'targetMet',
          message: `The updated score of ${score}% reaches the target of ${target}%: the target was met.`,
        }
      : undefined,
  ];
}

export function progressReportProblems(
  draft: ProgressReportDraft,
  context: SubmissionContext = {},
): SubmissionProblem[] {
  const label: Labeller = (id) => progressReportFieldLabel(id, draft.final);
  const found = problemsFrom(
    ProgressReport.safeParse(toProgressReportInput(draft)),
    (path) => String(path[0] ?? 'date'),
    label,
  );
  return withRules(found, previousScoreProblems(draft, context.previous ?? draft.previous), label);
}

export function progressReviewProblems(draft: ProgressReviewDraft): SubmissionProblem[] {
  const statements = Object.fromEntries(draft.customPoints.map((point) => [point.id, point.statement]));
  return problemsFrom(ProgressReviewChecklist.safeParse(toProgressReviewInput(draft)), progressReviewFieldId, (id) =>
    progressReviewFieldLabel(id, statements),
  );
}

/** Every reason the report in `doc` may not be submitted yet; empty when it may. */
export function submissionProblems(doc: Y.Doc, context: SubmissionContext = {}): SubmissionProblem[] {
  switch (reportKindOf(doc)) {
    case 'session-report':
      return sessionReportProblems(readSessionReport(doc), context);
    case 'ilp':
      return ilpProblems(readIlp(doc), context);
    case 'progress-report':
    case 'final-report':
      return progressReportProblems(readProgressReport(doc), context);
    case 'progress-review':
      return progressReviewProblems(readProgressReview(doc));
    case 'coaching-record':
    case 'coaching-cycle':
    case 'qa-observation':
      return coachingAndQualityProblems(doc);
    case 'termly-review':
      return termlyReviewProblems(readTermlyReview(doc));
    case undefined:
      return [{ fieldId: 'main', message: 'This document is not a Margin report, so it cannot be submitted.' }];
  }
}
