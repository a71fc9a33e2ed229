// History's versions: the report as any decision found it, read-only, field by field; and a word-level diff between
// any two decisions' versions. Each is read from the relay with the report's token, so a role without internal
// fields is shown none (the relay leaves them out of what it sends).
import { createEffect, createSignal, For, Match, on, onCleanup, Show, Switch } from 'solid-js';
import type * as Y from 'yjs';
import type { Decision } from '../../../shared/doc/status-doc.ts';
import type { FreeTextField } from '../../../shared/forms/fields.ts';
import { factChanges, type FactChange, type ReportFact } from '../../../shared/reports/report-facts.ts';
import { useRoleWord } from '../collab/role-words.ts';
import { decisionName } from './decisions.ts';
import { DiffView } from './DiffView.tsx';
import { keepVersions, reportVersion, type VersionReader, versionFields, versionsOnDevice } from './report-versions.ts';
import { reportDiff, type FieldDiff } from './word-diff.ts';
import './history.css';

export interface VersionsSource extends VersionReader {
  /** The free-text fields to show, in the form's order: those this person may see. */
  fields: readonly FreeTextField[];
  /** A version's values besides its free text, as the report's kind reads them (shared/reports/report-facts.ts). */
  facts: (version: Y.Doc) => ReportFact[];
}

type View =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'problem'; text: string }
  | { kind: 'version'; title: string; facts: ReportFact[]; fields: { label: string; paragraphs: string[] }[] }
  | { kind: 'diff'; title: string; facts: FactChange[]; diff: FieldDiff[] };

