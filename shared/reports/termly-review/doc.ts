// How a termly progress review is laid out (documented in docs/doc-format.md). The induction tutor's form is the
// report's content document: single values in "fields", the ticked standards of concern in "standardsOfConcern"
// (standard id -> true), the support plan in "attachments" (attachments.ts), and three free-text fragments. The
// teacher's part lives in the report's comments document (`<id>/comments`), which teachers may write: their
// comments in the "teacherComments" fragment and their confirmation of the facts in the "teacher" map.
import type * as Y from 'yjs';
import type { TermlyReviewValues } from './form.ts';
import {
  academicYearLabel,
  isInterim,
  isNotOnTrack,
  ReviewTerm,
  reviewTypeLabel,
  termLabels,
  TermlyReviewFields,
  termlyReviewProblems,
  termlyReviewTextKeys,
} from './form.ts';
import { attachmentSummary, readAttachment } from './attachments.ts';
import {
  fields,
  meta,
  readFieldValues,
  readMeta,
  readTexts,
  str,
  writeMeta,
  type ReportMeta,
} from '../../doc/layout.ts';
import type { Decision } from '../../doc/status-doc.ts';
import { fragmentText } from '../../doc/text-fragment.ts';
import { reviewDueDate } from './due.ts';
import type { TermlyReviewReadiness } from './workflow.ts';

export const termlyReviewFormat = 'margin.termly-review';
export const supportPlanSlot = 'supportPlan';

export const standardsOfConcern = (doc: Y.Doc) => doc.getMap<boolean>('standardsOfConcern');

/** The teacher's part, in the comments document. */
export const teacherCommentsKey = 'teacherComments';
export const teacherPartKey = 'teacher';
export const teacherPart = (comments: Y.Doc) => comments.getMap<unknown>(teacherPartKey);
export const teacherComments = (comments: Y.Doc) => comments.getXmlFragment(teacherCommentsKey);

export interface TermlyReviewDraft extends ReportMeta, TermlyReviewValues {
  dueDate?: string;
  typeLabel: string;
}

export interface TeacherPart {
  comments: string;
  factsConfirmedBy?: string;
  factsConfirmedAt?: string;
  /** The time of the "finish" decision whose facts were confirmed: a review amended and finished again is confirmed again. */
  factsConfirmedFor?: string;
}

export const isTermlyReviewDoc = (doc: Y.Doc) => meta(doc).get('format') === termlyReviewFormat;

export interface TermlyReviewStart {
  teacherName: string;
  term: ReviewTerm;
  academicYear: number;
}

export function createTermlyReviewDoc(doc: Y.Doc, start: TermlyReviewStart, createdBy: string, now = new Date()): void {
  doc.transact(() => {
    writeMeta(doc, termlyReviewFormat, createdBy, now);
    const f = fields(doc);
    f.set('teacherName', start.teacherName.trim());
    f.set('term', start.term);
    f.set('academicYear', start.academicYear);
  });
}

export function readTermlyReview(doc: Y.Doc): TermlyReviewDraft {
  const f = fields(doc);
  const text = readTexts(doc, termlyReviewTextKeys);
  const values: TermlyReviewValues = {
    ...readFieldValues(f, TermlyReviewFields),
    teacherName: str(f.get('teacherName')) ?? '',
    supportReasons: text.supportReasons,
    recommendationReasons: text.recommendationReasons,
    forwardingContact: text.forwardingContact,
    standardsOfConcern: [...standardsOfConcern(doc).entries()]
      .filter(([, ticked]) => ticked === true)
      .map(([id]) => id)
      .sort(),
    supportPlan: attachmentSummary(readAttachment(doc, supportPlanSlot)),
  };
  const interim = isInterim(values);
  return {
    ...readMeta(doc),
    ...values,
    typeLabel: reviewTypeLabel(values),
    dueDate: reviewDueDate({
      interim,
      term: ReviewTerm.safeParse(values.term).data,
      academicYear: values.academicYear,
      leavingDate: values.leavingDate,
    }),
  };
}

export function readTeacherPart(comments: Y.Doc): TeacherPart {
  const part = teacherPart(comments);
  return {
    comments: fragmentText(teacherComments(comments)),
    factsConfirmedBy: str(part.get('factsConfirmedBy')),
    factsConfirmedAt: str(part.get('factsConfirmedAt')),
    factsConfirmedFor: str(part.get('factsConfirmedFor')),
  };
}

/** The teacher confirms the facts the tutor gave (recommendation, dates, days served and absent) as finished at `finishedAt`. */
export function confirmFacts(comments: Y.Doc, name: string, finishedAt: string, now = new Date()): void {
  comments.transact(() => {
    teacherPart(comments).set('factsConfirmedBy', name);
    teacherPart(comments).set('factsConfirmedAt', now.toISOString());
    teacherPart(comments).set('factsConfirmedFor', finishedAt);
  });
}

/** When the review was last finished (the time of its latest "finish" decision), from its status history. */
export function lastFinishedAt(history: readonly Decision[]): string | undefined {
  return history.findLast((decision) => decision.action === 'finish')?.at;
}

/** Whether the teacher has confirmed the facts of the review as it was last finished. */
export const factsConfirmedNow = (part: TeacherPart, history: readonly Decision[]) =>
  part.factsConfirmedBy !== undefined &&
  part.factsConfirmedFor !== undefined &&
  part.factsConfirmedFor === lastFinishedAt(history);

/** "Sam Patel, autumn term 2025 to 2026", or "Sam Patel, interim assessment". */
export function termlyReviewSubject(draft: TermlyReviewDraft): string {
  const name = draft.teacherName || 'Unnamed teacher';
  if (isInterim(draft)) return `${name}, interim assessment`;
  const term = ReviewTerm.safeParse(draft.term).data;
  const when = [
    term ? termLabels[term].toLowerCase() : '',
    draft.academicYear === undefined ? '' : academicYearLabel(draft.academicYear),
  ]
    .filter(Boolean)
    .join(' ');
  return when ? `${name}, ${when}` : name;
}

/** What the status machine needs to know of the review, from its content and comments documents. */
export function termlyReviewReadiness(
  content: Y.Doc,
  comments: Y.Doc,
  history: readonly Decision[],
): TermlyReviewReadiness {
  const draft = readTermlyReview(content);
  const teacher = readTeacherPart(comments);
  return {
    formProblem: termlyReviewProblems(draft).find((problem) => problem.fieldId !== 'supportPlan')?.message,
    notOnTrack: isNotOnTrack(draft),
    supportPlanAttached: draft.supportPlan !== undefined,
    factsConfirmed: factsConfirmedNow(teacher, history),
    teacherCommented: teacher.comments.trim().length > 0,
  };
}
