// Inputs of the termly review bound to one key of its "fields" map: choices as radio buttons, whole numbers,
// one line of text, a date and a tick box. Each says the step's problem with it (from the step's check) under it.
import { createSignal, For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { createYValue } from '../forms/y-signals.ts';
import { DateField } from '../forms/DateField.tsx';
import { FieldLabel } from '../forms/FieldLabel.tsx';

interface Bound {
  id: string;
  label: string;
  map: Y.Map<unknown>;
  hint?: string;
  problem?: string;
}

const describedBy = (id: string, hint?: string, problem?: string) =>
  [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].join(' ').trim() || undefined;

function Problem(props: { id: string; text?: string }) {
  return (
    <Show when={props.text}>
      <p class="error" id={`${props.id}-problem`}>
        {props.text}
      </p>
    </Show>
  );
}

/** One choice of a few. The first radio button carries the key as its id, so a problem can take focus there. */
export function Choice(props: Bound & { options: readonly { value: string; label: string; detail?: string }[] }) {
  const [value, setValue] = createYValue<string>(props.map, props.id);
  return (
    <fieldset
      class="field choice"
      aria-describedby={describedBy(props.id, props.hint, props.problem)}
      aria-invalid={!!props.problem}
    >
      <legend>{props.label}</legend>
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <For each={props.options}>
        {(option, index) => (
          <label class="option">
            <input
              type="radio"
              name={props.id}
              id={index() === 0 ? props.id : `${props.id}-${option.value}`}
              value={option.value}
              checked={value() === option.value}
              onChange={() => setValue(option.value)}
            />
            <span>
              {option.label}
              <Show when={option.detail}>
                <span class="muted option-detail"> {option.detail}</span>
              </Show>
            </span>
          </label>
        )}
      </For>
      <Problem id={props.id} text={props.problem} />
    </fieldset>
  );
}

export const yesNoOptions = [
  { value: 'Yes', label: 'Yes' },
  { value: 'No', label: 'No' },
] as const;

/** A number (days); text that is not a number is refused with a message and never saved over the last good value. */
export function NumberInput(props: Bound & { step?: number; min?: number; max?: number }) {
  const [value, setValue] = createYValue<number>(props.map, props.id);
  const [unreadable, setUnreadable] = createSignal(false);
  const problem = () => (unreadable() ? 'Give a number.' : props.problem);
  return (
    <div class="field small">
      <FieldLabel id={props.id} label={props.label} hint={props.hint} />
      <input
        id={props.id}
        type="number"
        inputmode="decimal"
        min={props.min ?? 0}
        max={props.max}
        step={props.step ?? 1}
        value={value() ?? ''}
        onInput={(event) => {
          const input = event.currentTarget;
          setUnreadable(input.validity.badInput);
          if (!input.validity.badInput) setValue(input.value === '' ? undefined : Number(input.value));
        }}
        aria-describedby={describedBy(props.id, props.hint, problem())}
        aria-invalid={!!problem()}
      />
      <Problem id={props.id} text={problem()} />
    </div>
  );
}

export function LineInput(props: Bound) {
  const [value, setValue] = createYValue<string>(props.map, props.id);
  return (
    <div class="field small">
      <FieldLabel id={props.id} label={props.label} hint={props.hint} />
      <input
        id={props.id}
        type="text"
        maxLength={200}
        value={value() ?? ''}
        onChange={(event) => setValue(event.currentTarget.value.trim() || undefined)}
        aria-describedby={describedBy(props.id, props.hint, props.problem)}
        aria-invalid={!!props.problem}
      />
      <Problem id={props.id} text={props.problem} />
    </div>
  );
}

/** A date in British form (03/12/2026), kept as "YYYY-MM-DD". */
export function DateLine(props: Bound) {
  const [value, setValue] = createYValue<string>(props.map, props.id);
  return (
    <DateField
      id={props.id}
      label={props.label}
      hint={props.hint}
      value={value()}
      onValue={setValue}
      problem={props.problem}
    />
  );
}

export function SelectInput(props: Bound & { options: readonly string[] }) {
  const [value, setValue] = createYValue<string>(props.map, props.id);
  return (
    <div class="field small">
      <FieldLabel id={props.id} label={props.label} hint={props.hint} />
      <select
        id={props.id}
        onChange={(event) => setValue(event.currentTarget.value || undefined)}
        aria-describedby={describedBy(props.id, props.hint, props.problem)}
        aria-invalid={!!props.problem}
      >
        <option value="" selected={value() === undefined}>
          Choose…
        </option>
        <For each={props.options}>
          {(option) => (
            <option value={option} selected={value() === option}>
              {option}
            </option>
          )}
        </For>
      </select>
      <Problem id={props.id} text={props.problem} />
    </div>
  );
}

/** A tick box bound to a boolean in a map (true when ticked, absent when not). */
export function TickBox(props: Bound & { key?: string }) {
  const [value, setValue] = createYValue<boolean>(props.map, props.key ?? props.id);
  return (
    <div class="field tick">
      <label class="option">
        <input
          type="checkbox"
          id={props.id}
          checked={value() === true}
          onChange={(event) => setValue(event.currentTarget.checked || undefined)}
          aria-describedby={describedBy(props.id, props.hint, props.problem)}
          aria-invalid={!!props.problem}
        />
        <span>{props.label}</span>
      </label>
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Problem id={props.id} text={props.problem} />
    </div>
  );
}
