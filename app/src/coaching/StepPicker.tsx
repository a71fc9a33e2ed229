// Choosing the next action step: search the library (strands › modules › steps, with their success
// criteria) and choose one, or write a step of your own with its criteria.
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { ChosenStep } from '../../../shared/reports/coaching-cycle/cycle.ts';
import { searchSteps } from '../../../shared/coaching/library.ts';
import { library } from './library-store.ts';

export function StepPicker(props: { onChoose: (step: ChosenStep) => void }) {
  const [query, setQuery] = createSignal('');
  const found = createMemo(() => searchSteps(library(), query()));
  const [title, setTitle] = createSignal('');
  const [criteria, setCriteria] = createSignal('');
  const [customError, setCustomError] = createSignal('');

  const chooseCustom = () => {
    const lines = criteria()
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (!title().trim()) return setCustomError('Write the step before setting it.');
    props.onChoose({
      id: `custom-${crypto.randomUUID().slice(0, 8)}`,
      title: title().trim(),
      successCriteria: lines.slice(0, 10),
      source: 'custom',
    });
  };

  return (
    <div class="step-picker">
      <div class="field">
        <label for="step-search">Search the library</label>
        <input
          id="step-search"
          type="search"
          value={query()}
          onInput={(e) => setQuery(e.currentTarget.value)}
          aria-describedby="step-search-count"
        />
        <p class="hint" id="step-search-count" aria-live="polite">
          {found().length} step{found().length === 1 ? '' : 's'} in {library().name}
        </p>
      </div>
      <ul class="step-results">
        <For each={found()}>
          {({ step, strand, module }) => (
            <li>
              <div>
                <strong>{step.title}</strong>
                <span class="hint">
                  {' '}
                  {strand.title} › {module.title}
                </span>
                <ul class="criteria">
                  <For each={step.successCriteria}>{(criterion) => <li>{criterion}</li>}</For>
                </ul>
              </div>
              <button
                type="button"
                class="secondary"
                aria-label={`Choose “${step.title}”`}
                onClick={() =>
                  props.onChoose({ ...step, source: 'library', strand: strand.title, module: module.title })
                }
              >
                Choose
              </button>
            </li>
          )}
        </For>
      </ul>
      <details class="custom-step">
        <summary>Write your own step</summary>
        <div class="field">
          <label for="custom-step-title">Your step</label>
          <input
            id="custom-step-title"
            type="text"
            maxLength={200}
            value={title()}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="custom-step-criteria">Success criteria, one a line</label>
          <textarea
            id="custom-step-criteria"
            rows={3}
            value={criteria()}
            onInput={(e) => setCriteria(e.currentTarget.value)}
          />
        </div>
        <button type="button" onClick={chooseCustom}>
          Set this step
        </button>
        <Show when={customError()}>
          <p class="error" role="alert">
            {customError()}
          </p>
        </Show>
      </details>
    </div>
  );
}
