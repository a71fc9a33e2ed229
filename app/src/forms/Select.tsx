import { For, Show, type JSX } from 'solid-js';

export interface SelectProps {
  id: string;
  label: string;
  options: readonly string[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  placeholder?: string;
  disabled?: boolean;
  hint?: string;
}

export function Select(props: SelectProps): JSX.Element {
  return (
    <div class="field small">
      <label for={props.id}>{props.label}</label>
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <select
        id={props.id}
        disabled={props.disabled}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(event) => props.onChange(event.currentTarget.value || undefined)}
      >
        <option value="" selected={props.value === undefined}>
          {props.placeholder ?? 'Choose…'}
        </option>
        <For each={props.options}>
          {(option) => (
            <option value={option} selected={props.value === option}>
              {option}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}