export function HistoryVersions(props: { history: Decision[]; source: VersionsSource }) {
  const roleWord = useRoleWord();
  const [view, setView] = createSignal<View>({ kind: 'none' });
  const [shown, setShown] = createSignal(1);
  const [from, setFrom] = createSignal(1);
  const [to, setTo] = createSignal<number | undefined>(undefined);
  const name = (version: number) => decisionName(props.history[version - 1], version, roleWord);
  const last = () => props.history.length;
  let heading: HTMLHeadingElement | undefined;

  /** Shows what `load` gives, taking focus to its heading, so a keyboard or screen reader user lands on it. */
  async function showing(load: () => Promise<View>): Promise<void> {
    setView({ kind: 'loading' });
    try {
      setView(await load());
    } catch (error) {
      setView({ kind: 'problem', text: error instanceof Error ? error.message : String(error) });
    }
    heading?.focus();
  }

  const read = async (version: number) => {
    try {
      return await reportVersion(props.source, version);
    } finally {
      void refreshHere();
    }
  };

  // Which versions this device holds (History works offline for them) and which the relay never kept.
  const [here, setHere] = createSignal<Awaited<ReturnType<typeof versionsOnDevice>>>(new Map());
  const [online, setOnline] = createSignal(navigator.onLine);
  const refreshHere = async () => setHere(await versionsOnDevice(props.source));
  const wentOnline = () => setOnline(true);
  const wentOffline = () => setOnline(false);
  window.addEventListener('online', wentOnline);
  window.addEventListener('offline', wentOffline);
  onCleanup(() => {
    window.removeEventListener('online', wentOnline);
    window.removeEventListener('offline', wentOffline);
  });
  // Each new decision's version (and any not read yet) is read into this device in the background while online.
  createEffect(
    on([last, online], ([count, isOnline]) => {
      void refreshHere();
      if (isOnline) void keepVersions(props.source, count).then(refreshHere);
    }),
  );
  const notKept = (version: number) => {
    const held = here().get(version);
    return typeof held === 'object' ? held.notKept : undefined;
  };
  const missingHere = () => choices().filter((version) => !here().has(version));
  /** A version's choice, saying when it cannot be shown: never kept, or (offline) not on this device. */
  const choiceName = (version: number) =>
    notKept(version) !== undefined
      ? `${name(version)} (no version kept: decided before Margin kept versions)`
      : !online() && !here().has(version)
        ? `${name(version)} (not on this device)`
        : name(version);

  const showVersion = (event: SubmitEvent) => {
    event.preventDefault();
    const version = shown();
    void showing(async () => {
      const doc = await read(version);
      return {
        kind: 'version',
        title: `The report as it was at ${name(version)}`,
        facts: props.source.facts(doc),
        fields: versionFields(doc, props.source.fields),
      };
    });
  };

  const compare = (event: SubmitEvent) => {
    event.preventDefault();
    const [a, b] = [from(), to() ?? last()];
    void showing(async () => {
      const [before, after] = [await read(a), await read(b)];
      return {
        kind: 'diff',
        title: `Changes from ${name(a)} to ${name(b)}`,
        facts: factChanges(props.source.facts(before), props.source.facts(after)),
        diff: reportDiff(before, after, props.source.fields),
      };
    });
  };

  const choices = () => props.history.map((_, index) => index + 1);
  const listed = (versions: number[]) =>
    versions.length === 1
      ? `Version ${versions[0]} is`
      : `Versions ${versions.slice(0, -1).join(', ')} and ${versions.at(-1)} are`;
  return (
    <>
      <Show when={choices().filter((version) => notKept(version) !== undefined)}>
        {(none) => (
          <Show when={none().length > 0}>
            <p class="muted">
              {listed(none())} not kept: decided before Margin kept the report as each decision found it, so there is
              nothing to show or compare for {none().length === 1 ? 'it' : 'them'}.
            </p>
          </Show>
        )}
      </Show>
      <Show when={!online()}>
        <p class="warning" role="status">
          <Show
            when={missingHere().length > 0}
            fallback="You are offline. Every version listed is on this device, so History can show and compare them."
          >
            You are offline. {listed(missingHere())} not on this device, so History can show and compare only the others
            until the relay can be reached.
          </Show>
        </p>
      </Show>
      <div class="history-versions">
        <form onSubmit={showVersion}>
          <fieldset>
            <legend>See the report as it was</legend>
            <label for="history-shown">At the decision</label>
            <select id="history-shown" onChange={(event) => setShown(Number(event.currentTarget.value))}>
              <For each={choices()}>
                {(version) => (
                  <option value={version} selected={version === shown()} disabled={notKept(version) !== undefined}>
                    {choiceName(version)}
                  </option>
                )}
              </For>
            </select>{' '}
            <button type="submit">Show this version</button>
          </fieldset>
        </form>
        <Show when={last() > 1}>
          <form onSubmit={compare}>
            <fieldset>
              <legend>Compare two versions</legend>
              <label for="history-from">From</label>
              <select id="history-from" onChange={(event) => setFrom(Number(event.currentTarget.value))}>
                <For each={choices()}>
                  {(version) => (
                    <option value={version} selected={version === from()} disabled={notKept(version) !== undefined}>
                      {choiceName(version)}
                    </option>
                  )}
                </For>
              </select>
              <label for="history-to">To</label>
              <select id="history-to" onChange={(event) => setTo(Number(event.currentTarget.value))}>
                <For each={choices()}>
                  {(version) => (
                    <option
                      value={version}
                      selected={version === (to() ?? last())}
                      disabled={notKept(version) !== undefined}
                    >
                      {choiceName(version)}
                    </option>
                  )}
                </For>
              </select>{' '}
              <button type="submit">Compare word by word</button>
            </fieldset>
          </form>
        </Show>
      </div>
      <div class="history-view" aria-live="polite">
        <Switch>
          <Match when={view().kind === 'loading'}>
            <p role="status">Reading the version from the relay…</p>
          </Match>
          <Match when={view().kind === 'problem' && (view() as { text: string })}>
            {(problem) => (
              <>
                <h3 tabindex="-1" ref={heading}>
                  This version could not be shown
                </h3>
                <p class="warning">{problem().text}</p>
              </>
            )}
          </Match>
          <Match when={view().kind === 'version' && (view() as Extract<View, { kind: 'version' }>)}>
            {(version) => (
              <section aria-labelledby="history-view-heading">
                <h3 id="history-view-heading" tabindex="-1" ref={heading}>
                  {version().title}
                </h3>
                <Show when={version().facts.length > 0}>
                  <h4>Details</h4>
                  <dl class="version-facts">
                    <For each={version().facts}>
                      {(fact) => (
                        <>
                          <dt>{fact.label}</dt>
                          <dd>{fact.value}</dd>
                        </>
                      )}
                    </For>
                  </dl>
                </Show>
                <For each={version().fields}>
                  {(field) => (
                    <div class="version-field">
                      <h4>{field.label}</h4>
                      <Show when={field.paragraphs.length > 0} fallback={<p class="muted">Empty.</p>}>
                        <For each={field.paragraphs}>{(paragraph) => <p>{paragraph}</p>}</For>
                      </Show>
                    </div>
                  )}
                </For>
              </section>
            )}
          </Match>
          <Match when={view().kind === 'diff' && (view() as Extract<View, { kind: 'diff' }>)}>
            {(diff) => (
              <section aria-labelledby="history-view-heading">
                <h3 id="history-view-heading" tabindex="-1" ref={heading}>
                  {diff().title}
                </h3>
                <DiffView diff={diff().diff} facts={diff().facts} heading="h4" />
              </section>
            )}
          </Match>
        </Switch>
      </div>
    </>
  );
}
