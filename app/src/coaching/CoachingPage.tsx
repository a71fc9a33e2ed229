// "Coaching": the teachers this mentor coaches, each opening their coach page, and adding a teacher: chosen from
// the school's early career teachers when the mentor is signed in (so the coordinator's overview counts the
// cycles as theirs), or by name.
import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { reportWriters } from '../../../shared/protocol/member-access.ts';
import { teacherNameLabel } from '../../../shared/reports/coaching-record/doc.ts';
import { organisationApi } from '../organisation/organisation-api.ts';
import { signedIn } from '../organisation/signed-in.ts';
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

  const writer = () => {
    const role = signedIn()?.member.role;
    return role !== undefined && reportWriters.includes(role);
  };
  const [school] = createResource(writer, () => organisationApi.teachers());
  const coached = () => new Set((records() ?? []).flatMap((row) => row.learnerIds));
  const notYetCoached = () => {
    const answer = school();
    return answer?.ok ? answer.value.teachers.filter((teacher) => !coached().has(teacher.id)) : [];
  };
  const [chosen, setChosen] = createSignal('');
  const [chooseError, setChooseError] = createSignal('');
  const addFromSchool = async (event: SubmitEvent) => {
    event.preventDefault();
    const teacher = notYetCoached().find((each) => each.id === chosen());
    if (!teacher) return setChooseError('Choose one of your school’s early career teachers.');
    setChooseError('');
    const id = await withYourName((mentor) => addTeacher(teacher.name, mentor, teacher.id));
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
        <Show when={notYetCoached().length > 0}>
          <form class="inline-form" onSubmit={addFromSchool} aria-label="Add a teacher from your school">
            <div class="field small">
              <label for="school-teacher">Early career teacher in your school</label>
              <select
                id="school-teacher"
                value={chosen()}
                onChange={(e) => setChosen(e.currentTarget.value)}
                aria-describedby={chooseError() ? 'school-teacher-error' : undefined}
              >
                <option value="">Choose a teacher</option>
                <For each={notYetCoached()}>{(teacher) => <option value={teacher.id}>{teacher.name}</option>}</For>
              </select>
            </div>
            <button type="submit">Add this teacher</button>
            <Show when={chooseError()}>
              <p id="school-teacher-error" class="error" role="alert">
                {chooseError()}
              </p>
            </Show>
          </form>
        </Show>
        <form class="inline-form" onSubmit={add} aria-label="Add a teacher">
          <div class="field small">
            <label for="teacher-name">{teacherNameLabel}</label>
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
