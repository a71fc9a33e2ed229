// Learners and assignments: who the tutor teaches, and each assignment (one learner, or a group of two or
// three; a subject; start and end dates; the brief) that its plan, sessions and progress reports belong to.
import { useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { freeTextLimit, groupLabel, maxGroupSize } from '../../../shared/forms/fields.ts';
import { addDays, formatDate, localDate } from '../../../shared/workflow/calendar.ts';
import { fail } from '../../../shared/result.ts';
import { DateField, readDate } from '../forms/DateField.tsx';
import { addAssignment, addLearner } from '../store/assignments.ts';
import { db } from '../store/db.ts';
import { createLiveQuery } from '../store/live.ts';
import './home.css';

/** A typical assignment runs for a school term or so; the tutor changes the end date to the real one. */
const defaultWeeks = 12;

export function Assignments() {
  const learners = createLiveQuery(() => db.learners.orderBy('name').toArray());
  const assignments = createLiveQuery(() => db.assignments.orderBy('startDate').reverse().toArray());
  return (
    <>
      <h1>Assignments and learners</h1>
      <p>
        <a href="/">Back to your sessions</a>
      </p>
      <div class="columns">
        <section class="card" aria-labelledby="assignments-heading">
          <h2 id="assignments-heading">Assignments</h2>
          <Show
            when={(assignments() ?? []).length > 0}
            fallback={<p class="muted">No assignments yet. Add a learner, then an assignment.</p>}
          >
            <ul class="pending">
              <For each={assignments()}>
                {(assignment) => (
                  <li>
                    <a href={`/assignment/${assignment.id}`}>
                      {assignment.subject}: {assignment.learners.map((l) => l.name).join(', ')}
                    </a>
                    <span class="detail">
                      {assignment.learners.length > 1
                        ? `Group ${groupLabel(assignment.learners.length)}`
                        : 'Individual'}
                      , {formatDate(assignment.startDate)} to {formatDate(assignment.endDate)}
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <AddAssignment learners={learners() ?? []} />
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
    await addLearner(name);
    form.reset();
  };
  return (
    <form onSubmit={submit} novalidate class="inline-form" aria-labelledby="add-learner-heading">
      <h3 id="add-learner-heading">Add a learner</h3>
      <div class="field">
        <label for="learnerName">Learner's name</label>
        <input
          id="learnerName"
          name="learnerName"
          autocomplete="off"
          maxLength={120}
          aria-describedby="learner-error"
          aria-invalid={!!error()}
        />
        <p id="learner-error" class="error" role="alert">
          {error()}
        </p>
      </div>
      <button type="submit">Add learner</button>
    </form>
  );
}

const fieldIds: Record<string, string> = {
  learners: 'assignment-learners',
  subject: 'assignment-subject',
  startDate: 'assignment-start',
  endDate: 'assignment-end',
  brief: 'assignment-brief',
};

function AddAssignment(props: { learners: { id: string; name: string }[] }) {
  const navigate = useNavigate();
  const [problems, setProblems] = createSignal<{ field: string; message: string }[]>([]);
  const [briefLength, setBriefLength] = createSignal(0);
  const today = localDate(new Date());
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const value = (key: string) => String(data.get(key) ?? '');
    const dates = { startDate: readDate(data, 'startDate'), endDate: readDate(data, 'endDate') };
    const unreadable = Object.entries(dates).flatMap(([field, read]) =>
      read.ok ? [] : [{ field, message: read.problem }],
    );
    const result =
      unreadable.length > 0
        ? fail(unreadable)
        : await addAssignment({
            learnerIds: data.getAll('learners').map(String),
            subject: value('subject'),
            startDate: (dates.startDate.ok && dates.startDate.value) || '',
            endDate: (dates.endDate.ok && dates.endDate.value) || '',
            brief: value('brief'),
          });
    if (!result.ok) {
      setProblems(result.problem);
      document.getElementById(fieldIds[result.problem[0]!.field] ?? 'assignment-learners')?.focus();
      return;
    }
    navigate(`/assignment/${result.value}`);
  };
  return (
    <form onSubmit={submit} novalidate class="inline-form" aria-labelledby="add-assignment-heading">
      <h3 id="add-assignment-heading">Add an assignment</h3>
      <Show when={props.learners.length > 0} fallback={<p class="muted">Add a learner first.</p>}>
        <fieldset id="assignment-learners" tabindex="-1">
          <legend>Learners: one, or up to {maxGroupSize} for a group</legend>
          <div class="checkboxes">
            <For each={props.learners}>
              {(learner) => (
                <label>
                  <input type="checkbox" name="learners" value={learner.id} />
                  {learner.name}
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <div class="row">
          <div class="field small">
            <label for="assignment-subject">Subject</label>
            <input id="assignment-subject" name="subject" type="text" maxLength={120} />
          </div>
          <DateField id="assignment-start" name="startDate" label="Start date" value={today} />
          <DateField id="assignment-end" name="endDate" label="End date" value={addDays(today, defaultWeeks * 7)} />
        </div>
        <div class="field">
          <label for="assignment-brief">Comments from the assignment brief</label>
          <p class="hint" id="assignment-brief-hint">
            Copied into each learner's plan, where it cannot be changed.
          </p>
          <textarea
            id="assignment-brief"
            name="brief"
            rows="3"
            maxLength={freeTextLimit}
            aria-describedby="assignment-brief-hint assignment-brief-count"
            onInput={(e) => setBriefLength(e.currentTarget.value.length)}
          />
          <p class="count" id="assignment-brief-count">
            {briefLength()}/{freeTextLimit}
          </p>
        </div>
        <Show when={problems().length > 0}>
          <div role="alert">
            <ul class="error">
              <For each={problems()}>
                {(problem) => (
                  <li>
                    <a
                      href={`#${fieldIds[problem.field] ?? 'assignment-learners'}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(fieldIds[problem.field] ?? 'assignment-learners')?.focus();
                      }}
                    >
                      {problem.message}
                    </a>
                  </li>
                )}
              </For>
            </ul>
          </div>
        </Show>
        <button type="submit">Add assignment</button>
      </Show>
    </form>
  );
}
