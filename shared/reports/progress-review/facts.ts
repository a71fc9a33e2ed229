// A progress-review checklist's values besides its free text, for History, with its form's labels: its title and
// date, then stage by stage the strength of each point's evidence and the reviewer's own points as they wrote them.
import type * as Y from 'yjs';
import type { ReportFact } from '../definition.ts';
import { factOf } from '../report-facts.ts';
import { readProgressReview } from './doc.ts';
import { progressReviewFieldLabel, reviewFieldLabels, reviewStages } from './form.ts';

export function progressReviewFacts(doc: Y.Doc): ReportFact[] {
  const review = readProgressReview(doc);
  const statements = Object.fromEntries(review.customPoints.map((point) => [point.id, point.statement]));
  const fact = (key: string, value: unknown, label = progressReviewFieldLabel(key, statements) ?? key) =>
    factOf(key, label, value);
  const strength = (pointId: string) => fact(`strength-${pointId}`, review.ratings[pointId]);
  return [
    fact('title', review.title),
    fact('date', review.date),
    ...reviewStages.flatMap((stage) => [
      ...stage.points.map((point) => strength(point.id)),
      ...review.customPoints
        .filter((point) => point.stage === stage.key)
        .flatMap((point) => [
          // "Your point" alone would not say which: the stage it was added to says where it is in the form.
          fact(`statement-${point.id}`, point.statement, `${stage.label}: ${reviewFieldLabels.statement}`),
          strength(point.id),
        ]),
    ]),
  ];
}
