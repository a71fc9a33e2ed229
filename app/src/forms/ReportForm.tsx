// Draws the form of a report document's kind (report-forms.ts). A change of read-only (the report was submitted,
// or rejected and open again) draws the form afresh, so every field follows it.
import { Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type * as Y from 'yjs';
import { readMeta } from '../../../shared/doc/index.ts';
import { reportKindOf } from '../../../shared/reports/index.ts';
import { formatDate } from '../../../shared/workflow/calendar.ts';
import { reportForms } from './report-forms.ts';
import { ShowInternalFields } from '../editor/internal-fields.ts';
import './forms.css';

/** `showInternal` is false for roles that may not see internal fields: those fields are not drawn at all. */
export function ReportForm(props: { doc: Y.Doc; readOnly?: boolean; showInternal?: boolean }) {
  const form = () => {
    const kind = reportKindOf(props.doc);
    return kind && reportForms[kind];
  };
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
            <Show
              when={form()}
              fallback={<p class="warning">This report is of a kind this version of Margin cannot show yet.</p>}
            >
              {(chosen) => <Dynamic component={chosen()} doc={props.doc} readOnly={readOnly} />}
            </Show>
          );
        }}
      </Show>
    </ShowInternalFields.Provider>
  );
}
