// The termly progress review of an early career teacher (or interim assessment), with its own status machine:
// finished by the tutor, signed by the teacher then the tutor, marked reviewed by the appropriate body.
import { defineReportKind } from '../definition.ts';
import { checkTermlyDecision } from './decisions.ts';
import {
  readTermlyReview,
  teacherCommentsKey,
  teacherPartKey,
  termlyReviewFormat,
  termlyReviewSubject,
} from './doc.ts';
import { termlyReviewFacts } from './facts.ts';
import { termlyReviewProblems } from './form.ts';
import { notForThisReport } from './workflow.ts';

export const termlyReview = defineReportKind({
  kind: 'termly-review',
  format: termlyReviewFormat,
  label: 'Termly progress review',
  // Its free text is drawn step by step by its own form (termlyReviewTextKeys), not from a list.
  textFields: [],
  commentsParts: { [teacherCommentsKey]: 'text', [teacherPartKey]: 'map' },
  roleWords: { tutor: 'induction tutor', teacher: 'early career teacher', reviewer: 'appropriate body' },
  subjectLine: (doc) => termlyReviewSubject(readTermlyReview(doc)),
  submissionProblems: (doc) => termlyReviewProblems(readTermlyReview(doc)),
  index(doc) {
    // The teacher is not one of the agency's learners: named here for the progress reviews page, which lists by due date.
    const review = readTermlyReview(doc);
    return {
      learners: [],
      people: { ids: [], names: [review.teacherName] },
      date: review.dueDate ?? '',
      reviewType: review.typeLabel,
    };
  },
  facts: termlyReviewFacts,
  workflow: {
    drawnBy: 'form',
    showsStatus: true,
    decisions: { check: checkTermlyDecision, changedWhileChecking: notForThisReport.changedWhileSigning },
  },
});
