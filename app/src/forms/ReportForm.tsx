// Chooses the form for a report document by its format. A change of read-only (the report was submitted,
// or rejected and open again) draws the form afresh, so every field follows it.
import { Match, Show, Switch } from 'solid-js';
import type * as Y from 'yjs';
import { readMeta } from '../../../shared/doc/index.ts';
import { reportKindOf } from '../../../shared/reports/index.ts';
import { formatDate } from '../../../shared/workflow/calendar.ts';
import { IlpForm } from './IlpForm.tsx';
import { ProgressReportForm } from './ProgressReportForm.tsx';
import { ProgressReviewForm } from './ProgressReviewForm.tsx';
import { SessionReportForm } from './SessionReportForm.tsx';
import { CycleForm } from '../coaching/CycleForm.tsx';
import { ObservationForm } from '../quality/ObservationForm.tsx';
import { TermlyReview } from '../termly-review/TermlyReview.tsx';
import { ShowInternalFields } from '../editor/internal-fields.ts';
import './forms.css';

/** `showInternal` is false for roles that may not see internal fields: those fields are not drawn at all. */
export function ReportForm(props: { doc: Y.Doc; readOnly?: boolean; showInternal?: boolean }) {
  const kind = () => reportKindOf(props.doc);
  const assignment = readMeta(props.doc).assignment;
  return (
    <ShowInternalFields.Provider value={props.showInternal ?? true}>
      <Show when={assignment}>
        {(it) => (
          <p class="report-assignment">
            <a href={`/assignment/${it().id}`}>
              Back to the assignment: {it().subject}, {formatDate(it().startDate)} to {formatDate(it().endDate)}
            </a>
          </p>
        )}
      </Show>
      <Show keyed when={props.readOnly ? 'read-only' : 'editable'}>
        {(mode) => {
          const readOnly = mode === 'read-only';
          return (
            <Switch fallback={<p class="warning">This report is of a kind this version of Margin cannot show yet.</p>}>
              <Match when={kind() === 'session-report'}>
                <SessionReportForm doc={props.doc} readOnly={readOnly} />
              </Match>
              <Match when={kind() === 'ilp'}>
                <IlpForm doc={props.doc} readOnly={readOnly} />
              </Match>
              <Match when={kind() === 'progress-report' || kind() === 'final-report'}>
                <ProgressReportForm doc={props.doc} readOnly={readOnly} />
              </Match>
              <Match when={kind() === 'progress-review'}>
                <ProgressReviewForm doc={props.doc} readOnly={readOnly} />
              </Match>
              <Match when={kind() === 'coaching-cycle'}>
                <CycleForm doc={props.doc} readOnly={readOnly} />
              </Match>
              <Match when={kind() === 'qa-observation'}>
                <ObservationForm doc={props.doc} readOnly={readOnly} />
              </Match>
              <Match when={kind() === 'termly-review'}>
                <TermlyReview doc={props.doc} readOnly={readOnly} />
              </Match>
            </Switch>
          );
        }}
      </Show>
    </ShowInternalFields.Provider>
  );
}
