// A word-level diff drawn field by field under each field's label. Added and removed words are <ins> and <del>
// (underlined and struck through, not told by colour alone), each starting with words a screen reader says.
import { For, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { DiffPart, FieldDiff } from './word-diff.ts';
import './history.css';

function Part(props: { part: DiffPart }) {
  return (
    <Show when={props.part.change !== 'same'} fallback={props.part.text}>
      <Show
        when={props.part.change === 'added'}
        fallback={
          <del>
            <span class="visually-hidden">Removed: </span>
            {props.part.text}
          </del>
        }
      >
        <ins>
          <span class="visually-hidden">Added: </span>
          {props.part.text}
        </ins>
      </Show>
    </Show>
  );
}

/** `onlyChanged` leaves out fields that did not change; `heading` is the level of each field's label. */
export function DiffView(props: { diff: FieldDiff[]; heading: 'h3' | 'h4'; onlyChanged?: boolean }) {
  const shown = () => props.diff.filter((field) => field.changed || !props.onlyChanged);
  return (
    <Show
      when={props.diff.some((field) => field.changed)}
      fallback={<p>No field’s wording changed between these versions.</p>}
    >
      <For each={shown()}>
        {(field) => (
          <div class="field-diff">
            <Dynamic component={props.heading}>{field.label}</Dynamic>
            <Show when={field.changed} fallback={<p class="muted">No change.</p>}>
              <p class="diff-text">
                <For each={field.parts}>{(part) => <Part part={part} />}</For>
              </p>
            </Show>
          </div>
        )}
      </For>
    </Show>
  );
}
