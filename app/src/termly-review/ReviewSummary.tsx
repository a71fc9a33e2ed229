// The whole review as read once it is finished (or by anyone who may not change it): every answer in the
// guide's order, and the support plan to download.
import { For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { readAttachment } from '../../../shared/reports/termly-review/attachments.ts';
import { supportPlanSlot } from '../../../shared/reports/termly-review/doc.ts';
import {
  concernsInWords,
  daysOfAbsence,
  isInterim,
  isNotOnTrack,
  recommendationLabels,
  termlyReviewLabels,
  type Recommendation,
} from '../../../shared/reports/termly-review/form.ts';
import { formatDate } from '../../../shared/workflow/calendar.ts';
import { AttachedFile } from './AttachedFile.tsx';
import { createReview } from './review-signal.ts';

const orDash = (value: unknown) => (value === undefined || value === '' ? '—' : String(value));
const day = (value?: string) => (value ? formatDate(value) : '—');

export function ReviewSummary(props: { doc: Y.Doc }) {
  const review = createReview(props.doc);
  const rows = () => {
    const r = review();
    const label = termlyReviewLabels;
    const list: Array<[string, string]> = [
      ['Type', r.typeLabel],
      ['Due', day(r.dueDate)],
      [label.contractType, orDash(r.contractType)],
      [label.daysPerWeek, orDash(r.daysPerWeek)],
      [label.periodStart, day(r.periodStart)],
      [label.periodEnd, day(r.periodEnd)],
      [label.staying, orDash(r.staying)],
    ];
    if (isInterim(r)) list.push([label.leavingDate, day(r.leavingDate)]);
    list.push(
      [label.daysServed, orDash(r.daysServed)],
      [label.daysAbsent, orDash(daysOfAbsence(r))],
      [label.absencesBefore, orDash(r.absencesBefore)],
      [label.receivedSupport, orDash(r.receivedSupport)],
    );
    if (r.receivedSupport === 'No') list.push([label.supportReasons, orDash(r.supportReasons)]);
    list.push(
      [label.recommendation, r.recommendation ? recommendationLabels[r.recommendation as Recommendation].full : '—'],
      [label.recommendationReasons, orDash(r.recommendationReasons)],
    );
    if (isNotOnTrack(r)) {
      list.push(
        [label.standardsOfConcern, concernsInWords(r) || '—'],
        [label.teacherInformed, orDash(r.teacherInformed)],
      );
    }
    list.push([label.nextDaysPerWeek, orDash(r.nextDaysPerWeek)], [label.nextContractType, orDash(r.nextContractType)]);
    if (isInterim(r))
      list.push(
        [label.forwardingSchool, orDash(r.forwardingSchool)],
        [label.forwardingContact, orDash(r.forwardingContact)],
      );
    return list;
  };
  return (
    <section class="review-summary" aria-labelledby="review-summary-heading">
      <h2 id="review-summary-heading">The induction tutor’s review of {review().teacherName}</h2>
      <dl>
        <For each={rows()}>
          {([term, value]) => (
            <>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </>
          )}
        </For>
      </dl>
      <Show when={isNotOnTrack(review()) || readAttachment(props.doc, supportPlanSlot)}>
        <AttachedFile
          doc={props.doc}
          slot={supportPlanSlot}
          id="supportPlan"
          label={termlyReviewLabels.supportPlan}
          readOnly
        />
      </Show>
    </section>
  );
}
