// The suggestions for one underlined finding: its message, its corrections, and what else can be done
// with it (add the word to the dictionary, ignore it, dismiss the advice). Keyboard first: it takes
// focus when it opens, Escape closes it, and focus goes back to the field.
import { createEffect, createResource, For, onMount, Show } from 'solid-js';
import type { PlacedFinding } from './check-plugin.ts';

export interface CheckMenuProps {
  placed: PlacedFinding;
  position: { left: number; top: number };
  editable: boolean;
  suggest(word: string): Promise<string[]>;
  replace(text: string): void;
  addWord(): Promise<string | null>;
  ignore(): void;
  dismiss(): void;
  close(): void;
}

const kindName = { spelling: 'Spelling', grammar: 'Grammar', prompt: 'Advice' } as const;

export function CheckMenu(props: CheckMenuProps) {
  let menu!: HTMLDivElement;
  const finding = () => props.placed.finding;
  const [suggestions] = createResource(
    () => props.placed,
    async (placed) =>
      placed.finding.kind === 'spelling'
        ? props.suggest(placed.finding.text).catch(() => [])
        : placed.finding.suggestions,
  );
  let problem: HTMLParagraphElement | undefined;

  // The menu takes focus at once, and hands it to the first suggestion when they have arrived.
  onMount(() => menu.focus());
  createEffect(() => {
    if (suggestions.loading) return;
    queueMicrotask(() => {
      if (document.activeElement === menu) menu.querySelector<HTMLElement>('button')?.focus();
    });
  });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.close();
    }
  };
  const label = (suggestion: string) => (suggestion === '' ? `Remove “${finding().text}”` : suggestion);

  return (
    <div
      ref={menu}
      class="check-menu"
      role="dialog"
      tabindex="-1"
      aria-label={`${kindName[finding().kind]}: suggestions for “${finding().text.length > 40 ? `${finding().text.slice(0, 37)}…` : finding().text}”`}
      style={{ left: `${props.position.left}px`, top: `${props.position.top}px` }}
      onKeyDown={onKeyDown}
      onFocusOut={(event) => {
        if (!menu.contains(event.relatedTarget as Node | null)) props.close();
      }}
    >
      <p class="check-message">{finding().message}</p>
      <Show when={props.editable}>
        <Show when={!suggestions.loading} fallback={<p class="check-note">Looking for suggestions…</p>}>
          <Show
            when={(suggestions() ?? []).length > 0}
            fallback={
              <Show when={finding().kind !== 'prompt'}>
                <p class="check-note">No suggestions.</p>
              </Show>
            }
          >
            <ul class="check-suggestions" aria-label="Suggestions">
              <For each={suggestions()}>
                {(suggestion) => (
                  <li>
                    <button type="button" class="suggestion" onClick={() => props.replace(suggestion)}>
                      {finding().kind === 'prompt' ? 'Use this example' : label(suggestion)}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Show>
      </Show>
      <div class="check-actions">
        <Show when={finding().kind === 'spelling'}>
          <button
            type="button"
            class="secondary"
            onClick={async () => {
              const refused = await props.addWord();
              if (refused && problem) problem.textContent = refused;
            }}
          >
            Add “{finding().text}” to my dictionary
          </button>
        </Show>
        <Show
          when={finding().kind === 'prompt'}
          fallback={
            <button type="button" class="secondary" onClick={() => props.ignore()}>
              Ignore
            </button>
          }
        >
          <button type="button" class="secondary" onClick={() => props.dismiss()}>
            Dismiss for this report
          </button>
        </Show>
        <button type="button" class="secondary" onClick={() => props.close()}>
          Close
        </button>
      </div>
      <p class="error" role="alert" ref={problem} />
    </div>
  );
}
