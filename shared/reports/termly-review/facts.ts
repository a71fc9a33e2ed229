// A termly review's values besides its free text, for History, labelled as the finished review lists them, in the
// guide's order: the answers shown only when they apply (an interim's dates, a teacher not on track's concerns) too.
import type * as Y from 'yjs';
import type { ReportFact } from '../definition.ts';
import { factOf } from '../report-facts.ts';
import { readTermlyReview } from './doc.ts';
import {
  concernsInWords,
  daysOfAbsence,
  isInterim,
  isNotOnTrack,
  type Recommendation,
  recommendationLabels,
  termlyReviewLabels,
} from './form.ts';

export function termlyReviewFacts(doc: Y.Doc): ReportFact[] {
  const review = readTermlyReview(doc);
  const fact = (key: keyof typeof termlyReviewLabels, value: unknown) => factOf(key, termlyReviewLabels[key], value);
  const interim = isInterim(review);
  const recommendation = recommendationLabels[review.recommendation as Recommendation]?.short ?? review.recommendation;
  return [
    fact('contractType', review.contractType),
    fact('daysPerWeek', review.daysPerWeek),
    fact('periodStart', review.periodStart),
    fact('periodEnd', review.periodEnd),
    fact('staying', review.staying),
    ...(interim ? [fact('leavingDate', review.leavingDate)] : []),
    fact('daysServed', review.daysServed),
    fact('daysAbsent', daysOfAbsence(review)),
    fact('absencesBefore', review.absencesBefore),
    fact('receivedSupport', review.receivedSupport),
    fact('recommendation', recommendation),
    ...(isNotOnTrack(review)
      ? [
          fact('standardsOfConcern', concernsInWords(review)),
          fact('teacherInformed', review.teacherInformed),
          fact('supportPlan', review.supportPlan?.name),
        ]
      : []),
    fact('nextDaysPerWeek', review.nextDaysPerWeek),
    fact('nextContractType', review.nextContractType),
    ...(interim ? [fact('forwardingSchool', review.forwardingSchool)] : []),
  ];
}
