// "Coaching": the teachers this mentor coaches, each opening their coach page, and adding a teacher.
import { useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { db } from '../store/db.ts';
import { createLiveQuery } from '../store/live.ts';
import { withYourName } from '../collab/your-name.ts';
import { addTeacher } from './coaching-store.ts';
import './coaching.css';

export function CoachingPage() {
  const records = createLiveQuery(async () =>
    (await db.reports.where('type').equals('coaching-record').toArray()).sort((a, b) =>
      (a.learnerNames[0] ?? '').localeCompare(b.learnerNames[0] ?? ''),
    ),
  );
  const [name, setName] = createSignal('');
  const [error, setError] = createSignal('');
  const navigate = useNavigate();

  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!name().trim()) return setError('Give the teacher’s name.');
    setError('');
    const id = await withYourName((mentor) => addTeacher(name(), mentor));
    if (id) navigate(`/coaching/${id}`);
  };

  return (
    <>
      <h1>Coaching</h1>
      <p>
        Observe each teacher, review their last action step and set the next one: one bite-sized step at a time.{' '}
        <a href="/coaching/library">Step library</a>
      </p>
      <section class="card" aria-labelledby="teachers-heading">
        <h2 id="teachers-heading">Your teachers</h2>
        <Show
          when={(records() ?? []).length > 0}
          fallback={<p class="muted">No teachers yet. Add the first one below.</p>}
        >
          <ul class="pending">
            <For each={records()}>
              {(row) => (
                <li>
                  <a href={`/coaching/${row.id}`}>{row.learnerNames[0] ?? row.title}</a>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <form class="inline-form" onSubmit={add} aria-label="Add a teacher">
          <div class="field small">
            <label for="teacher-name">Teacher’s name</label>
            <input
              id="teacher-name"
              type="text"
              maxLength={120}
              value={name()}
              onInput={(e) => setName(e.currentTarget.value)}
              aria-describedby={error() ? 'teacher-error' : undefined}
            />
          </div>
          <button type="submit">Add a teacher</button>
          <Show when={error()}>
            <p id="teacher-error" class="error" role="alert">
              {error()}
            </p>
          </Show>
        </form>
      </section>
    </>
  );
}
