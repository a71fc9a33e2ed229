// What changed between two versions: the values that changed, each from and to, then a word-level diff drawn field
// by field under each field's label. Added and removed words are <ins> and <del>
// (underlined and struck through, not told by colour alone), each starting with words a screen reader says.
import { For, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { FactChange } from '../../../shared/reports/report-facts.ts';
import type { DiffPart, FieldDiff } from './word-diff.ts';
import './history.css';

/** A part drawn once: a diff never changes, so no reactive wrapper per part (a long report has hundreds). */
function Part(props: { part: DiffPart }) {
  const { change, text } = props.part;
  if (change === 'same') return text;
  return change === 'added' ? (
    <ins>
      <span class="visually-hidden">Added: </span>
      {text}
    </ins>
  ) : (
    <del>
      <span class="visually-hidden">Removed: </span>
      {text}
    </del>
  );
}

/** Each value besides the free text that changed, as "Attendance: Sam Hill: Present → Absent". */
function FactChangesView(props: { changes: FactChange[]; heading: 'h3' | 'h4' }) {
  return (
    <Show when={props.changes.length > 0}>
      <div class="field-diff fact-changes">
        <Dynamic component={props.heading}>Details changed</Dynamic>
        <ul>
          <For each={props.changes}>
            {(change) => (
              <li>
                {change.label}:{' '}
                <del>
                  <span class="visually-hidden">Was: </span>
                  {change.before}
                </del>{' '}
                <span aria-hidden="true">→</span>{' '}
                <ins>
                  <span class="visually-hidden">Now: </span>
                  {change.after}
                </ins>
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}

/**
 * The values that changed (dates, choices, attendance, ticks), then each free-text field word by word. `onlyChanged`
 * leaves out fields that did not change; `heading` is the level of each field's label.
 */
export function DiffView(props: {
  diff: FieldDiff[];
  facts: FactChange[];
  heading: 'h3' | 'h4';
  onlyChanged?: boolean;
}) {
  const shown = () => props.diff.filter((field) => field.changed || !props.onlyChanged);
  return (
    <Show
      when={props.facts.length > 0 || props.diff.some((field) => field.changed)}
      fallback={<p>Nothing in the report changed between these versions.</p>}
    >
      <FactChangesView changes={props.facts} heading={props.heading} />
      <For each={shown()}>
        {(field) => (
          <div class="field-diff">
            <Dynamic component={props.heading}>{field.label}</Dynamic>
            <Show when={field.changed} fallback={<p class="muted">No change.</p>}>
              <p class="diff-text">
                <For each={field.parts}>{(part) => <Part part={part} />}</For>
              </p>
            </Show>
          </div>
        )}
      </For>
    </Show>
  );
}
