// Whether the person on a report page is reading it rather than writing it: anyone who may not change its content
// now (a client, a reviewer, a teacher outside their own part, the tutor once it is submitted). The report page
// decides it once and provides it; the form's filling hints, its "Check report" and the page's writer's panels ask
// `useReading()` and are left out, and the page is laid out for reading (print.css's body.reading). On paper it is
// read by everyone: while the page prints, the writer gets the reader's view too. A text field is read whenever it is read-only, so no checks run in it (TextField.tsx).
import {
  type Accessor,
  createContext,
  createEffect,
  createSignal,
  type JSX,
  onCleanup,
  Show,
  useContext,
} from 'solid-js';

export const Reading = createContext<Accessor<boolean>>(() => false);

/** True while the person may read but not write what they are looking at. */
export function useReading(): Accessor<boolean> {
  return useContext(Reading);
}

const [printing, setPrinting] = createSignal(false);
let followingPrint = false;

/**
 * Whether this page is being read: while the person may not write (`mayNotWrite`), and for everyone while it prints,
 * so paper always has the reader's layout. Also lays the page out for reading (body.reading, print.css).
 */
export function createReading(mayNotWrite: Accessor<boolean>): Accessor<boolean> {
  if (!followingPrint) {
    followingPrint = true;
    // Solid redraws at once, before the browser lays the page out for printing.
    window.addEventListener('beforeprint', () => setPrinting(true));
    window.addEventListener('afterprint', () => setPrinting(false));
  }
  const reading = () => mayNotWrite() || printing();
  createEffect(() => document.body.classList.toggle('reading', reading()));
  onCleanup(() => document.body.classList.remove('reading'));
  return reading;
}

/** What only the writer needs (how to fill the form, a button that changes it): left out while reading. */
export function WritersOnly(props: { children: JSX.Element }): JSX.Element {
  const reading = useReading();
  return <Show when={!reading()}>{props.children}</Show>;
}

/** A hint on filling in a field, while it is shown: for a field's aria-describedby and its `<id>-hint` paragraph. */
export function useWritersHint(hint: Accessor<string | undefined>): Accessor<string | undefined> {
  const reading = useReading();
  return () => (reading() ? undefined : hint());
}
