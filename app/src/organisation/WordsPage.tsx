// /organisation/words: the organisation's words, kept by its administrators. Every member's spelling check accepts
// them (and the names in the reports each member may open, which are not listed here), in the app and in the
// extension, on every device, offline too (app/src/checks/organisation-words.ts).
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { z } from 'zod';
import { normalisePersonalWord } from '../../../shared/checks/spelling/personal-dictionary.ts';
import { refreshOrganisationWordsIfStarted } from '../checks/app-checks.ts';
import { AdministratorsOnly } from './AdministratorsOnly.tsx';
import { Answered } from './Answered.tsx';
import { CheckedTextField } from './CheckedTextField.tsx';
import { createFieldProblems } from './field-problems.ts';
import { organisationApi } from './organisation-api.ts';
import { signedIn } from './signed-in.ts';
import './organisation.css';

/** A word as the relay will keep it, checked here first with the same rule (a personal dictionary's). */
const WordToAdd = z.object({
  word: z.string().transform((value, context) => {
    const word = normalisePersonalWord(value);
    if (word.ok) return word.value;
    context.addIssue({ code: 'custom', message: word.problem });
    return z.NEVER;
  }),
});

export function WordsPage() {
  return (
    <AdministratorsOnly title="Organisation’s words" what="the organisation’s words">
      <Words />
    </AdministratorsOnly>
  );
}

function Words() {
  const [list, { refetch }] = createResource(() => organisationApi.words());
  const [status, setStatus] = createSignal('');
  const [problem, setProblem] = createSignal('');

  const changed = (message: string) => {
    setProblem('');
    setStatus(message);
    void refetch();
    // This device's checker takes the new list at once; other devices when they next ask.
    void refreshOrganisationWordsIfStarted();
  };

  const remove = async (word: string) => {
    const removed = await organisationApi.removeWord(word);
    if (!removed.ok) return setProblem(removed.problem.message);
    changed(`Removed “${word}”.`);
  };

  return (
    <div class="organisation-page">
      <h1>Words of {signedIn()?.organisation.name}</h1>
      <p>
        Every member’s spelling check accepts these words, in Margin and in the Margin extension, on every device and
        offline too. The names of learners and teachers in your organisation’s reports are accepted already: you need
        not add them.
      </p>
      <AddWord onAdded={(word) => changed(`Added “${word}”. Everyone’s spelling check accepts it now.`)} />
      <p role="status">{status()}</p>
      <Show when={problem()}>
        <p role="alert" class="error">
          {problem()}
        </p>
      </Show>
      <section class="card" aria-labelledby="words-heading">
        <Answered answer={list()} awaiting="Loading the words…">
          {(held) => <WordList words={held().words.map((each) => each.word)} onRemove={remove} />}
        </Answered>
      </section>
    </div>
  );
}

function AddWord(props: { onAdded(word: string): void }) {
  const [word, setWord] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const fields = createFieldProblems('new');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setProblem('');
    const request = fields.check(WordToAdd, { word: word() });
    if (!request) return;
    setBusy(true);
    const added = await organisationApi.addWord(request.word);
    setBusy(false);
    if (!added.ok) return setProblem(added.problem.message);
    setWord('');
    props.onAdded(added.value.word);
  };

  return (
    <form class="card" onSubmit={submit} novalidate aria-labelledby="add-word-heading">
      <h2 id="add-word-heading">Add a word</h2>
      <div class="row">
        <CheckedTextField
          id="new-word"
          label="Word"
          hint="One word: a school’s or a place’s name, or a term your programme uses."
          value={word()}
          set={setWord}
          fields={fields}
        />
        <div class="field">
          <button type="submit" disabled={busy()}>
            Add word
          </button>
        </div>
      </div>
      <Show when={problem()}>
        <p role="alert" class="error">
          {problem()}
        </p>
      </Show>
    </form>
  );
}

function WordList(props: { words: string[]; onRemove(word: string): void }) {
  const [find, setFind] = createSignal('');
  const shown = createMemo(() => {
    const wanted = find().trim().toLowerCase();
    return wanted ? props.words.filter((word) => word.toLowerCase().includes(wanted)) : props.words;
  });
  return (
    <>
      <h2 id="words-heading">
        {props.words.length === 0
          ? 'No words yet'
          : `${props.words.length.toLocaleString('en-GB')} word${props.words.length === 1 ? '' : 's'}`}
      </h2>
      <Show when={props.words.length > 0}>
        <div class="field">
          <label for="find-word">Find a word</label>
          <input id="find-word" type="search" value={find()} onInput={(event) => setFind(event.currentTarget.value)} />
        </div>
        <Show when={shown().length === 0}>
          <p>No word on the list has “{find().trim()}” in it.</p>
        </Show>
        <ul class="plain-list" aria-labelledby="words-heading">
          <For each={shown()}>
            {(word) => (
              <li>
                <span>{word}</span>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Remove ${word}`}
                  onClick={() => props.onRemove(word)}
                >
                  Remove
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
