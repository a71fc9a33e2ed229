// /organisation/progress, "Learner progress": for the organisation's managers (administrators and coordinators), every
// learner with their latest score against their target, attendance rate and whether they are falling behind (the
// rules of shared/progress/falling-behind.ts, stated on the page), falling behind first, from GET
// /api/organisation/progress. Choosing a learner shows their scores against targets over time and their attendance
// week by week as small charts, each with its table, and their tutor's last progress-review checklist with the points
// whose evidence is weak.
import { createResource, createSignal, For, Show } from 'solid-js';
import {
  type LearnerProgress,
  ProgressOverview,
  progressOverviewPath,
  progressOverviewRoles,
} from '../../../shared/protocol/progress.ts';
import { fallingBehindRules } from '../../../shared/progress/falling-behind.ts';
import { formatDate } from '../../../shared/workflow/calendar.ts';
import { Answered } from '../organisation/Answered.tsx';
import { call } from '../organisation/organisation-api.ts';
import { MembersOnly } from '../organisation/MembersOnly.tsx';
import { SmallChart } from './charts/SmallChart.tsx';
import '../organisation/organisation.css';
import './progress-overview.css';

const percent = (share: number | undefined) =>
  share === undefined ? 'No sessions yet' : `${Math.round(share * 100)}%`;
const rules = fallingBehindRules;

export function ProgressOverviewPage() {
  return (
    <MembersOnly
      title="Learner progress"
      signInTo="see learners’ progress"
      only={{
        roles: progressOverviewRoles,
        said: 'The learner progress overview is for the organisation’s administrators and coordinators.',
      }}
    >
      <Overview />
    </MembersOnly>
  );
}

