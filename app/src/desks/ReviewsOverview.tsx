// /organisation/reviews, "Progress reviews overview": every termly review a school's coordinator or an appropriate
// body's reviewer may see (the relay's list decides which: GET /api/organisation/reports), grouped by where it is:
// due, overdue, awaiting the teacher's comments, awaiting signatures, with the appropriate body, read. An appropriate
// body's reviewer ticks those with them and marks them read together (POST /api/organisation/reviews/read), each
// its own decision, and sees what became of each. A school's coordinator also sees every early career teacher with
// their induction tutor, mentor, their reviews and current action step (the teachers from GET
// /api/organisation/teachers), and the coaching cycles finished each week (GET /api/organisation/coaching); an
// appropriate body's reviewer sees those, school by school, for every school linked to their body.
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import {
  type BulkApprovalOutcome,
  type OrganisationReportSummary,
  reviewsOverviewRoles,
} from '../../../shared/protocol/organisations.ts';
import type { SchoolCoaching } from '../../../shared/protocol/overviews.ts';
import { type ReviewDashboardState, reviewDashboardState } from '../../../shared/reports/termly-review/due.ts';
import { termlyReview } from '../../../shared/reports/termly-review/index.ts';
import { organisationApi } from '../organisation/organisation-api.ts';
import { CoachingWeeks, currentStepText } from './CoachingWeeks.tsx';
import { overviewsApi } from './overviews-api.ts';
import { MembersOnly } from '../organisation/MembersOnly.tsx';
import { signedIn } from '../organisation/signed-in.ts';
import '../organisation/organisation.css';

const groups: { state: ReviewDashboardState; title: string }[] = [
  { state: 'overdue', title: 'Overdue' },
  { state: 'due', title: 'Due' },
  { state: 'teacher-to-comment', title: 'Awaiting the early career teacher’s comments' },
  { state: 'needs-signatures', title: 'Awaiting signatures' },
  { state: 'with-reviewer', title: 'With the appropriate body' },
  { state: 'reviewed', title: 'Read by the appropriate body' },
];

const today = () => new Date().toISOString().slice(0, 10);
const dueText = (date: string | undefined) =>
  date ? formatMoment(`${date}T12:00:00Z`, 'day', 'UTC') : 'Not known yet (no term chosen)';

export function ReviewsOverview() {
  return (
    <MembersOnly
      title="Progress reviews overview"
      signInTo="see the overview"
      only={{
        roles: reviewsOverviewRoles,
        said: 'The progress reviews overview is for a school’s coordinators and an appropriate body’s reviewers.',
        why: { administrator: ': administrators look after members, not reports.' },
      }}
    >
      <Overview body={signedIn()?.member.role === 'appropriate-body-reviewer'} />
    </MembersOnly>
  );
}

