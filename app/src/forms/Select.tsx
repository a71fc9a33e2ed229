import { For, type JSX } from 'solid-js';

export interface SelectProps {
  id: string;
  label: string;
  options: readonly string[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  placeholder?: string;
  disabled?: boolean;
}

export function Select(props: SelectProps): JSX.Element {
  return (
    <div class="field small">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        disabled={props.disabled}
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
