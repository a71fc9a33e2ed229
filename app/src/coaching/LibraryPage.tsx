// The step library page: every strand, module and step with its success criteria; import a school's own
// library from a JSON file (checked against the schema; on any error nothing is replaced) and export it.
import { createSignal, For, Show } from 'solid-js';
import { library, importLibrary, libraryFileName, restoreStarterLibrary } from './library-store.ts';
import { StepCard } from './StepCard.tsx';
import './coaching.css';

export function LibraryPage() {
  const [message, setMessage] = createSignal('');
  const [error, setError] = createSignal('');

  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setMessage('');
    setError('');
    const result = importLibrary(await file.text());
    if (result.ok) setMessage(`Imported “${result.value.name}”: ${result.value.strands.length} strands.`);
    else setError(`${file.name}: ${result.problem}`);
  };

  const exportLibrary = () => {
    const blob = new Blob([JSON.stringify(library(), null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = libraryFileName(library());
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const backToStarter = () => {
    restoreStarterLibrary();
    setError('');
    setMessage('Using Margin’s starter library.');
  };

  return (
    <>
      <h1>Step library</h1>
      <p>
        <a href="/coaching">Back to coaching</a>
      </p>
      <section class="card" aria-labelledby="library-file-heading">
        <h2 id="library-file-heading">Your school’s library</h2>
        <p>
          In use: <strong>{library().name}</strong>. Import a library file (JSON) to use your school’s own steps, or
          export this one to edit it.
        </p>
        <div class="library-actions">
          <div class="field small">
            <label for="library-file">Import a library file</label>
            <input
              id="library-file"
              type="file"
              accept="application/json,.json"
              onChange={(event) => void readFile(event.currentTarget)}
            />
          </div>
          <button type="button" onClick={exportLibrary}>
            Export the library
          </button>
          <button type="button" class="secondary" onClick={backToStarter}>
            Use the starter library
          </button>
        </div>
        <p role="status" class="hint">
          {message()}
        </p>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
      </section>
      <For each={library().strands}>
        {(strand) => (
          <section class="card" aria-labelledby={`strand-${strand.id}`}>
            <h2 id={`strand-${strand.id}`}>{strand.title}</h2>
            <For each={strand.modules}>
              {(module) => (
                <div class="library-module">
                  <h3>{module.title}</h3>
                  <For each={module.steps}>
                    {(step) => <StepCard step={{ ...step, source: 'library' }} headingLevel={4} />}
                  </For>
                </div>
              )}
            </For>
          </section>
        )}
      </For>
    </>
  );
}
