// Single-line inputs bound to one key of a report's "fields" map: dates, times and percentages. Each shows
// its hint, and the rule it breaks as soon as it breaks it.
import { createSignal, Show } from 'solid-js';
import { DateField, TimeField } from './DateField.tsx';
import { FieldLabel } from './FieldLabel.tsx';
import { useWritersHint } from '../collab/reading.tsx';
import type * as Y from 'yjs';
import { createYValue } from './y-signals.ts';

interface BoundInputProps {
  id: string;
  label: string;
  map: Y.Map<unknown>;
  /** The key in the map; the id when not given. */
  key?: string;
  hint?: string;
  /** A rule the current value breaks, shown under the input. */
  problem?: string;
  readOnly?: boolean;
}

const describedBy = (id: string, hint: unknown, problem: unknown) =>
  [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].join(' ').trim() || undefined;

/** A date (or, with type "time", a time) in British form; a rule it breaks shows once it has a value. */
export function DateInput(props: BoundInputProps & { type?: 'date' | 'time' }) {
  const [value, setValue] = createYValue<string>(props.map, props.key ?? props.id);
  const Field = props.type === 'time' ? TimeField : DateField;
  return (
    <Field
      id={props.id}
      label={props.label}
      hint={props.hint}
      value={value()}
      onValue={setValue}
      problem={value() ? props.problem : undefined}
      readOnly={props.readOnly}
    />
  );
}

/** A whole-number percentage. Text that is not a number is refused with a message and never saved over the last good value. */
export function PercentInput(props: BoundInputProps) {
  const [value, setValue] = createYValue<number>(props.map, props.key ?? props.id);
  const [unreadable, setUnreadable] = createSignal(false);
  const hint = useWritersHint(() => props.hint);
  const problem = () =>
    unreadable() ? 'Give a number from 0 to 100.' : value() !== undefined ? props.problem : undefined;
  const onInput = (input: HTMLInputElement) => {
    setUnreadable(input.validity.badInput);
    if (input.validity.badInput) return;
    setValue(input.value === '' ? undefined : Number(input.value));
  };
  return (
    <div class="field small percent">
      <FieldLabel id={props.id} label={props.label} hint={props.hint} />
      <input
        id={props.id}
        type="number"
        inputmode="numeric"
        min="0"
        max="100"
        step="1"
        value={value() ?? ''}
        onInput={(event) => onInput(event.currentTarget)}
        disabled={props.readOnly}
        aria-describedby={describedBy(props.id, hint(), problem())}
        aria-invalid={!!problem()}
      />
      <Show when={problem()}>
        <p class="error" id={`${props.id}-problem`}>
          {problem()}
        </p>
      </Show>
    </div>
  );
}
