// The progress-review checklist: the four stages of the progress-review resource, each point judged on its evidence.
import { defineReportKind } from '../definition.ts';
import { progressReviewFormat, readProgressReview } from './doc.ts';
import { progressReviewFacts } from './facts.ts';
import { progressReviewProblems, weakEvidence } from './rules.ts';

export const progressReview = defineReportKind({
  kind: 'progress-review',
  format: progressReviewFormat,
  label: 'Progress-review checklist',
  // Its free text is per point (evidence-<point>, action-<point>), drawn from the points, not from a list.
  textFields: [],
  subjectLine: (doc) => readProgressReview(doc).title,
  submissionProblems: (doc) => progressReviewProblems(readProgressReview(doc)),
  index(doc) {
    const review = readProgressReview(doc);
    return { learners: [], date: review.date ?? '', checklist: { title: review.title, ...weakEvidence(review) } };
  },
  facts: progressReviewFacts,
  workflow: { drawnBy: 'report-page', showsStatus: true },
});
