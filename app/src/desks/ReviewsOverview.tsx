// /organisation/reviews, "Progress reviews overview": the termly reviews a school's coordinator or an appropriate
// body's reviewer may see, a page at a time (GET /api/organisation/reviews), grouped by where each is: overdue, due,
// awaiting the teacher's comments, awaiting signatures, with the appropriate body, read; each group's count is over
// every review, and "Show more" asks for the next page. An appropriate body's reviewer ticks those with them and marks
// them read together (POST /api/organisation/reviews/read), each its own decision, and sees what became of each. A
// school's coordinator also sees every early career teacher with their induction tutor, mentor, their reviews and
// current action step (the teachers from GET /api/organisation/teachers), and the coaching cycles finished each week
// (GET /api/organisation/coaching), asked for once the first page is drawn. The first page is asked for as the route is
// matched, alongside "who are you?" (first-pages.ts): the relay refuses it to a role the overview is not for, and the
// guard says so from the session, never showing the answer. An appropriate body's reviewer sees the coaching too,
// school by school, for every school linked to their body.
import type { RouteSectionProps } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, For, on, Show } from 'solid-js';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import {
  type BulkApprovalOutcome,
  type OrganisationReportSummary,
  reviewsOverviewRoles,
} from '../../../shared/protocol/organisations.ts';
import type {
  ReviewsOverviewGroup,
  ReviewsOverviewPage,
  ReviewsOverviewRow,
  SchoolCoaching,
} from '../../../shared/protocol/overviews.ts';
import { type ReviewDashboardState, reviewDashboardState } from '../../../shared/reports/termly-review/due.ts';
import { termlyReview } from '../../../shared/reports/termly-review/index.ts';
import { Answered } from '../organisation/Answered.tsx';
import { type ApiResult, organisationApi } from '../organisation/organisation-api.ts';
import { CoachingWeeks, currentStepText } from './CoachingWeeks.tsx';
import type { ReviewsFirstPage } from './first-pages.ts';
import { overviewsApi } from './overviews-api.ts';
import { ShowMore } from './ShowMore.tsx';
import { MembersOnly } from '../organisation/MembersOnly.tsx';
import { signedIn } from '../organisation/signed-in.ts';
import '../organisation/organisation.css';

const groups: { state: ReviewsOverviewGroup; title: string }[] = [
  { state: 'overdue', title: 'Overdue' },
  { state: 'due', title: 'Due' },
  { state: 'teacher-to-comment', title: 'Awaiting the early career teacher’s comments' },
  { state: 'needs-signatures', title: 'Awaiting signatures' },
  { state: 'with-reviewer', title: 'With the appropriate body' },
  { state: 'reviewed', title: 'Read by the appropriate body' },
];

const dueText = (date: string | undefined) =>
  date ? formatMoment(`${date}T12:00:00Z`, 'day', 'UTC') : 'Not known yet (no term chosen)';

/** `data`: the first page, asked as the route was matched (first-pages.ts). */
export function ReviewsOverview(props: RouteSectionProps<ReviewsFirstPage>) {
  const first = props.data ?? overviewsApi.reviews();
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
      <Overview body={signedIn()?.member.role === 'appropriate-body-reviewer'} first={first} />
    </MembersOnly>
  );
}

function Overview(props: { body: boolean; first: Promise<ApiResult<ReviewsOverviewPage>> }) {
  // The first answer is the one asked for as the page opened; after marking reviews read, a new one.
  const [page, { refetch }] = createResource<ApiResult<ReviewsOverviewPage>>((_, asked) =>
    asked.refetching ? overviewsApi.reviews() : props.first,
  );
  const [outcomes, setOutcomes] = createSignal<BulkApprovalOutcome[]>([]);
  return (
    <div class="organisation-page">
      <h1>Progress reviews overview</h1>
      <p>
        Every termly progress review you may see, by where it is. A review in draft is due on its term’s date and
        overdue after it.
      </p>
      <Answered answer={page()} awaiting="Loading the reviews…">
        {(held) => (
          <Groups
            page={held()}
            body={props.body}
            onMarked={(done) => {
              setOutcomes(done);
              void refetch();
            }}
          />
        )}
      </Answered>
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
      <Show when={props.body && page()}>
        <SchoolsCoaching />
      </Show>
      <Show when={signedIn()?.member.role === 'coordinator' && page()}>
        <Coordinator
          today={(() => {
            const answer = page();
            return answer?.ok ? answer.value.today : new Date().toISOString().slice(0, 10);
          })()}
        />
      </Show>
    </div>
  );
}

