// The whole review as read once it is finished (or by anyone who may not change it): every answer in the
// guide's order, and the support plan to download.
import { For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { readAttachment } from '../../../shared/reports/termly-review/attachments.ts';
import { supportPlanSlot } from '../../../shared/reports/termly-review/doc.ts';
import {
  isInterim,
  isNotOnTrack,
  recommendationLabels,
  teachersStandards,
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
    const list: Array<[string, string]> = [
      ['Type', r.typeLabel],
      ['Due', day(r.dueDate)],
      ['Contract type', orDash(r.contractType)],
      ['Days per week', orDash(r.daysPerWeek)],
      ['Start date', day(r.periodStart)],
      ['End date', day(r.periodEnd)],
      ['Remaining at this school next term', orDash(r.staying)],
    ];
    if (isInterim(r)) list.push(['Leaving on', day(r.leavingDate)]);
    list.push(
      ['Days served', orDash(r.daysServed)],
      ['Days of absence', r.hadAbsences === 'Yes' ? orDash(r.daysAbsent) : r.hadAbsences === 'No' ? '0' : '—'],
      ['Days absent before this period', orDash(r.absencesBefore)],
      ['Received support and entitlements', orDash(r.receivedSupport)],
    );
    if (r.receivedSupport === 'No') list.push(['Why not', orDash(r.supportReasons)]);
    list.push(
      ['Recommendation', r.recommendation ? recommendationLabels[r.recommendation as Recommendation].full : '—'],
      ['Reasons', orDash(r.recommendationReasons)],
    );
    if (isNotOnTrack(r)) {
      const titles = teachersStandards
        .filter((standard) => r.standardsOfConcern.includes(standard.id))
        .map((standard) => `${standard.id}: ${standard.title}`);
      list.push(['Standards of concern', titles.join('; ') || '—'], ['Teacher informed', orDash(r.teacherInformed)]);
    }
    list.push(
      ['Next term: days per week', orDash(r.nextDaysPerWeek)],
      ['Next term: contract type', orDash(r.nextContractType)],
    );
    if (isInterim(r))
      list.push(['Moving to', orDash(r.forwardingSchool)], ['Contact details', orDash(r.forwardingContact)]);
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
        <AttachedFile doc={props.doc} slot={supportPlanSlot} id="supportPlan" label="Support plan" readOnly />
      </Show>
    </section>
  );
}
