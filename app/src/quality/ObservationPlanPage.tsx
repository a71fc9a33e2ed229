// /quality/plan, "Plan of observations": the quality team's plan (domain guide 004) from the organisation's reports
// (GET /api/organisation/observation-plan): each tutor's sessions delivered, their first, second and third
// observations, and what is due next: a spot check in a new tutor's third, fourth or fifth session, or a follow-up
// after concerns. For the quality team and administrators; the relay refuses everyone else. Two tutors of one name
// are told apart by the day each joined (tutor-label.ts).
import { createResource, For, Show } from 'solid-js';
import { type ObservationPlan, observationPlanRoles } from '../../../shared/protocol/overviews.ts';
import { followUpDays, noticeHours } from '../../../shared/reports/qa-observation/plan.ts';
import { formatDate } from '../../../shared/workflow/calendar.ts';
import { overviewsApi } from '../desks/overviews-api.ts';
import { MembersOnly } from '../organisation/MembersOnly.tsx';
import { tutorLabel } from './tutor-label.ts';
import './quality.css';

type Tutor = ObservationPlan['tutors'][number];

const ordinal = ['', 'first', 'second', 'third'];

/** What is due next for a tutor, in words. */
function nextText(tutor: Tutor): string {
  const next = tutor.next;
  if (!next) return tutor.observations.length === 0 ? 'Nothing due yet' : 'Nothing due';
  switch (next.kind) {
    case 'spot-check':
      return `Spot check due: observe session ${next.session}`;
    case 'follow-up':
      return `${next.overdue ? 'Overdue' : 'Due'}: ${ordinal[next.number]} observation by ${formatDate(next.dueBy)}`;
    case 'being-written':
      return `${ordinal[next.number]![0]!.toUpperCase()}${ordinal[next.number]!.slice(1)} observation being written`;
    case 'concerns-after-third':
      return 'Concerns after the third observation: the quality team decides whether the tutor continues';
  }
}

export function ObservationPlanPage() {
  return (
    <MembersOnly
      title="Plan of observations"
      signInTo="see the plan"
      only={{
        roles: observationPlanRoles,
        said: 'The plan of observations is for the quality team and administrators.',
      }}
    >
      <Plan />
    </MembersOnly>
  );
}

function Plan() {
  const [answer] = createResource(() => overviewsApi.observationPlan());
  const plan = () => {
    const got = answer();
    return got?.ok ? got.value : undefined;
  };
  const problem = () => {
    const got = answer();
    return got && !got.ok ? got.problem.message : undefined;
  };
  const due = () => plan()?.tutors.filter((tutor) => tutor.next && tutor.next.kind !== 'being-written') ?? [];
  return (
    <>
      <h1>Plan of observations</h1>
      <p>
        <a href="/quality">Back to quality observations</a> · <a href="/quality/spot-checks">Spot checks</a>
      </p>
      <p>
        Sessions delivered come from each tutor’s session reports (a learner present or late). A second observation
        follows one with a cause for concern, a third a second whose concerns persist; each is due {followUpDays} days
        after the one before. Tell the tutor at least {noticeHours} hours before they are observed.
      </p>
      <Show when={answer()} fallback={<p role="status">Loading the plan…</p>}>
        <Show when={problem()}>{(message) => <p role="alert">{message()}</p>}</Show>
        <Show when={plan()}>
          {(got) => (
            <>
              <section class="card" aria-labelledby="due-heading">
                <h2 id="due-heading">Due ({due().length})</h2>
                <Show when={due().length > 0} fallback={<p role="status">No observation is due.</p>}>
                  <ul>
                    <For each={due()}>
                      {(tutor) => (
                        <li>
                          {tutorLabel(tutor, got().tutors)}: {nextText(tutor)}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
              <section class="card" aria-labelledby="tutors-plan-heading">
                <h2 id="tutors-plan-heading">Every tutor</h2>
                <Show when={got().tutors.length > 0} fallback={<p role="status">No tutors yet.</p>}>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Tutor</th>
                        <th scope="col">Sessions delivered</th>
                        <th scope="col">Observations</th>
                        <th scope="col">Next</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={got().tutors}>
                        {(tutor) => (
                          <tr>
                            <th scope="row">{tutorLabel(tutor, got().tutors)}</th>
                            <td>{tutor.sessionsDelivered ?? 'Not in Margin'}</td>
                            <td>
                              <Show when={tutor.observations.length > 0} fallback="None yet">
                                <ul class="observation-plan-list">
                                  <For each={tutor.observations}>
                                    {(observation) => (
                                      <li>
                                        <a href={`/report/${observation.reportId}`}>
                                          Observation {observation.number}, {formatDate(observation.date)}
                                        </a>
                                        : {observation.sent ? 'feedback sent' : 'being written'}
                                        {observation.concerns ? ', cause for concern' : ''}
                                      </li>
                                    )}
                                  </For>
                                </ul>
                              </Show>
                            </td>
                            <td>{nextText(tutor)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </Show>
              </section>
            </>
          )}
        </Show>
      </Show>
    </>
  );
}
