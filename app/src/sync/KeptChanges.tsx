// Changes this device made that the relay did not add, shown to their author with what they said, so nothing
// typed is ever silently dropped. They stay until their author removes them.
import { For, Show } from 'solid-js';
import { createLiveQuery } from '../store/live.ts';
import { forgetKeptChange, keptChangesFor } from './kept-changes.ts';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import './sync.css';

export function KeptChanges(props: { reportId: string }) {
  const kept = createLiveQuery(() => keptChangesFor(props.reportId));
  return (
    <Show when={(kept() ?? []).length > 0}>
      <section class="kept-changes warning" aria-labelledby="kept-heading">
        <h2 id="kept-heading">Changes not added to the report</h2>
        <For each={kept()}>
          {(change) => (
            <div>
              <p>
                Your changes made while offline could not be added because the report was submitted; they are kept here
                (set aside {formatMoment(change.keptAt, 'this-year')}):
              </p>
              <Show when={change.fields.length > 0} fallback={<p>They changed nothing that can be shown as text.</p>}>
                <dl>
                  <For each={change.fields}>
                    {(field) => (
                      <>
                        <dt>{field.label}</dt>
                        <dd>{field.text || '(left empty)'}</dd>
                      </>
                    )}
                  </For>
                </dl>
              </Show>
              <button
                type="button"
                class="secondary"
                onClick={() => change.id !== undefined && void forgetKeptChange(change.id)}
              >
                I have copied what I need: remove these
              </button>
            </div>
          )}
        </For>
      </section>
    </Show>
  );
}
