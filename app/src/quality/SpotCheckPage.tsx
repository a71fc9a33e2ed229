// Spot checks: the QA team lists tutors with the sessions each has delivered, and Margin picks at random,
// reproducibly from the seed, among those whose next session is their third, fourth or fifth. Signed in, the quality
// team fills the list from the organisation's session reports (GET /api/organisation/observation-plan), each tutor
// with their member id (two of one name named apart by the day each joined); tutors outside Margin are still typed
// in by hand.
import { createSignal, For, Index, Show } from 'solid-js';
import { observationPlanRoles } from '../../../shared/protocol/overviews.ts';
import { overviewsApi } from '../desks/overviews-api.ts';
import { signedIn } from '../organisation/signed-in.ts';
import { nextSession, pickSpotChecks, TutorSessions, type SpotCheckPicks } from '../../../shared/quality/spot-check.ts';
import { localDate } from '../../../shared/workflow/calendar.ts';
import { tutorLabel } from './tutor-label.ts';
import './quality.css';

interface Row {
  name: string;
  sessions: string;
  /** For a tutor filled in from Margin: their member id, which tells apart two of one name. */
  memberId?: string;
}

const storageKey = 'margin.quality.tutors';

function storedRows(): Row[] {
  try {
    const rows = JSON.parse(localStorage.getItem(storageKey) ?? '[]') as Row[];
    return Array.isArray(rows) && rows.length > 0
      ? rows.map((row) => ({
          name: String(row.name ?? ''),
          sessions: String(row.sessions ?? ''),
          ...(typeof row.memberId === 'string' && row.memberId ? { memberId: row.memberId } : {}),
        }))
      : [{ name: '', sessions: '' }];
  } catch {
    return [{ name: '', sessions: '' }];
  }
}

