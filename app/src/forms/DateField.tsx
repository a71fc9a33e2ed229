// The app's one date field and one time field: text in British form (03/12/2026, 16:00) whatever the
// browser's locale, read by shared/forms/uk-dates.ts into the values the documents store
// ("2026-12-03", "16:00"). Text that cannot be read stays as typed, with a message saying why.
import { createEffect, createSignal, on, Show } from 'solid-js';
import { dateFieldText, dateHint, parseDate, parseTime, timeHint, type Typed } from '../../../shared/forms/uk-dates.ts';
import { useWritersHint } from '../collab/reading.tsx';
import { FieldLabel } from './FieldLabel.tsx';

export interface WhenFieldProps {
  id: string;
  label: string;
  /** For a form read with FormData: the field's text is sent under this name; read it with readDate or readTime. */
  name?: string;
  /** The stored value ("YYYY-MM-DD" or "HH:MM"); the field shows it again whenever it changes. */
  value?: string;
  /** Called when the person leaves the field with text that can be read (undefined when they emptied it). */
  onValue?: (value: string | undefined) => void;
  /** Said after the format hint. */
  hint?: string;
  /** A rule the value breaks, from the form's own checks. */
  problem?: string;
  readOnly?: boolean;
}

interface Kind {
  hint: string;
  parse: (typed: string) => Typed;
  text: (value: string | undefined) => string;
  size: number;
}

const kinds = {
  date: { hint: dateHint, parse: parseDate, text: dateFieldText, size: 12 },
  time: { hint: timeHint, parse: parseTime, text: (value) => value ?? '', size: 6 },
} satisfies Record<string, Kind>;

function WhenField(props: WhenFieldProps & { kind: Kind }) {
  const [text, setText] = createSignal(props.kind.text(props.value));
  const [unreadable, setUnreadable] = createSignal<string>();
  createEffect(
    on(
      () => props.value,
      (value) => {
        setText(props.kind.text(value));
        setUnreadable(undefined);
      },
      { defer: true },
    ),
  );
  const leave = (typed: string) => {
    const read = props.kind.parse(typed);
    if (!read.ok) return setUnreadable(read.problem);
    setUnreadable(undefined);
    setText(props.kind.text(read.value));
    if (read.value !== props.value) props.onValue?.(read.value);
  };
  const problem = () => unreadable() ?? props.problem;
  const hint = () => (props.hint ? `${props.kind.hint}. ${props.hint}` : `${props.kind.hint}.`);
  // A reader is shown no hint (FieldLabel leaves it out), so the input points only to what is there.
  const shownHint = useWritersHint(hint);
  return (
    <div class="field small">
      <FieldLabel id={props.id} label={props.label} hint={hint()} />
      <input
        id={props.id}
        name={props.name}
        type="text"
        autocomplete="off"
        spellcheck={false}
        size={props.kind.size}
        value={text()}
        onInput={(event) => {
          setText(event.currentTarget.value);
          // A message goes as soon as the text can be read; a new one waits until the person leaves the field.
          if (unreadable() && props.kind.parse(event.currentTarget.value).ok) setUnreadable(undefined);
        }}
        onChange={(event) => leave(event.currentTarget.value)}
        disabled={props.readOnly}
        aria-describedby={
          [shownHint() ? `${props.id}-hint` : '', problem() ? `${props.id}-problem` : ''].join(' ').trim() || undefined
        }
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

/** A date typed day first (03/12/2026, 3 Dec 2026), kept as "YYYY-MM-DD". */
export const DateField = (props: WhenFieldProps) => <WhenField {...props} kind={kinds.date} />;

/** A time on the 24-hour clock (16:00; 4pm and 1600 are read too), kept as "HH:MM". */
export const TimeField = (props: WhenFieldProps) => <WhenField {...props} kind={kinds.time} />;

/** A date field's text from a submitted form, read into its stored value or the reason it cannot be. */
export const readDate = (data: FormData, name: string): Typed => parseDate(String(data.get(name) ?? ''));

/** A time field's text from a submitted form, read into its stored value or the reason it cannot be. */
export const readTime = (data: FormData, name: string): Typed => parseTime(String(data.get(name) ?? ''));
