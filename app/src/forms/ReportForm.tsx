// Chooses the form for a report document by its format.
import { Match, Switch } from 'solid-js';
import type * as Y from 'yjs';
import { isSessionReportDoc } from '../../../shared/doc/index.ts';
import { SessionReportForm } from './SessionReportForm.tsx';

export function ReportForm(props: { doc: Y.Doc; readOnly?: boolean }) {
  return (
    <Switch fallback={<p class="warning">This report is of a kind this version of Margin cannot show yet.</p>}>
      <Match when={isSessionReportDoc(props.doc)}>
        <SessionReportForm doc={props.doc} readOnly={props.readOnly} />
      </Match>
    </Switch>
  );
}
