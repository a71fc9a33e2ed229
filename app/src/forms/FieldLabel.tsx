import { Show } from 'solid-js';

/** A single-line field's label and hint; the hint's id is `<id>-hint`, for the input's aria-describedby. */
export function FieldLabel(props: { id: string; label: string; hint?: string }) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
    </>
  );
}
