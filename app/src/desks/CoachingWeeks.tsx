// The coordinator's view of the coaching done (domain guide 001): for each early career teacher, their mentors, the
// coaching cycles finished in each of the last 8 ISO weeks and their current action step (GET
// /api/organisation/coaching). A table, so screen readers and print read it, and a chart of the school's cycles each
// week (with its own table of the totals). An appropriate body's reviewer sees the same for each of its schools,
// one under another, each under the school's name.
import { For, Show } from 'solid-js';
import type { CoachingOverview, SchoolCoaching } from '../../../shared/protocol/overviews.ts';
import { formatDate } from '../../../shared/workflow/calendar.ts';
import type { ApiResult } from '../organisation/organisation-api.ts';
import { SmallChart } from './charts/SmallChart.tsx';

const dayAndMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "Week 49": the ISO week's number (the Monday it starts on is shown under it, the whole date in its title). */
const weekHeading = (week: CoachingOverview['weeks'][number]) => `Week ${Number(week.isoWeek.slice(6))}`;

/** The current step as the tables show it. */
export const currentStepText = (teacher: SchoolCoaching['teachers'][number] | undefined) =>
  teacher?.currentStep ? `${teacher.currentStep.title} (set ${formatDate(teacher.currentStep.setOn)})` : 'None set yet';

export function CoachingWeeks(props: { answer: ApiResult<CoachingOverview> | undefined; bySchool?: boolean }) {
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
        <Show when={props.bySchool && overview()?.schools.length === 0}>
          <p role="status">No school is linked to your appropriate body in Margin yet.</p>
        </Show>
        <Show when={overview()}>
          {(got) => (
            <For each={got().schools}>
              {(school) =>
                props.bySchool ? (
                  <section aria-labelledby={`coaching-school-${school.id}`}>
                    <h3 id={`coaching-school-${school.id}`}>{school.name}</h3>
                    <SchoolWeeks weeks={got().weeks} school={school} named />
                  </section>
                ) : (
                  <SchoolWeeks weeks={got().weeks} school={school} />
                )
              }
            </For>
          )}
        </Show>
      </Show>
    </section>
  );
}

/** One school's table of cycles per teacher each week, and its chart of the totals. */
function SchoolWeeks(props: { weeks: CoachingOverview['weeks']; school: SchoolCoaching; named?: boolean }) {
  return (
    <Show
      when={props.school.teachers.length > 0}
      fallback={<p role="status">{props.school.name} has no early career teachers in Margin yet.</p>}
    >
      <div class="table-scroll">
        <table>
          <caption>Coaching cycles finished each week{props.named ? ` at ${props.school.name}` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Early career teacher</th>
              <th scope="col">Mentor</th>
              <For each={props.weeks}>
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
            <For each={props.school.teachers}>
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
          title={`Coaching cycles finished each week, all early career teachers of ${props.school.name} together`}
          labelHeading="Week"
          labels={props.weeks.map((week) => `${weekHeading(week)}, from ${formatDate(week.monday)}`)}
          series={[
            {
              label: 'Cycles finished',
              values: props.weeks.map((_, index) =>
                props.school.teachers.reduce((sum, teacher) => sum + (teacher.cyclesPerWeek[index] ?? 0), 0),
              ),
            },
          ]}
        />
      </div>
    </Show>
  );
}
