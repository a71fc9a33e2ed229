// The teacher's first step once the review is finished: the facts the induction tutor gave, to confirm before
// commenting. Anything wrong is for the tutor to put right (the teacher cannot change the form).
import type * as Y from 'yjs';
import { confirmFacts } from '../../../shared/reports/termly-review/doc.ts';
import {
  daysOfAbsence,
  recommendationLabels,
  termlyReviewLabels as label,
  type Recommendation,
} from '../../../shared/reports/termly-review/form.ts';
import { formatDate } from '../../../shared/workflow/calendar.ts';
import { withYourName } from '../collab/your-name.ts';
import { createReview } from './review-signal.ts';

export function ConfirmFacts(props: { doc: Y.Doc; comments: Y.Doc; finishedAt: string }) {
  const review = createReview(props.doc);
  const day = (value?: string) => (value ? formatDate(value) : '—');
  return (
    <section class="confirm-facts" aria-labelledby="confirm-facts-heading">
      <h3 id="confirm-facts-heading">Confirm the details</h3>
      <p>
        Below is the information your induction tutor gave. Check that it is correct before you add your comments. If
        any of it is wrong, ask your induction tutor to amend the review.
      </p>
      <dl>
        <dt>{label.recommendation}</dt>
        <dd>{review().recommendation ? recommendationLabels[review().recommendation as Recommendation].full : '—'}</dd>
        <dt>{label.periodStart}</dt>
        <dd>{day(review().periodStart)}</dd>
        <dt>{label.periodEnd}</dt>
        <dd>{day(review().periodEnd)}</dd>
        <dt>{label.daysServed}</dt>
        <dd>{review().daysServed ?? '—'}</dd>
        <dt>{label.daysAbsent}</dt>
        <dd>{daysOfAbsence(review()) ?? '—'}</dd>
      </dl>
      <button
        type="button"
        onClick={() => void withYourName((name) => confirmFacts(props.comments, name, props.finishedAt))}
      >
        Confirm these details
      </button>
    </section>
  );
}
