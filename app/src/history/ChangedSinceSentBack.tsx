// What a reviewer sees first on a report resubmitted after it was sent back: every field whose wording changed
// between the version the send-back found and the resubmitted one, word by word, and every value that changed
// (a date, attendance, a choice), from and to.
import { createResource, Match, Show, Switch } from 'solid-js';
import type { Decision } from '../../../shared/doc/status-doc.ts';
import { factChanges } from '../../../shared/reports/report-facts.ts';
import { useRoleWord } from '../collab/role-words.ts';
import { decisionName, sentBackAndResubmitted } from './decisions.ts';
import { DiffView } from './DiffView.tsx';
import type { VersionsSource } from './HistoryVersions.tsx';
import { reportVersion } from './report-versions.ts';
import { reportDiff } from './word-diff.ts';
import './history.css';

export function ChangedSinceSentBack(props: { history: Decision[]; source: VersionsSource }) {
  const roleWord = useRoleWord();
  const pair = () => sentBackAndResubmitted(props.history);
  const [diff] = createResource(pair, async ({ sentBack, resubmitted }) => {
    const read = (version: number) => reportVersion(props.source, version);
    const [before, after] = [await read(sentBack), await read(resubmitted)];
    return {
      facts: factChanges(props.source.facts(before), props.source.facts(after)),
      fields: reportDiff(before, after, props.source.fields),
    };
  });
  return (
    <Show when={pair()}>
      {(versions) => (
        <section class="changed-since" aria-labelledby="changed-since-heading">
          <h2 id="changed-since-heading">Changed since you sent it back</h2>
          <p class="muted">
            From {decisionName(props.history[versions().sentBack - 1], versions().sentBack, roleWord)} to{' '}
            {decisionName(props.history[versions().resubmitted - 1], versions().resubmitted, roleWord)}.
          </p>
          <Switch>
            <Match when={diff.error}>
              {(error) => (
                <p class="warning">
                  The changes could not be shown:{' '}
                  {error() instanceof Error ? (error() as Error).message : String(error())}
                </p>
              )}
            </Match>
            <Match when={diff()}>
              {(changes) => <DiffView diff={changes().fields} facts={changes().facts} heading="h3" onlyChanged />}
            </Match>
            <Match when={true}>
              <p role="status">Reading the two versions from the relay…</p>
            </Match>
          </Switch>
        </section>
      )}
    </Show>
  );
}