/** The groups of the reviews loaded so far (the first page, then each "Show more"), each headed by its whole count. */
function Groups(props: { page: ReviewsOverviewPage; body: boolean; onMarked: (done: BulkApprovalOutcome[]) => void }) {
  // A new first page (after marking reviews read) starts again from it.
  const [later, setLater] = createSignal<{ rows?: ReviewsOverviewRow[]; next?: number }>({});
  createEffect(
    on(
      () => props.page,
      () => setLater({}),
      { defer: true },
    ),
  );
  const loaded = createMemo(() => [...props.page.rows, ...(later().rows ?? [])]);
  const next = () => ('rows' in later() ? later().next : props.page.next);
  const more = async () => {
    const offset = next();
    if (offset === undefined) return undefined;
    const answer = await overviewsApi.reviews({ offset });
    if (!answer.ok) return answer.problem.message;
    setLater({
      rows: [...(later().rows ?? []), ...answer.value.rows],
      ...(answer.value.next !== undefined ? { next: answer.value.next } : {}),
    });
    return undefined;
  };
  const inGroup = (state: ReviewsOverviewGroup) => loaded().filter((report) => report.group === state);
  const [ticked, setTicked] = createSignal<ReadonlySet<string>>(new Set());
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
    setTicked(new Set<string>());
    props.onMarked(answer.value.outcomes);
  };
  const count = () => ticked().size;
  return (
    <>
      <Show when={props.page.total === 0}>
        <p role="status">There are no termly progress reviews for you to see yet.</p>
      </Show>
      <For each={groups}>
        {(group) => (
          <Show when={inGroup(group.state).length > 0}>
            <section aria-labelledby={`group-${group.state}`}>
              <h2 id={`group-${group.state}`}>
                {group.title} ({props.page.counts[group.state]})
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
              <Show when={inGroup(group.state).length < props.page.counts[group.state]}>
                <p class="muted">
                  {props.page.counts[group.state] - inGroup(group.state).length} more in this group: “Show more” below
                  brings them.
                </p>
              </Show>
            </section>
          </Show>
        )}
      </For>
      <Show when={props.page.total > 0}>
        <ShowMore shown={loaded().length} total={props.page.total} noun="review" onMore={more} />
      </Show>
      <Show when={props.body && props.page.counts['with-reviewer'] > 0}>
        <button type="button" disabled={count() === 0 || marking().busy} onClick={() => void markRead()}>
          Mark {count()} {count() === 1 ? 'review' : 'reviews'} read
        </button>
      </Show>
      <Show when={marking().problem}>
        <p role="alert">{marking().problem}</p>
      </Show>
    </>
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

/**
 * A coordinator's own part: the school's early career teachers, and the coaching each had week by week. Each teacher's
 * reviews are the school's termly reviews naming them (a coordinator reads them all), told due or overdue by `today`,
 * the relay's day.
 */
function Coordinator(props: { today: string }) {
  const [coaching] = createResource(() => overviewsApi.coaching());
  const [reviews] = createResource(() => organisationApi.reports({ kind: termlyReview.kind }));
  const coachingOf = (teacherId: string) => {
    const answer = coaching();
    return answer?.ok
      ? answer.value.schools.flatMap((school) => school.teachers).find((teacher) => teacher.id === teacherId)
      : undefined;
  };
  const named = () => {
    const answer = reviews();
    return answer?.ok ? answer.value.reports.filter((report) => report.teacherId !== undefined) : [];
  };
  return (
    <>
      <Teachers reviews={named()} today={props.today} coachingOf={coachingOf} />
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
  today: string;
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
                            `${report.title ?? 'A review'}: ${stateWords[reviewDashboardState(report.status, report.date, props.today)]}`,
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
