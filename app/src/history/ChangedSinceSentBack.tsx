// What a reviewer sees first on a report resubmitted after it was sent back: every field whose wording changed
// between the version the send-back found and the resubmitted one, word by word.
import { createResource, Match, Show, Switch } from 'solid-js';
import type { Decision } from '../../../shared/doc/status-doc.ts';
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
    const read = (version: number) => reportVersion(props.source.reportId, props.source.token, version);
    return reportDiff(await read(sentBack), await read(resubmitted), props.source.fields);
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
            <Match when={diff()}>{(fields) => <DiffView diff={fields()} heading="h3" onlyChanged />}</Match>
            <Match when={true}>
              <p role="status">Reading the two versions from the relay…</p>
            </Match>
          </Switch>
        </section>
      )}
    </Show>
  );
}
