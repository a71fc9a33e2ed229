// The suggestions for one underlined finding: its message, its corrections, and what else can be done
// with it (add the word to the dictionary, ignore it, dismiss the advice). Keyboard first: it takes
// focus when it opens, Escape closes it, and focus goes back to the field. Its words are the extension's
// menu's too (shared/checks/finding-look.ts).
import { createEffect, createResource, For, onMount, Show } from 'solid-js';
import { findingMenuWords as words } from '../../../shared/checks/finding-look.ts';
import type { PlacedFinding } from './check-plugin.ts';

export interface CheckMenuProps {
  placed: PlacedFinding;
  position: { left: number; top: number };
  suggest(word: string): Promise<string[]>;
  replace(text: string): void;
  addWord(): Promise<string | null>;
  ignore(): void;
  dismiss(): void;
  close(): void;
}

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
  return (
    <div
      ref={menu}
      class="check-menu"
      role="dialog"
      tabindex="-1"
      aria-label={words.title(finding())}
      style={{ left: `${props.position.left}px`, top: `${props.position.top}px` }}
      onKeyDown={onKeyDown}
      onFocusOut={(event) => {
        if (!menu.contains(event.relatedTarget as Node | null)) props.close();
      }}
    >
      <p class="check-message">{finding().message}</p>
      <Show when={!suggestions.loading} fallback={<p class="check-note">{words.looking}</p>}>
        <Show
          when={(suggestions() ?? []).length > 0}
          fallback={
            <Show when={finding().kind !== 'prompt'}>
              <p class="check-note">{words.none}</p>
            </Show>
          }
        >
          <ul class="check-suggestions" aria-label={words.suggestionList}>
            <For each={suggestions()}>
              {(suggestion) => (
                <li>
                  <button type="button" class="suggestion" onClick={() => props.replace(suggestion)}>
                    {words.suggestion(finding(), suggestion)}
                  </button>
                </li>
              )}
            </For>
          </ul>
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
            {words.addToDictionary.app(finding().text)}
          </button>
        </Show>
        <Show
          when={finding().kind === 'prompt'}
          fallback={
            <button type="button" class="secondary" onClick={() => props.ignore()}>
              {words.ignore}
            </button>
          }
        >
          <button type="button" class="secondary" onClick={() => props.dismiss()}>
            {words.dismiss}
          </button>
        </Show>
        <button type="button" class="secondary" onClick={() => props.close()}>
          {words.close}
        </button>
      </div>
      <p class="error" role="alert" ref={problem} />
    </div>
  );
}
