// A text field of an organisation's form: its label, an optional hint, and the problem its request's schema found
// with it (field-problems.ts) shown beneath, gone once the field is being put right.
import { Show } from 'solid-js';
import type { createFieldProblems } from './field-problems.ts';

export function CheckedTextField(props: {
  id: string;
  label: string;
  hint?: string;
  autocomplete?: string;
  value: string;
  set: (value: string) => void;
  fields: ReturnType<typeof createFieldProblems>;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <input
        id={props.id}
        type="text"
        autocomplete={props.autocomplete}
        value={props.value}
        onInput={(event) => props.fields.edited(props.id, event.currentTarget.value, props.set)}
        aria-invalid={props.fields.of(props.id) ? 'true' : undefined}
        aria-describedby={props.hint ? `${props.id}-hint ${props.id}-problem` : `${props.id}-problem`}
      />
      <p class="error" id={`${props.id}-problem`}>
        {props.fields.of(props.id)}
      </p>
    </div>
  );
}