function Overview() {
  const [learner, setLearner] = createSignal('');
  const [behind, setBehind] = createSignal(false);
  const [answer] = createResource(
    () => ({ learner: learner(), behind: behind() }),
    (filters) => call(ProgressOverview, 'GET', progressOverviewPath(filters)),
  );
  const [chosen, setChosen] = createSignal<string>();
  let detail: HTMLElement | undefined;
  const choose = (name: string) => {
    setChosen(name);
    queueMicrotask(() => detail?.focus());
  };
  return (
    <div class="organisation-page progress-overview">
      <h1>Learner progress</h1>
      <section aria-labelledby="falling-behind-rules" class="rules">
        <h2 id="falling-behind-rules">Who counts as falling behind</h2>
        <ul>
          <li>
            Their latest score is more than {rules.targetMarginPoints} points below the target set at their previous
            plan or progress report.
          </li>
          <li>
            They attended under {Math.round(rules.attendanceThreshold * 100)}% of their sessions (Present and Late count
            as attended, Absent and Unauthorised Cancellation as missed), once {rules.attendanceMinimumSessions}{' '}
            sessions count.
          </li>
          <li>
            No plan or progress report for more than {rules.weeksWithoutProgressReport} weeks while their sessions go on
            (progress reports are due every six weeks).
          </li>
        </ul>
      </section>
      <div class="row filters">
        <div class="field">
          <label for="progress-learner">Learner’s name</label>
          <input
            id="progress-learner"
            type="search"
            value={learner()}
            onChange={(event) => setLearner(event.currentTarget.value.trim())}
          />
        </div>
        <div class="field checkbox">
          <input
            id="progress-behind"
            type="checkbox"
            checked={behind()}
            onChange={(event) => setBehind(event.currentTarget.checked)}
          />
          <label for="progress-behind">Only those falling behind</label>
        </div>
      </div>
      <Answered answer={answer()} awaiting="Gathering learners’ progress…">
        {(overview) => (
          <>
            <p role="status">
              {overview().learners.length === 1 ? '1 learner' : `${overview().learners.length} learners`},{' '}
              {overview().learners.filter((row) => row.fallingBehind).length} falling behind
            </p>
            <Show when={overview().learners.length > 0} fallback={<p>No learners match yet.</p>}>
              <table class="learners">
                <caption>Learners, falling behind first</caption>
                <thead>
                  <tr>
                    <th scope="col">Learner</th>
                    <th scope="col">Tutors</th>
                    <th scope="col">Latest score</th>
                    <th scope="col">Target</th>
                    <th scope="col">Attendance</th>
                    <th scope="col">Last plan or progress report</th>
                    <th scope="col">Falling behind</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={overview().learners}>
                    {(row) => (
                      <tr classList={{ behind: row.fallingBehind }}>
                        <th scope="row">
                          <button type="button" class="link" onClick={() => choose(row.learner)}>
                            {row.learner}
                          </button>
                        </th>
                        <td>{row.tutors.join(', ')}</td>
                        <td>{row.latestScore ?? 'None yet'}</td>
                        <td>{row.target ?? 'None yet'}</td>
                        <td>{percent(row.attendance.rate)}</td>
                        <td>{row.lastProgressReport ? formatDate(row.lastProgressReport) : 'None yet'}</td>
                        <td>
                          <Show when={row.fallingBehind} fallback="No">
                            <strong>Yes</strong>: {row.reasons.join(' ')}
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
            <Show when={overview().learners.find((row) => row.learner === chosen())}>
              {(row) => (
                <section class="learner-detail card" tabindex="-1" ref={detail} aria-labelledby="learner-detail-name">
                  <LearnerDetail row={row()} />
                </section>
              )}
            </Show>
          </>
        )}
      </Answered>
    </div>
  );
}

function LearnerDetail(props: { row: LearnerProgress }) {
  const scored = () => props.row.scores;
  const weeks = () => props.row.attendance.weeks;
  return (
    <>
      <h2 id="learner-detail-name">{props.row.learner}</h2>
      <Show when={props.row.fallingBehind} fallback={<p>Not falling behind.</p>}>
        <p>Falling behind:</p>
        <ul>
          <For each={props.row.reasons}>{(reason) => <li>{reason}</li>}</For>
        </ul>
      </Show>
      <Show when={scored().length > 0} fallback={<p>No plan or progress report with a score yet.</p>}>
        <SmallChart
          kind="line"
          title={`Scores against targets: ${props.row.learner}`}
          labelHeading="Date"
          labels={scored().map((point) => `${formatDate(point.date)} (${point.kind})`)}
          series={[
            { label: 'Score', values: scored().map((point) => point.score ?? null) },
            { label: 'Target', values: scored().map((point) => point.target ?? null), dashed: true },
          ]}
          max={100}
        />
      </Show>
      <Show when={weeks().length > 0} fallback={<p>No sessions with attendance yet.</p>}>
        <SmallChart
          kind="bar"
          title={`Attendance by week: ${props.row.learner} (${percent(props.row.attendance.rate)} attended)`}
          labelHeading="Week of"
          labels={weeks().map((week) => formatDate(week.week))}
          series={[
            { label: 'Attended', values: weeks().map((week) => week.attended) },
            { label: 'Missed', values: weeks().map((week) => week.missed) },
          ]}
          stacked
        />
      </Show>
      <Show
        when={props.row.checklist}
        fallback={<p>None of their tutors has written a progress-review checklist yet.</p>}
      >
        {(checklist) => (
          <section aria-labelledby="learner-checklist">
            <h3 id="learner-checklist">
              Last progress-review checklist: {checklist().title}, {formatDate(checklist().date)}, by{' '}
              {checklist().tutor}
            </h3>
            <Show
              when={checklist().weak.length > 0}
              fallback={<p>Every one of its {checklist().rated} points rated has strong evidence.</p>}
            >
              <p>
                Weak evidence in {checklist().weak.length} of the {checklist().rated} points rated:
              </p>
              <ul class="weak-evidence">
                <For each={checklist().weak}>
                  {(point) => (
                    <li>
                      {point.statement} <strong>Evidence: {point.strength.toLowerCase()}</strong>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <p>
              <a href={`/report/${checklist().reportId}`}>Open the checklist</a>
            </p>
          </section>
        )}
      </Show>
    </>
  );
}
