import { For, type JSX } from 'solid-js';
import { FieldLabel } from './FieldLabel.tsx';
import { useWritersHint } from '../collab/reading.tsx';

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
  const hint = useWritersHint(() => props.hint);
  return (
    <div class="field small">
      <FieldLabel id={props.id} label={props.label} hint={props.hint} />
      <select
        id={props.id}
        disabled={props.disabled}
        aria-describedby={hint() ? `${props.id}-hint` : undefined}
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