function Overview(props: { body: boolean }) {
  // Only termly reviews, asked of the relay's directory: the organisation's other reports never travel.
  const [list, { refetch }] = createResource(() => organisationApi.reports({ kind: termlyReview.kind }));
  const reviews = createMemo(() => {
    const answer = list();
    if (!answer?.ok) return [];
    return answer.value.reports.filter((report) => report.kind === termlyReview.label);
  });
  const inGroup = (state: ReviewDashboardState) =>
    reviews()
      .filter((report) => reviewDashboardState(report.status, report.date, today()) === state)
      .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  const [ticked, setTicked] = createSignal<ReadonlySet<string>>(new Set());
  const [outcomes, setOutcomes] = createSignal<BulkApprovalOutcome[]>([]);
  const [marking, setMarking] = createSignal<{ busy: boolean; problem?: string }>({ busy: false });
  const tick = (id: string, on: boolean) => {
    const next = new Set(ticked());
    if (on) next.add(id);
    else next.delete(id);
    setTicked(next);
  };
  const markRead = async () => {
    setMarking({ busy: true });
    const answer = await organisationApi.markReviewsRead([...ticked()]);
    if (!answer.ok) return setMarking({ busy: false, problem: answer.problem.message });
    setMarking({ busy: false });
    setOutcomes(answer.value.outcomes);
    setTicked(new Set<string>());
    void refetch();
  };
  const count = () => ticked().size;

  return (
    <div class="organisation-page">
      <h1>Progress reviews overview</h1>
      <p>
        Every termly progress review you may see, by where it is. A review in draft is due on its term’s date and
        overdue after it.
      </p>
      <Show when={list()} fallback={<p role="status">Loading the reviews…</p>}>
        <Show
          when={(() => {
            const answer = list();
            return answer && !answer.ok ? answer.problem.message : undefined;
          })()}
        >
          {(message) => <p role="alert">{message()}</p>}
        </Show>
        <Show when={list()?.ok && reviews().length === 0}>
          <p role="status">There are no termly progress reviews for you to see yet.</p>
        </Show>
        <For each={groups}>
          {(group) => (
            <Show when={inGroup(group.state).length > 0}>
              <section aria-labelledby={`group-${group.state}`}>
                <h2 id={`group-${group.state}`}>
                  {group.title} ({inGroup(group.state).length})
                </h2>
                <table>
                  <thead>
                    <tr>
                      <Show when={props.body && group.state === 'with-reviewer'}>
                        <th scope="col">Mark</th>
                      </Show>
                      <th scope="col">Early career teacher</th>
                      <th scope="col">Induction tutor</th>
                      <th scope="col">Due</th>
                      <th scope="col">Review</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={inGroup(group.state)}>
                      {(report) => (
                        <Row
                          report={report}
                          tickable={props.body && group.state === 'with-reviewer'}
                          ticked={ticked().has(report.id)}
                          onTick={(on) => tick(report.id, on)}
                        />
                      )}
                    </For>
                  </tbody>
                </table>
              </section>
            </Show>
          )}
        </For>
        <Show when={props.body && inGroup('with-reviewer').length > 0}>
          <button type="button" disabled={count() === 0 || marking().busy} onClick={() => void markRead()}>
            Mark {count()} {count() === 1 ? 'review' : 'reviews'} read
          </button>
        </Show>
        <Show when={marking().problem}>
          <p role="alert">{marking().problem}</p>
        </Show>
        <Show when={outcomes().length > 0}>
          <section aria-labelledby="marked-outcomes">
            <h2 id="marked-outcomes">What became of each</h2>
            <ul role="status">
              <For each={outcomes()}>
                {(outcome) => (
                  <li>
                    {outcome.name}: {outcome.ok ? 'marked read.' : `not marked read. ${outcome.problem}`}
                  </li>
                )}
              </For>
            </ul>
          </section>
        </Show>
      </Show>
      <Show when={signedIn()?.member.role === 'coordinator'}>
        <Coordinator reviews={reviews()} />
      </Show>
      <Show when={props.body}>
        <SchoolsCoaching />
      </Show>
    </div>
  );
}

function Row(props: {
  report: OrganisationReportSummary;
  tickable: boolean;
  ticked: boolean;
  onTick: (on: boolean) => void;
}) {
  const teacher = () => props.report.named?.[0] ?? 'Not named yet';
  return (
    <tr>
      <Show when={props.tickable}>
        <td>
          <input
            type="checkbox"
            id={`mark-${props.report.id}`}
            checked={props.ticked}
            onChange={(event) => props.onTick(event.currentTarget.checked)}
          />
          <label class="visually-hidden" for={`mark-${props.report.id}`}>
            Mark {teacher()}’s review read
          </label>
        </td>
      </Show>
      <td>{teacher()}</td>
      <td>{props.report.ownerName}</td>
      <td>{dueText(props.report.date)}</td>
      <td>
        <a href={`/report/${props.report.id}`}>{props.report.title ?? 'Open the review'}</a>
      </td>
    </tr>
  );
}

