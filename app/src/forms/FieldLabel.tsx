import { Show } from 'solid-js';
import { useWritersHint } from '../collab/reading.tsx';

/**
 * A single-line field's label and hint; the hint's id is `<id>-hint`, for the input's aria-describedby. The hint is for
 * the writer: a reader gets none, and `useWritersHint` tells the input whether there is one to point to.
 */
export function FieldLabel(props: { id: string; label: string; hint?: string }) {
  const hint = useWritersHint(() => props.hint);
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <Show when={hint()}>
        <p class="hint" id={`${props.id}-hint`}>
          {hint()}
        </p>
      </Show>
    </>
  );
}
