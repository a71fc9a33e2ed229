// The tutor's home page: their name once, their learners, and their sessions with a report each.
import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { db } from '../store/db.ts';
import { createLiveQuery } from '../store/live.ts';
import { addSession } from '../store/new-session.ts';
import { loadName, saveName } from '../store/profile.ts';

const today = () => new Date().toLocaleDateString('en-CA');
const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

export function Home() {
  const [name, { mutate }] = createResource(loadName);
  return (
    <Show when={!name.loading}>
      <Show when={name()} fallback={<Welcome onSaved={(saved) => mutate(saved)} />}>
        {(me) => <Dashboard name={me()} />}
      </Show>
    </Show>
  );
}

function Welcome(props: { onSaved: (name: string) => void }) {
  const [error, setError] = createSignal('');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget as HTMLFormElement).get('name') ?? '').trim();
    if (!name) return setError('Enter your name to continue.');
    await saveName(name);
    props.onSaved(name);
  };
  return (
    <section class="card narrow">
      <h1>Welcome to Margin</h1>
      <p>Your reports are saved on this device as you type, and shared only with the people you choose.</p>
      <form onSubmit={submit} novalidate>
        <div class="field">
          <label for="name">Your name</label>
          <input id="name" name="name" autocomplete="name" aria-describedby="name-error" aria-invalid={!!error()} />
          <p id="name-error" class="error" role="alert">{error()}</p>
        </div>
        <button type="submit">Continue</button>
      </form>
    </section>
  );
}

function Dashboard(props: { name: string }) {
  const learners = createLiveQuery(() => db.learners.orderBy('name').toArray());
  const sessions = createLiveQuery(() => db.sessions.orderBy('date').reverse().toArray());
  const learnerName = (id: string) => learners()?.find((learner) => learner.id === id)?.name ?? 'Unknown learner';
  return (
    <>
      <h1>Hello, {props.name}</h1>
      <div class="columns">
        <section class="card" aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">Sessions</h2>
          <Show when={(sessions() ?? []).length > 0} fallback={<p class="muted">No sessions yet. Add one to write its report.</p>}>
            <ul class="sessions">
              <For each={sessions()}>
                {(session) => (
                  <li>
                    <a href={`/report/${session.reportId}`}>
                      <span class="when">{longDate(session.date)}, {session.start}–{session.finish}</span>
                      <span class="who">{session.learnerIds.map(learnerName).join(', ')}</span>
                      <span class="what">{session.subject}</span>
                    </a>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <AddSession learners={learners() ?? []} tutor={props.name} />
        </section>
        <section class="card" aria-labelledby="learners-heading">
          <h2 id="learners-heading">Learners</h2>
          <Show when={(learners() ?? []).length > 0} fallback={<p class="muted">No learners yet.</p>}>
            <ul class="learners">
              <For each={learners()}>{(learner) => <li>{learner.name}</li>}</For>
            </ul>
          </Show>
          <AddLearner />
        </section>
      </div>
    </>
  );
}

function AddLearner() {
  const [error, setError] = createSignal('');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get('learnerName') ?? '').trim();
    if (!name) return setError("Enter the learner's name.");
    setError('');
    await db.learners.add({ id: crypto.randomUUID(), name, createdAt: new Date().toISOString() });
    form.reset();
  };
  return (
    <form onSubmit={submit} novalidate class="inline-form" aria-labelledby="add-learner-heading">
      <h3 id="add-learner-heading">Add a learner</h3>
      <div class="field">
        <label for="learnerName">Learner's name</label>
        <input id="learnerName" name="learnerName" autocomplete="off" aria-describedby="learner-error" aria-invalid={!!error()} />
        <p id="learner-error" class="error" role="alert">{error()}</p>
      </div>
      <button type="submit">Add learner</button>
    </form>
  );
}

function AddSession(props: { learners: { id: string; name: string }[]; tutor: string }) {
  const navigate = useNavigate();
  const [errors, setErrors] = createSignal<string[]>([]);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const value = (key: string) => String(data.get(key) ?? '').trim();
    const learner = props.learners.find((l) => l.id === value('learner'));
    const problems = [
      !learner && 'Choose a learner.',
      !value('date') && 'Choose the date of the session.',
      !value('start') && 'Give the start time.',
      !value('finish') && 'Give the finish time.',
      value('start') && value('finish') && value('finish') <= value('start') && 'The finish time must be after the start time.',
      !value('subject') && 'Give the subject.',
    ].filter((problem): problem is string => !!problem);
    setErrors(problems);
    if (problems.length > 0 || !learner) return;
    const reportId = await addSession(
      { date: value('date'), start: value('start'), finish: value('finish'), subject: value('subject'), learners: [{ id: learner.id, name: learner.name }] },
      props.tutor,
    );
    navigate(`/report/${reportId}`);
  };
  return (
    <form onSubmit={submit} novalidate class="inline-form" aria-labelledby="add-session-heading">
      <h3 id="add-session-heading">Add a session</h3>
      <Show when={props.learners.length > 0} fallback={<p class="muted">Add a learner first.</p>}>
        <div class="row">
          <div class="field small">
            <label for="session-learner">Learner</label>
            <select id="session-learner" name="learner">
              <For each={props.learners}>{(learner) => <option value={learner.id}>{learner.name}</option>}</For>
            </select>
          </div>
          <div class="field small">
            <label for="session-date">Date</label>
            <input id="session-date" name="date" type="date" value={today()} />
          </div>
          <div class="field small">
            <label for="session-start">Start</label>
            <input id="session-start" name="start" type="time" />
          </div>
          <div class="field small">
            <label for="session-finish">Finish</label>
            <input id="session-finish" name="finish" type="time" />
          </div>
          <div class="field small">
            <label for="session-subject">Subject</label>
            <input id="session-subject" name="subject" type="text" maxLength={120} />
          </div>
        </div>
        <Show when={errors().length > 0}>
          <ul class="error" role="alert">
            <For each={errors()}>{(problem) => <li>{problem}</li>}</For>
          </ul>
        </Show>
        <button type="submit">Add session and write report</button>
      </Show>
    </form>
  );
}
