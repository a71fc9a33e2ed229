// One assignment: its reports with their due dates (the plan by the second session, a progress report every
// six weeks from the first session, the final report at the end date), each due, overdue or done, and its
// sessions. Reports and sessions are started here.
import { useNavigate, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { groupLabel } from '../../../shared/forms/fields.ts';
import { formatDate, localDate } from '../../../shared/workflow/calendar.ts';
import { dueReports } from '../../../shared/reports/assignment-reports.ts';
import type { DueReport } from '../../../shared/workflow/due-dates.ts';
import { statusLabels } from '../../../shared/workflow/status.ts';
import { DateField, readDate, readTime, TimeField } from '../forms/DateField.tsx';
import { db, type AssignmentRow } from '../store/db.ts';
import { groupFiled, scheduleOf, sessionItems } from '../store/home-queries.ts';
import { createLiveQuery } from '../store/live.ts';
import { assignmentSummary, startAssignmentReport } from '../store/new-report.ts';
import { addSession } from '../store/new-session.ts';
import { loadName } from '../store/profile.ts';
import { SessionList } from './SessionList.tsx';
import './home.css';

export function Assignment() {
  const params = useParams<{ id: string }>();
  const assignment = createLiveQuery(() => db.assignments.get(params.id).then((row) => row ?? null));
  return (
    <Show when={assignment() !== undefined} fallback={<p role="status">Opening the assignment…</p>}>
      <Show
        when={assignment()}
        fallback={
          <section class="card narrow">
            <h1>Assignment not found</h1>
            <p>This assignment is not on this device.</p>
            <p>
              <a href="/assignments">Back to assignments and learners</a>
            </p>
          </section>
        }
      >
        {(row) => <AssignmentPage assignment={row()} />}
      </Show>
    </Show>
  );
}

const tutorName = async () => (await loadName()) ?? 'Unnamed tutor';

function AssignmentPage(props: { assignment: AssignmentRow }) {
  const navigate = useNavigate();
  const id = () => props.assignment.id;
  const sessions = createLiveQuery(async () =>
    sessionItems(await db.sessions.where('[assignmentId+date]').between([id(), ''], [id(), '\uffff']).toArray()),
  );
  const filed = createLiveQuery(() => db.reports.where('assignmentId').equals(id()).toArray());
  const today = localDate(new Date());
  const due = () => dueReports(scheduleOf(props.assignment), groupFiled(filed() ?? []).get(id()) ?? [], today);
  const names = () => props.assignment.learners.map((learner) => learner.name).join(', ');
  const [busy, setBusy] = createSignal(false);

  /** Progress reports answer due dates in the order they are written, so only the next one can be started. */
  const canStart = (item: DueReport) => {
    if (item.reportId) return false;
    if (item.rule.schedule !== 'every-six-weeks') return true;
    return !due().some(
      (other) =>
        other.kind === item.kind &&
        other.learner.id === item.learner.id &&
        !other.reportId &&
        (other.number ?? 0) < (item.number ?? 0),
    );
  };
  const start = async (item: DueReport) => {
    setBusy(true);
    try {
      const name = await tutorName();
      const reportId = await startAssignmentReport(item.kind, id(), item.learner.id, name);
      navigate(`/report/${reportId}`);
    } finally {
      setBusy(false);
    }
  };
  const reportName = (item: DueReport) => `${item.rule.label}${item.number ? ` ${item.number}` : ''}`;
  const stepWords = (item: DueReport) => item.rule.writeStep(item.number);

  return (
    <>
      <h1>
        Assignment: {names()}, {props.assignment.subject}
      </h1>
      <p>
        {props.assignment.learners.length > 1 ? `Group ${groupLabel(props.assignment.learners.length)}` : 'Individual'},
        from {formatDate(props.assignment.startDate)} to {formatDate(props.assignment.endDate)}.{' '}
        <a href="/assignments">All assignments</a>
      </p>
      <Show when={props.assignment.brief.trim()}>
        <details class="share">
          <summary>Comments from the assignment brief</summary>
          <p>{props.assignment.brief}</p>
        </details>
      </Show>
      <div class="stack">
        <section class="card" aria-labelledby="reports-heading">
          <h2 id="reports-heading">Reports</h2>
          <p class="muted">
            The plan is due by the second session, a progress report every six weeks from the first session, and the
            final report at the end date.
          </p>
          <table class="due-table">
            <thead>
              <tr>
                <th scope="col">Report</th>
                <th scope="col">Learner</th>
                <th scope="col">Due</th>
                <th scope="col">State</th>
                <th scope="col">Report status</th>
                <th scope="col">
                  <span class="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={due()}>
                {(item) => (
                  <tr data-kind={item.kind}>
                    <th scope="row">{reportName(item)}</th>
                    <td>{item.learner.name}</td>
                    <td>{item.dueDate ? formatDate(item.dueDate) : 'By the second session'}</td>
                    <td>
                      <span class={`state ${item.state}`}>
                        {item.state === 'done' ? 'Done' : item.state === 'overdue' ? 'Overdue' : 'Due'}
                      </span>
                    </td>
                    <td>{item.status ? statusLabels[item.status] : 'Not started'}</td>
                    <td>
                      <Show when={item.reportId}>
                        <a href={`/report/${item.reportId}`}>
                          Open {reportName(item).toLowerCase().replace('individual learning plan', 'the plan')} for{' '}
                          {item.learner.name}
                        </a>
                      </Show>
                      <Show when={canStart(item)}>
                        <button type="button" disabled={busy()} onClick={() => void start(item)}>
                          {stepWords(item)} for {item.learner.name}
                        </button>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
        <section class="card" aria-labelledby="assignment-sessions-heading">
          <h2 id="assignment-sessions-heading">Sessions</h2>
          <SessionList sessions={sessions() ?? []} empty="No sessions yet." />
          <AddSession assignment={props.assignment} />
        </section>
      </div>
    </>
  );
}

function AddSession(props: { assignment: AssignmentRow }) {
  const navigate = useNavigate();
  const [errors, setErrors] = createSignal<string[]>([]);
  const today = localDate(new Date());
  const inside = (date: string) => date >= props.assignment.startDate && date <= props.assignment.endDate;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const date = readDate(data, 'date');
    const start = readTime(data, 'start');
    const finish = readTime(data, 'finish');
    const [day, from, to] = [date, start, finish].map((read) => (read.ok ? read.value : undefined));
    const problems = [
      !date.ok ? date.problem : !day && 'Choose the date of the session.',
      day &&
        !inside(day) &&
        `The session must fall within the assignment, ${formatDate(props.assignment.startDate)} to ${formatDate(props.assignment.endDate)}.`,
      !start.ok ? start.problem : !from && 'Give the start time.',
      !finish.ok ? finish.problem : !to && 'Give the finish time.',
      from && to && to <= from && 'The finish time must be after the start time.',
    ].filter((problem): problem is string => !!problem);
    setErrors(problems);
    if (problems.length > 0 || !day || !from || !to) return;
    const reportId = await addSession(
      {
        date: day,
        start: from,
        finish: to,
        subject: props.assignment.subject,
        learners: props.assignment.learners,
        assignment: assignmentSummary(props.assignment),
      },
      await tutorName(),
    );
    navigate(`/report/${reportId}`);
  };
  const defaultDate = inside(today)
    ? today
    : today < props.assignment.startDate
      ? props.assignment.startDate
      : props.assignment.endDate;
  return (
    <form onSubmit={submit} novalidate class="inline-form" aria-labelledby="add-session-heading">
      <h3 id="add-session-heading">Add a session</h3>
      <div class="row">
        <DateField
          id="session-date"
          name="date"
          label="Session date"
          hint={`Within the assignment, ${formatDate(props.assignment.startDate)} to ${formatDate(props.assignment.endDate)}.`}
          value={defaultDate}
        />
        <TimeField id="session-start" name="start" label="Start time" />
        <TimeField id="session-finish" name="finish" label="Finish time" />
      </div>
      <Show when={errors().length > 0}>
        <div role="alert">
          <ul class="error">
            <For each={errors()}>{(problem) => <li>{problem}</li>}</For>
          </ul>
        </div>
      </Show>
      <button type="submit">Add session and write report</button>
    </form>
  );
}
