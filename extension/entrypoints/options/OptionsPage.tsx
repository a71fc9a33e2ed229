// The options page: which checks are on, and the personal dictionary (the words added in the
// extension, which can be removed here, and the words Margin's app handed over, kept by the app).
// Everything is in storage.local; the background and every page follow changes at once.
import { createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import { addOwnWord, appWords, ownWords, removeOwnWord, watchPersonalWords } from '../../settings/personal-words.ts';
import { currentRuleSettings, ruleSettings, type RuleSettings } from '../../settings/settings.ts';

const ruleChoices: { kind: keyof RuleSettings; label: string; hint: string }[] = [
  { kind: 'spelling', label: 'Spelling', hint: 'British English, with words used in UK education.' },
  { kind: 'grammar', label: 'Grammar', hint: 'Such as “could of”, “less students” and practice or practise.' },
  {
    kind: 'prompt',
    label: 'Advice on objectives and comments',
    hint: 'SMART objectives, no questions or personal remarks in comments.',
  },
];

const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB');

export function OptionsPage() {
  const [settings, { refetch: reloadSettings }] = createResource(currentRuleSettings);
  const [words, { refetch: reloadWords }] = createResource(async () => {
    const [own, app] = await Promise.all([ownWords.getValue(), appWords.getValue()]);
    return { own: [...own].sort(byName), app: [...app].sort(byName) };
  });
  onCleanup(watchPersonalWords(() => void reloadWords()));
  onCleanup(ruleSettings.watch(() => void reloadSettings()));
  const [problem, setProblem] = createSignal('');
  const [newWord, setNewWord] = createSignal('');

  const choose = async (kind: keyof RuleSettings, on: boolean) => {
    await ruleSettings.setValue({ ...(settings() ?? (await currentRuleSettings())), [kind]: on });
    await reloadSettings();
  };
  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await addOwnWord(newWord());
    if (!result.ok) return void setProblem(result.problem);
    setProblem('');
    setNewWord('');
    await reloadWords();
  };

  return (
    <main>
      <h1>Margin: dictionary and settings</h1>
      <p>Nothing you type leaves this device.</p>

      <section aria-labelledby="checks-title">
        <h2 id="checks-title">Checks</h2>
        <Show when={settings()}>
          {(current) => (
            <For each={ruleChoices}>
              {(choice) => (
                <div class="choice">
                  <input
                    type="checkbox"
                    id={`rule-${choice.kind}`}
                    aria-describedby={`rule-${choice.kind}-hint`}
                    checked={current()[choice.kind]}
                    onChange={(event) => void choose(choice.kind, event.currentTarget.checked)}
                  />
                  <label for={`rule-${choice.kind}`}>{choice.label}</label>
                  <p class="hint" id={`rule-${choice.kind}-hint`}>
                    {choice.hint}
                  </p>
                </div>
              )}
            </For>
          )}
        </Show>
      </section>

      <section aria-labelledby="dictionary-title">
        <h2 id="dictionary-title">Your dictionary</h2>
        <p>Names and words that are right, though the checks do not know them.</p>
        <form onSubmit={add}>
          <label for="new-word">Add a word</label>
          <div class="add">
            <input
              id="new-word"
              value={newWord()}
              onInput={(event) => setNewWord(event.currentTarget.value)}
              aria-describedby="new-word-problem"
            />
            <button type="submit">Add</button>
          </div>
          <p class="error" id="new-word-problem" role="alert">
            {problem()}
          </p>
        </form>
        <Show when={(words()?.own.length ?? 0) > 0} fallback={<p>No words added here yet.</p>}>
          <ul aria-label="Words added in the extension" class="words">
            <For each={words()?.own}>
              {(word) => (
                <li>
                  <span>{word}</span>
                  <button
                    type="button"
                    aria-label={`Remove ${word}`}
                    onClick={() => void removeOwnWord(word).then(reloadWords)}
                  >
                    Remove
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={(words()?.app.length ?? 0) > 0}>
          <h3 id="app-words-title">From Margin’s app</h3>
          <p>These are kept by Margin’s app: remove them there.</p>
          <ul aria-labelledby="app-words-title" class="words">
            <For each={words()?.app}>{(word) => <li>{word}</li>}</For>
          </ul>
        </Show>
      </section>
    </main>
  );
}
