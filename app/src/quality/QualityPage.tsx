// "Quality": the QA team's observations of tutors (first, second and third), and starting one: of a tutor chosen
// from the organisation's (so the plan of observations knows them by member id, whatever their name), or of someone
// outside Margin by name.
import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { observationPlanRoles } from '../../../shared/protocol/overviews.ts';
import { formatDate, localDate } from '../../../shared/workflow/calendar.ts';
import { DateField, readDate } from '../forms/DateField.tsx';
import { db } from '../store/db.ts';
import { createLiveQuery } from '../store/live.ts';
import { withYourName } from '../collab/your-name.ts';
import { overviewsApi } from '../desks/overviews-api.ts';
import { signedIn } from '../organisation/signed-in.ts';
import { startObservation } from './quality-store.ts';
import { tutorLabel } from './tutor-label.ts';
import './quality.css';

export function QualityPage() {
  const observations = createLiveQuery(async () =>
    (await db.reports.where('type').equals('qa-observation').toArray()).sort((a, b) =>
      b.sessionDate.localeCompare(a.sessionDate),
    ),
  );
  const [tutor, setTutor] = createSignal('');
  const [error, setError] = createSignal('');
  const navigate = useNavigate();

  const start = async (event: SubmitEvent) => {
    event.preventDefault();
    const date = readDate(new FormData(event.currentTarget as HTMLFormElement), 'date');
    if (!tutor().trim()) return setError('Give the tutor’s name.');
    if (!date.ok) return setError(date.problem);
    if (!date.value) return setError('Give the date of the session observed.');
    setError('');
    const id = await withYourName((name) => startObservation({ name: tutor() }, date.value!, name));
    if (id) navigate(`/report/${id}`);
  };

  const mayChoose = () => {
    const role = signedIn()?.member.role;
    return role !== undefined && observationPlanRoles.includes(role);
  };
  const [plan] = createResource(mayChoose, () => overviewsApi.observationPlan());
  const everyone = () => {
    const answer = plan();
    return answer?.ok ? answer.value.tutors : [];
  };
  const planProblem = () => {
    const answer = plan();
    return answer && !answer.ok ? answer.problem.message : undefined;
  };
  const tutors = () => everyone().filter((each) => each.member && each.id);
  const [chosen, setChosen] = createSignal('');
  const [chooseError, setChooseError] = createSignal('');
  const startChosen = async (event: SubmitEvent) => {
    event.preventDefault();
    const date = readDate(new FormData(event.currentTarget as HTMLFormElement), 'date');
    const member = tutors().find((each) => each.id === chosen());
    if (!member) return setChooseError('Choose one of your organisation’s tutors.');
    if (!date.ok) return setChooseError(date.problem);
    if (!date.value) return setChooseError('Give the date of the session observed.');
    setChooseError('');
    const id = await withYourName((name) => startObservation(member, date.value!, name));
    if (id) navigate(`/report/${id}`);
  };

  return (
    <>
      <h1>Quality observations</h1>
      <p>
        Observe a session against the four competencies and send the tutor written feedback.{' '}
        <a href="/quality/spot-checks">Spot checks of new tutors</a> · <a href="/quality/plan">Plan of observations</a>
      </p>
      <section class="card" aria-labelledby="observations-heading">
        <h2 id="observations-heading">Observations</h2>
        <Show when={(observations() ?? []).length > 0} fallback={<p class="muted">No observations yet.</p>}>
          <ul class="pending">
            <For each={observations()}>
              {(row) => (
                <li>
                  <a href={`/report/${row.id}`}>{row.title.replace(/^Quality observation: /, '')}</a>
                  <span class="detail">
                    {formatDate(row.sessionDate)}, {row.status === 'draft' ? 'being written' : 'feedback sent'}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={mayChoose()}>
          <form class="inline-form" onSubmit={startChosen} aria-label="Observe one of your tutors">
            <Show when={planProblem()}>{(message) => <p role="alert">{message()}</p>}</Show>
            <div class="row">
              <div class="field small">
                <label for="chosen-tutor">Tutor in your organisation</label>
                <select
                  id="chosen-tutor"
                  value={chosen()}
                  onChange={(e) => setChosen(e.currentTarget.value)}
                  aria-describedby={chooseError() ? 'chosen-tutor-error' : undefined}
                >
                  <option value="">Choose a tutor</option>
                  <For each={tutors()}>{(each) => <option value={each.id}>{tutorLabel(each, everyone())}</option>}</For>
                </select>
              </div>
              <DateField id="chosen-date" name="date" label="Date of the session" value={localDate(new Date())} />
            </div>
            <button type="submit">Observe this tutor</button>
            <Show when={chooseError()}>
              <p id="chosen-tutor-error" class="error" role="alert">
                {chooseError()}
              </p>
            </Show>
          </form>
        </Show>
        <form class="inline-form" onSubmit={start} aria-label="Start an observation">
          <div class="row">
            <div class="field small">
              <label for="observed-tutor">Tutor observed</label>
              <input
                id="observed-tutor"
                type="text"
                maxLength={120}
                value={tutor()}
                onInput={(e) => setTutor(e.currentTarget.value)}
              />
            </div>
            <DateField id="observed-date" name="date" label="Date of the session" value={localDate(new Date())} />
          </div>
          <button type="submit">Start an observation</button>
          <Show when={error()}>
            <p class="error" role="alert">
              {error()}
            </p>
          </Show>
        </form>
      </section>
    </>
  );
}