export function SpotCheckPage() {
  const [rows, setRows] = createSignal<Row[]>(storedRows());
  const [seed, setSeed] = createSignal(localDate(new Date()));
  const [count, setCount] = createSignal('1');
  const [errors, setErrors] = createSignal<string[]>([]);
  const [result, setResult] = createSignal<SpotCheckPicks | null>(null);

  const update = (index: number, change: Partial<Row>) => {
    const next = rows().map((row, i) => (i === index ? { ...row, ...change } : row));
    setRows(next);
    localStorage.setItem(storageKey, JSON.stringify(next));
  };
  const addRow = () => {
    setRows([...rows(), { name: '', sessions: '' }]);
    queueMicrotask(() => document.getElementById(`tutor-name-${rows().length - 1}`)?.focus());
  };
  const removeRow = (index: number) => {
    const next = rows().filter((_, i) => i !== index);
    setRows(next.length > 0 ? next : [{ name: '', sessions: '' }]);
    localStorage.setItem(storageKey, JSON.stringify(rows()));
  };

  const [filling, setFilling] = createSignal<{ busy: boolean; said?: string; problem?: string }>({ busy: false });
  const mayFill = () => {
    const role = signedIn()?.member.role;
    return role !== undefined && observationPlanRoles.includes(role);
  };
  /**
   * Puts the organisation's tutors, with their sessions delivered, in place of those filled in before and of rows typed
   * with one of their names; other typed rows stay. Each comes with their member id, so two of one name stay two.
   */
  const fillFromMargin = async () => {
    setFilling({ busy: true });
    const answer = await overviewsApi.observationPlan();
    if (!answer.ok) return setFilling({ busy: false, problem: answer.problem.message });
    const fromMargin: Row[] = answer.value.tutors.flatMap((tutor) =>
      tutor.member && tutor.id && tutor.sessionsDelivered !== undefined
        ? [
            {
              name: tutorLabel(tutor, answer.value.tutors),
              sessions: String(tutor.sessionsDelivered),
              memberId: tutor.id,
            },
          ]
        : [],
    );
    const key = (name: string) => name.trim().toLocaleLowerCase('en-GB');
    const names = new Set(answer.value.tutors.flatMap((tutor) => (tutor.member ? [key(tutor.name)] : [])));
    const typed = rows().filter((row) => !row.memberId && row.name.trim() && !names.has(key(row.name)));
    const next = [...fromMargin, ...typed];
    setRows(next.length > 0 ? next : [{ name: '', sessions: '' }]);
    localStorage.setItem(storageKey, JSON.stringify(next));
    setFilling({
      busy: false,
      said: `${fromMargin.length} ${fromMargin.length === 1 ? 'tutor' : 'tutors'} from Margin’s session reports, and ${typed.length} typed in.`,
    });
  };

  const pick = (event: SubmitEvent) => {
    event.preventDefault();
    const problems: string[] = [];
    const tutors: TutorSessions[] = [];
    rows().forEach((row, index) => {
      const parsed = TutorSessions.safeParse({
        name: row.name,
        sessionsDelivered: row.sessions.trim() === '' ? undefined : Number(row.sessions),
        memberId: row.memberId,
      });
      if (parsed.success) tutors.push(parsed.data);
      else problems.push(`Tutor ${index + 1}: ${parsed.error.issues[0].message}`);
    });
    const howMany = Number(count());
    if (!Number.isInteger(howMany) || howMany < 1) problems.push('Pick at least one tutor: give a whole number.');
    if (!seed().trim()) problems.push('Give a seed: the same seed and list always give the same picks.');
    setErrors(problems);
    setResult(problems.length > 0 ? null : pickSpotChecks(tutors, howMany, seed().trim()));
  };

  return (
    <>
      <h1>Spot checks</h1>
      <p>
        <a href="/quality">Back to quality observations</a>
      </p>
      <form class="card" onSubmit={pick} aria-labelledby="tutors-heading" novalidate>
        <h2 id="tutors-heading">New tutors</h2>
        <p class="hint">Tutors whose next session is their third, fourth or fifth can be picked.</p>
        <Show when={mayFill()}>
          <p>
            <button type="button" class="secondary" disabled={filling().busy} onClick={() => void fillFromMargin()}>
              Fill in from session reports
            </button>{' '}
            Each tutor’s sessions delivered, counted from their session reports; tutors outside Margin stay as typed.
          </p>
          <Show when={filling().said}>
            <p role="status">{filling().said}</p>
          </Show>
          <Show when={filling().problem}>
            <p role="alert">{filling().problem}</p>
          </Show>
        </Show>
        <Index each={rows()}>
          {(row, index) => (
            <div class="row tutor-row">
              <div class="field small">
                <label for={`tutor-name-${index}`}>Tutor {index + 1}: name</label>
                <input
                  id={`tutor-name-${index}`}
                  type="text"
                  maxLength={120}
                  value={row().name}
                  onInput={(e) => update(index, { name: e.currentTarget.value, memberId: undefined })}
                />
              </div>
              <div class="field small">
                <label for={`tutor-sessions-${index}`}>Sessions delivered</label>
                <input
                  id={`tutor-sessions-${index}`}
                  type="number"
                  min="0"
                  step="1"
                  inputMode="numeric"
                  value={row().sessions}
                  onInput={(e) => update(index, { sessions: e.currentTarget.value })}
                />
              </div>
              <button
                type="button"
                class="secondary"
                aria-label={`Remove tutor ${index + 1}`}
                onClick={() => removeRow(index)}
              >
                Remove
              </button>
            </div>
          )}
        </Index>
        <button type="button" class="secondary" onClick={addRow}>
          Add a tutor
        </button>
        <div class="row">
          <div class="field small">
            <label for="spot-seed">Seed</label>
            <input
              id="spot-seed"
              type="text"
              maxLength={60}
              value={seed()}
              onInput={(e) => setSeed(e.currentTarget.value)}
              aria-describedby="spot-seed-hint"
            />
            <p class="hint" id="spot-seed-hint">
              The same seed and list always give the same picks.
            </p>
          </div>
          <div class="field small">
            <label for="spot-count">How many to pick</label>
            <input
              id="spot-count"
              type="number"
              min="1"
              step="1"
              value={count()}
              onInput={(e) => setCount(e.currentTarget.value)}
            />
          </div>
        </div>
        <button type="submit">Pick tutors</button>
        <Show when={errors().length > 0}>
          <ul class="error" role="alert">
            <For each={errors()}>{(problem) => <li>{problem}</li>}</For>
          </ul>
        </Show>
      </form>
      <Show when={result()}>
        {(picked) => (
          <section class="card" aria-labelledby="picks-heading">
            <h2 id="picks-heading">Picked for a spot check</h2>
            <p>
              {picked().eligible.length} of {rows().length} tutors eligible.
            </p>
            <Show
              when={picked().picks.length > 0}
              fallback={<p class="muted">No tutor is about to give their third, fourth or fifth session.</p>}
            >
              <ol class="picks">
                <For each={picked().picks}>
                  {(tutor) => (
                    <li>
                      {tutor.name}: observe session {nextSession(tutor)}
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          </section>
        )}
      </Show>
    </>
  );
}
