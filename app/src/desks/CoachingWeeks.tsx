// The coordinator's view of the coaching done (domain guide 001): for each early career teacher, their mentors, the
// coaching cycles finished in each of the last 8 ISO weeks and their current action step (GET
// /api/organisation/coaching). A table, so screen readers and print read it, and a chart of the school's cycles each
// week (with its own table of the totals).
import { For, Show } from 'solid-js';
import type { CoachingOverview } from '../../../shared/protocol/overviews.ts';
import { formatDate } from '../../../shared/workflow/calendar.ts';
import type { ApiResult } from '../organisation/organisation-api.ts';
import { SmallChart } from './charts/SmallChart.tsx';

const dayAndMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "Week 49": the ISO week's number (the Monday it starts on is shown under it, the whole date in its title). */
const weekHeading = (week: CoachingOverview['weeks'][number]) => `Week ${Number(week.isoWeek.slice(6))}`;

/** The current step as the tables show it. */
export const currentStepText = (teacher: CoachingOverview['teachers'][number] | undefined) =>
  teacher?.currentStep ? `${teacher.currentStep.title} (set ${formatDate(teacher.currentStep.setOn)})` : 'None set yet';

export function CoachingWeeks(props: { answer: ApiResult<CoachingOverview> | undefined }) {
  const answer = () => props.answer;
  const overview = () => {
    const got = answer();
    return got?.ok ? got.value : undefined;
  };
  const problem = () => {
    const got = answer();
    return got && !got.ok ? got.problem.message : undefined;
  };
  return (
    <section aria-labelledby="coaching-heading">
      <h2 id="coaching-heading">Coaching each week</h2>
      <p>
        Coaching cycles each early career teacher’s mentors finished in each of the last 8 weeks (ISO weeks, Monday to
        Sunday, UK time), and the action step the last one set.
      </p>
      <Show when={answer()} fallback={<p role="status">Loading the coaching…</p>}>
        <Show when={problem()}>{(message) => <p role="alert">{message()}</p>}</Show>
        <Show when={overview()?.teachers.length === 0}>
          <p role="status">Your school has no early career teachers in Margin yet.</p>
        </Show>
        <Show when={overview()?.teachers.length ? overview() : undefined}>
          {(got) => (
            <div class="table-scroll">
              <table>
                <caption>Coaching cycles finished each week</caption>
                <thead>
                  <tr>
                    <th scope="col">Early career teacher</th>
                    <th scope="col">Mentor</th>
                    <For each={got().weeks}>
                      {(week) => (
                        <th scope="col">
                          {weekHeading(week)}
                          <br />
                          <span title={`ISO week ${week.isoWeek}, from ${formatDate(week.monday)}`}>
                            from {dayAndMonth.format(new Date(`${week.monday}T00:00:00Z`))}
                          </span>
                        </th>
                      )}
                    </For>
                    <th scope="col">Current step</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={got().teachers}>
                    {(teacher) => (
                      <tr>
                        <th scope="row">{teacher.name}</th>
                        <td>{teacher.mentors.join(', ') || 'None yet'}</td>
                        <For each={teacher.cyclesPerWeek}>{(count) => <td>{count}</td>}</For>
                        <td>{currentStepText(teacher)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <SmallChart
                kind="bar"
                title="Coaching cycles finished each week, all early career teachers together"
                labelHeading="Week"
                labels={got().weeks.map((week) => `${weekHeading(week)}, from ${formatDate(week.monday)}`)}
                series={[
                  {
                    label: 'Cycles finished',
                    values: got().weeks.map((_, index) =>
                      got().teachers.reduce((sum, teacher) => sum + (teacher.cyclesPerWeek[index] ?? 0), 0),
                    ),
                  },
                ]}
              />
            </div>
          )}
        </Show>
      </Show>
    </section>
  );
}
