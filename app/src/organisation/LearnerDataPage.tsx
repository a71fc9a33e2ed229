// /organisation/learner-data: an administrator's answer to a learner's data rights (docs/protocol.md, "A learner's
// data"). Export everything the organisation holds about one learner (every report naming them, whole, with its
// comments and decisions) as JSON or PDF; or erase it from the relay, confirmed by typing the learner's name again.
// Reports that name other learners too are listed first and go only when the administrator includes them.
import { createSignal, For, Show } from 'solid-js';
import { fileNamePart } from '../../../shared/pdf/text-pages.ts';
import {
  LearnerErasure,
  learnerDataPaths,
  LearnerExport,
  type SharedReports,
} from '../../../shared/protocol/learner-data.ts';
import { AdministratorsOnly } from './AdministratorsOnly.tsx';
import { call } from './organisation-api.ts';
import './organisation.css';

export function LearnerDataPage() {
  return (
    <AdministratorsOnly title="A learner’s data" what="learners’ data">
      <LearnerData />
    </AdministratorsOnly>
  );
}

/** Hands bytes to the browser as a download. */
function download(bytes: BlobPart, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function LearnerData() {
  const [learner, setLearner] = createSignal('');
  const [said, setSaid] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [confirmation, setConfirmation] = createSignal('');
  const [shared, setShared] = createSignal<SharedReports['shared']>([]);
  const [includeShared, setIncludeShared] = createSignal(false);
  const name = () => learner().trim();

  const start = () => {
    setSaid('');
    setProblem('');
    if (!name()) {
      setProblem('Type the learner’s full name first.');
      return false;
    }
    setBusy(true);
    return true;
  };

  const exportJson = async () => {
    if (!start()) return;
    const answer = await call(LearnerExport, 'GET', learnerDataPaths.export(name(), 'json'));
    setBusy(false);
    if (!answer.ok) return setProblem(answer.problem.message);
    download(JSON.stringify(answer.value, null, 2), 'application/json', `${fileNamePart(name())}-data.json`);
    setSaid(`Exported ${reportsWords(answer.value.reports.length)} about ${name()} as JSON.`);
  };

  const exportPdf = async () => {
    if (!start()) return;
    try {
      const response = await fetch(learnerDataPaths.export(name(), 'pdf'), { credentials: 'same-origin' });
      if (!response.ok) {
        const error = ((await response.json().catch(() => ({}))) as { error?: string }).error;
        return setProblem(error ?? `The relay refused this (${response.status}).`);
      }
      download(await response.arrayBuffer(), 'application/pdf', `${fileNamePart(name())}-data.pdf`);
      setSaid(`Exported everything about ${name()} as a PDF.`);
    } catch {
      setProblem('Margin could not reach the relay. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  };

  const erase = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!start()) return;
    const response = await fetch(learnerDataPaths.erase(name()), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ confirmation: confirmation(), includeShared: includeShared() }),
    }).catch(() => undefined);
    setBusy(false);
    if (!response) return setProblem('Margin could not reach the relay. Check your connection and try again.');
    const body = (await response.json().catch(() => ({}))) as Partial<SharedReports>;
    if (response.status === 409 && body.shared) {
      setShared(body.shared);
      return setProblem(body.error ?? '');
    }
    const erased = LearnerErasure.safeParse(body);
    if (!response.ok || !erased.success)
      return setProblem(body.error ?? `The relay refused this (${response.status}).`);
    setShared([]);
    setIncludeShared(false);
    setConfirmation('');
    setSaid(
      `Erased ${reportsWords(erased.data.erased)} about ${erased.data.learner}. Devices drop their copies when they next connect.`,
    );
  };

  return (
    <div class="organisation-page learner-data">
      <h1>A learner’s data</h1>
      <p>
        When a learner, or someone acting for them, asks for the information your organisation holds about them, export
        it here. When they ask for it to be erased, and you have no reason to keep it, erase it here. Both are recorded
        in the audit log.
      </p>
      <p>
        <label for="learner-name">Learner’s full name</label>
        <input
          id="learner-name"
          type="text"
          autocomplete="off"
          value={learner()}
          onInput={(event) => {
            setLearner(event.currentTarget.value);
            setShared([]);
            setIncludeShared(false);
          }}
        />
      </p>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <p>Every report that names the learner, with all its fields (internal ones too), comments and decisions.</p>
        <p>
          <button type="button" disabled={busy()} onClick={() => void exportJson()}>
            Export as JSON
          </button>{' '}
          <button type="button" class="secondary" disabled={busy()} onClick={() => void exportPdf()}>
            Export as PDF
          </button>
        </p>
      </section>
      <section aria-labelledby="erase-heading">
        <h2 id="erase-heading">Erase</h2>
        <p class="warning">
          Erasing deletes every report that names this learner, with its comments, decisions and links, from the relay.
          It cannot be undone. Devices that hold a copy drop it when they next connect. Export first if you need a copy.
        </p>
        <form onSubmit={(event) => void erase(event)}>
          <p>
            <label for="erase-confirmation">
              To confirm, type the learner’s name{name() ? ` (${name()})` : ''} again
            </label>
            <input
              id="erase-confirmation"
              type="text"
              autocomplete="off"
              value={confirmation()}
              onInput={(event) => setConfirmation(event.currentTarget.value)}
            />
          </p>
          <Show when={shared().length > 0}>
            <p>These reports name other learners too:</p>
            <ul>
              <For each={shared()}>
                {(report) => (
                  <li>
                    {report.title} ({report.learners.join(', ')})
                  </li>
                )}
              </For>
            </ul>
            <p>
              <input
                id="include-shared"
                type="checkbox"
                checked={includeShared()}
                onChange={(event) => setIncludeShared(event.currentTarget.checked)}
              />{' '}
              <label for="include-shared">Erase these reports too, with what they say about the other learners</label>
            </p>
          </Show>
          <p>
            <button type="submit" class="danger" disabled={busy()}>
              Erase this learner’s data
            </button>
          </p>
        </form>
      </section>
      <p role="status">{said()}</p>
      <Show when={problem()}>
        <p role="alert" class="error">
          {problem()}
        </p>
      </Show>
    </div>
  );
}

const reportsWords = (count: number) => `${count} ${count === 1 ? 'report' : 'reports'}`;
