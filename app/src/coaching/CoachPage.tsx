// A teacher's coach page: the current action step, the activity history of every step set (met or not yet,
// with dates), and "Observe" (or "Coach again" in a week that already had a cycle) to start a cycle.
import { useNavigate, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { reviewLabels } from '../../../shared/reports/coaching-cycle/cycle.ts';
import {
  activityHistory,
  currentStep,
  oneActiveStep,
  openCycle,
  startCheck,
} from '../../../shared/reports/coaching-record/record.ts';
import { reportIdPattern } from '../../../shared/protocol/rooms.ts';
import { formatDate, localDate } from '../../../shared/workflow/calendar.ts';
import { withYourName } from '../collab/your-name.ts';
import { loadRecord, startCycle } from './coaching-store.ts';
import { StepCard } from './StepCard.tsx';
import './coaching.css';

export function CoachPage() {
  const params = useParams<{ id: string }>();
  const [loaded] = createResource(
    () => params.id,
    (id) => (reportIdPattern.test(id) ? loadRecord(id) : Promise.reject(new Error('No such teacher.'))),
  );
  const [error, setError] = createSignal('');
  const [starting, setStarting] = createSignal(false);
  const navigate = useNavigate();
  const today = () => localDate(new Date());

  const start = async () => {
    if (starting()) return;
    setError('');
    try {
      // The button stays enabled while a name is asked for, so focus can go back to it.
      const cycleId = await withYourName((name) => {
        setStarting(true);
        return startCycle(params.id, name, today());
      });
      if (cycleId) navigate(`/report/${cycleId}`);
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
      setStarting(false);
    }
  };

  return (
    <Switch fallback={<p role="status">Opening the coaching record…</p>}>
      <Match when={loaded.error}>
        <section class="card narrow">
          <h1>Teacher not found</h1>
          <p>
            This device has no coaching record for that teacher. <a href="/coaching">Back to coaching</a>
          </p>
        </section>
      </Match>
      <Match when={loaded()?.record.teacher ? loaded() : undefined}>
        {(record) => {
          const cycles = () => record().cycles;
          const startLabel = () => {
            const check = startCheck(cycles(), today());
            return check.ok ? check.value.label : 'Observe';
          };
          const open = () => openCycle(cycles());
          // Two tabs starting a cycle at the same moment could each pass the check: say so rather than pick one silently.
          const brokenRule = () => {
            const rule = oneActiveStep(cycles());
            return rule.ok ? '' : rule.problem;
          };
          const history = () => activityHistory(cycles()).reverse();
          return (
            <>
              <h1>Coaching: {record().record.teacher?.name}</h1>
              <p>
                <a href="/coaching">Back to your teachers</a>
              </p>
              <section class="card" aria-labelledby="current-heading">
                <h2 id="current-heading">Current action step</h2>
                <Show
                  when={currentStep(cycles())}
                  fallback={<p class="muted">No step set yet. Observe a lesson to set the first one.</p>}
                >
                  {(step) => <StepCard step={step()} />}
                </Show>
                <div class="actions">
                  <Show
                    when={open()}
                    fallback={
                      <button type="button" disabled={starting()} onClick={() => void start()}>
                        {startLabel()}
                      </button>
                    }
                  >
                    {(cycle) => (
                      <a class="button" href={`/report/${cycle().id}`}>
                        Continue the open observation
                      </a>
                    )}
                  </Show>
                </div>
                <Show when={brokenRule()}>
                  <p class="warning" role="alert">
                    {brokenRule()}
                  </p>
                </Show>
                <Show when={open()}>
                  <p class="hint">
                    Finish the open observation before starting another: a teacher works on one action step at a time.
                  </p>
                </Show>
                <Show when={error()}>
                  <p class="error" role="alert">
                    {error()}
                  </p>
                </Show>
              </section>
              <section class="card" aria-labelledby="history-heading">
                <h2 id="history-heading">Activity</h2>
                <Show
                  when={history().length > 0}
                  fallback={<p class="muted">Every step you set will be listed here.</p>}
                >
                  <table class="history">
                    <caption class="visually-hidden">Every action step set, newest first</caption>
                    <thead>
                      <tr>
                        <th scope="col">Step</th>
                        <th scope="col">Set</th>
                        <th scope="col">Outcome</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={history()}>
                        {(entry) => (
                          <tr>
                            <td>
                              <a href={`/report/${entry.cycleId}`}>{entry.step.title}</a>
                            </td>
                            <td>{formatDate(entry.setOn)}</td>
                            <td>
                              {entry.outcome === 'current'
                                ? 'Current step'
                                : `${reviewLabels[entry.outcome]}, ${formatDate(entry.reviewedOn ?? '')}`}
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </Show>
              </section>
            </>
          );
        }}
      </Match>
    </Switch>
  );
}