const stateWords: Record<ReviewDashboardState, string> = {
  overdue: 'overdue',
  due: 'due',
  'teacher-to-comment': 'awaiting their comments',
  'needs-signatures': 'awaiting signatures',
  'with-reviewer': 'with the appropriate body',
  reviewed: 'read by the appropriate body',
  submitted: 'submitted',
  approved: 'approved',
  rejected: 'sent back',
  resubmitted: 'resubmitted',
};

/** A coordinator's own part: the school's early career teachers, and the coaching each had week by week. */
function Coordinator(props: { reviews: OrganisationReportSummary[] }) {
  const [coaching] = createResource(() => overviewsApi.coaching());
  const coachingOf = (teacherId: string) => {
    const answer = coaching();
    return answer?.ok
      ? answer.value.schools.flatMap((school) => school.teachers).find((teacher) => teacher.id === teacherId)
      : undefined;
  };
  return (
    <>
      <Teachers reviews={props.reviews} coachingOf={coachingOf} />
      <CoachingWeeks answer={coaching()} />
    </>
  );
}

/** An appropriate body's part: every early career teacher of each school linked to it, with their coaching. */
function SchoolsCoaching() {
  const [coaching] = createResource(() => overviewsApi.coaching());
  return <CoachingWeeks answer={coaching()} bySchool />;
}

/**
 * Every early career teacher of the school, with who tutors and mentors them (the mentors of their reviews and of
 * their coaching cycles), where each of their reviews is, and their current action step.
 */
function Teachers(props: {
  reviews: OrganisationReportSummary[];
  coachingOf: (teacherId: string) => SchoolCoaching['teachers'][number] | undefined;
}) {
  const [teachers] = createResource(() => organisationApi.teachers());
  const reviewsOf = (teacherId: string) =>
    props.reviews
      .filter((report) => report.teacherId === teacherId)
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const teacherList = () => {
    const answer = teachers();
    return answer?.ok ? answer.value.teachers : undefined;
  };
  const teachersProblem = () => {
    const answer = teachers();
    return answer && !answer.ok ? answer.problem.message : undefined;
  };
  const distinct = (names: (string | undefined)[]) =>
    [...new Set(names.filter((name): name is string => !!name))].join(', ') || 'None yet';
  return (
    <section aria-labelledby="teachers-heading">
      <h2 id="teachers-heading">Early career teachers</h2>
      <Show when={teachers()} fallback={<p role="status">Loading the early career teachers…</p>}>
        <Show when={teachersProblem()}>{(message) => <p role="alert">{message()}</p>}</Show>
        <Show when={teacherList()?.length === 0}>
          <p role="status">Your school has no early career teachers in Margin yet.</p>
        </Show>
        <Show when={teacherList()?.length}>
          <table>
            <thead>
              <tr>
                <th scope="col">Early career teacher</th>
                <th scope="col">Induction tutor</th>
                <th scope="col">Mentor</th>
                <th scope="col">Termly reviews</th>
                <th scope="col">Current step</th>
              </tr>
            </thead>
            <tbody>
              <For each={teacherList()}>
                {(teacher) => (
                  <tr>
                    <td>{teacher.name}</td>
                    <td>{distinct(reviewsOf(teacher.id).map((report) => report.ownerName))}</td>
                    <td>
                      {distinct([
                        ...reviewsOf(teacher.id).map((report) => report.mentorName),
                        ...(props.coachingOf(teacher.id)?.mentors ?? []),
                      ])}
                    </td>
                    <td>
                      {reviewsOf(teacher.id)
                        .map(
                          (report) =>
                            `${report.title ?? 'A review'}: ${stateWords[reviewDashboardState(report.status, report.date, today())]}`,
                        )
                        .join('; ') || 'None yet'}
                    </td>
                    <td>{currentStepText(props.coachingOf(teacher.id))}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </Show>
    </section>
  );
}
