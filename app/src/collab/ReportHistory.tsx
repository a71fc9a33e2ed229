// The report's history: every decision the relay recorded (submitted, sent back, resubmitted, approved, and a termly
// review's finishing, signatures and reading), oldest
// first, with who made it, in what role, when, and the reason for a rejection.
import { For, Show } from 'solid-js';
import type { Decision } from '../../../shared/doc/status-doc.ts';
import { decided } from '../history/decisions.ts';
import { HistoryVersions, type VersionsSource } from '../history/HistoryVersions.tsx';
import { useRoleWord } from './role-words.ts';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import './collab.css';

/** `versions`: where the report as each decision found it is read, for showing and comparing them. */
export function ReportHistory(props: { history: Decision[]; versions?: VersionsSource }) {
  const roleWord = useRoleWord();
  return (
    <section class="report-history" aria-labelledby="report-history-heading">
      <h2 id="report-history-heading">History</h2>
      <Show
        when={props.history.length > 0}
        fallback={<p class="muted">No decisions yet: the report has not been submitted.</p>}
      >
        <ol>
          <For each={props.history}>
            {(decision) => (
              <li>
                {decided[decision.action]} by {decision.by.name} ({roleWord(decision.by.role)}),{' '}
                <time datetime={decision.at}>{formatMoment(decision.at, 'long')}</time>
                <Show when={decision.reason}>
                  {(reason) => (
                    <>
                      {' '}
                      <span class="reason">Reason: {reason()}</span>
                    </>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ol>
        <Show when={props.versions}>{(source) => <HistoryVersions history={props.history} source={source()} />}</Show>
      </Show>
    </section>
  );
}
