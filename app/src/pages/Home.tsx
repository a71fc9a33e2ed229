// The tutor's home page (STEPS "Sessions home", domain guide 000): sessions today, other days this week,
// last week and next week; pending actions, each linking to where to act; session search; and the
// progress-review checklists. A signed-in quality reviewer sees the organisation's reports to review first.
import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, onMount, Show } from 'solid-js';
import { formatDate, localDate, sessionGroupLabels, sessionGroups } from '../../../shared/workflow/calendar.ts';
import type { PendingAction } from '../../../shared/workflow/pending-actions.ts';
import { statusLabels } from '../../../shared/workflow/status.ts';
import { fail } from '../../../shared/result.ts';
import { DateField, readDate } from '../forms/DateField.tsx';
import { db } from '../store/db.ts';
import { loadHome, searchSessions, type SessionSearchResult } from '../store/home-queries.ts';
import { createLiveQuery } from '../store/live.ts';
import { startProgressReview } from '../store/new-report.ts';
import { loadName } from '../store/profile.ts';
import { giveName } from '../collab/your-name.ts';
import { SessionList } from './SessionList.tsx';
import { followCommentsOf } from '../comments/home-comments.ts';
import { MoveReports } from '../organisation/MoveReports.tsx';
import { OrganisationReports } from '../organisation/OrganisationReports.tsx';
import { ReportsToReview } from '../organisation/ReportsToReview.tsx';
import { registerAllClaimed } from '../sync/organisation-reports.ts';

export function Home() {
  const [name, { mutate }] = createResource(loadName);
  return (
    <Show when={!name.loading}>
      <Show when={name()} fallback={<Welcome onSaved={(saved) => mutate(saved)} />}>
        {(me) => <Dashboard name={me()} />}
      </Show>
    </Show>
  );
}

function Welcome(props: { onSaved: (name: string) => void }) {
  const [error, setError] = createSignal('');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const given = await giveName(String(new FormData(event.currentTarget as HTMLFormElement).get('name') ?? ''));
    if (!given.ok) return setError(given.problem);
    props.onSaved(given.value);
  };
  return (
    <section class="card narrow">
      <h1>Welcome to Margin</h1>
      <p>Your reports are saved on this device as you type, and shared only with the people you choose.</p>
      <form onSubmit={submit} novalidate>
        <div class="field">
          <label for="name">Your name</label>
          <input id="name" name="name" autocomplete="name" aria-describedby="name-error" aria-invalid={!!error()} />
          <p id="name-error" class="error" role="alert">
            {error()}
          </p>
        </div>
        <button type="submit">Continue</button>
      </form>
    </section>
  );
}

function Dashboard(props: { name: string }) {
  const home = createLiveQuery(() => loadHome(new Date()));
  followCommentsOf(() => [
    ...sessionGroups.flatMap((group) => home()?.sessions[group] ?? []).map((s) => s.reportId),
    ...(home()?.pending ?? []).flatMap((a) => a.reportId ?? []),
  ]);
  // Reports made signed in while the relay was out of reach are registered with the organisation now; those made
  // before signing in are offered (MoveReports).
  onMount(() => void registerAllClaimed());
  return (
    <>
      <h1>Hello, {props.name}</h1>
      <nav class="home-links" aria-label="Your work">
        <a href="/assignments">Assignments and learners</a>
        <a href="#search-heading">Session search</a>
        <a href="#reviews-heading">Progress-review checklists</a>
      </nav>
      <MoveReports />
      <ReportsToReview />
      <OrganisationReports />
      <div class="columns">
        <section class="card" aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">Sessions</h2>
          <Show when={home()} fallback={<p role="status">Loading your sessions…</p>}>
            {(data) => (
              <For each={sessionGroups}>
                {(group) => (
                  <section class="session-group" aria-labelledby={`group-${group}`} data-group={group}>
                    <h3 id={`group-${group}`}>{sessionGroupLabels[group]}</h3>
                    <SessionList sessions={data().sessions[group]} />
                  </section>
                )}
              </For>
            )}
          </Show>
          <p class="muted">
            To add a session, open its assignment from <a href="/assignments">assignments and learners</a>.
          </p>
        </section>
        <section class="card" aria-labelledby="pending-heading">
          <h2 id="pending-heading">Pending actions</h2>
          <Show when={home()}>
            {(data) => <PendingActions actions={data().pending} moreUnreported={data().moreUnreported} />}
          </Show>
        </section>
      </div>
      <div class="stack">
        <SessionSearch />
        <ProgressReviews tutor={props.name} />
      </div>
    </>
  );
}

const pendingKindLabels: Record<PendingAction['kind'], string> = {
  rejected: 'Rejected',
  overdue: 'Overdue',
  unreported: 'No report yet',
  due: 'Due',
};

function PendingActions(props: { actions: PendingAction[]; moreUnreported: number }) {
  return (
    <Show when={props.actions.length > 0} fallback={<p class="muted">Nothing is waiting for you.</p>}>
      <ul class="pending">
        <For each={props.actions}>
          {(action, i) => (
            <li class={action.kind}>
              <span class="pending-kind">{pendingKindLabels[action.kind]}</span>
              <span class="about" id={`pending-${i()}`}>
                {action.about}
              </span>
              <span class="detail" id={`pending-${i()}-detail`}>
                {action.detail}
              </span>
              <a
                href={action.reportId ? `/report/${action.reportId}` : `/assignment/${action.assignmentId}`}
                aria-describedby={`pending-${i()} pending-${i()}-detail`}
              >
                {action.step}
              </a>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.moreUnreported > 0}>
        <p class="muted">
          And {props.moreUnreported} more earlier session{props.moreUnreported === 1 ? '' : 's'} without a submitted
          report: use the session search to find them.
        </p>
      </Show>
    </Show>
  );
}

function SessionSearch() {
  const learners = createLiveQuery(() => db.learners.orderBy('name').toArray());
  const [result, setResult] = createSignal<SessionSearchResult | null>(null);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const value = (key: string) => String(data.get(key) ?? '').trim() || undefined;
    const from = readDate(data, 'from');
    const to = readDate(data, 'to');
    const found = !from.ok
      ? fail({ field: 'search-from', message: from.problem })
      : !to.ok
        ? fail({ field: 'search-to', message: to.problem })
        : await searchSessions({
            learnerId: value('learner'),
            subject: value('subject'),
            from: from.value,
            to: to.value,
          });
    setResult(found);
    if (!found.ok) document.getElementById(found.problem.field)?.focus();
  };
  return (
    <section class="card" aria-labelledby="search-heading">
      <h2 id="search-heading">Session search</h2>
      {/* biome-ignore lint/a11y/useSemanticElements: a <search> element around the form would do, but Chromium's axe run and older screen readers know role="search" best */}
      <form class="search" role="search" aria-labelledby="search-heading" onSubmit={submit} novalidate>
        <div class="row">
          <div class="field small">
            <label for="search-learner">Learner</label>
            <select id="search-learner" name="learner">
              <option value="">Any learner</option>
              <For each={learners() ?? []}>{(learner) => <option value={learner.id}>{learner.name}</option>}</For>
            </select>
          </div>
          <div class="field small">
            <label for="search-subject">Subject starts with</label>
            <input id="search-subject" name="subject" type="text" maxLength={120} />
          </div>
          <DateField id="search-from" name="from" label="From" />
          <DateField id="search-to" name="to" label="To" />
          <div class="field small">
            <button type="submit">Search</button>
          </div>
        </div>
      </form>
      <Show when={result()}>
        {(found) => (
          <Show
            when={(() => {
              const answer = found();
              return answer.ok && answer.value;
            })()}
            fallback={
              <p class="error" role="alert">
                {(() => {
                  const answer = found();
                  return answer.ok ? '' : answer.problem.message;
                })()}
              </p>
            }
          >
            {(ok) => (
              <section aria-labelledby="results-heading" aria-live="polite">
                <h3 id="results-heading">
                  {ok().total === 1 ? '1 session found' : `${ok().total} sessions found`}
                  {ok().total > ok().sessions.length ? `; the ${ok().sessions.length} most recent are shown` : ''}
                </h3>
                <SessionList sessions={ok().sessions} empty="No session matches. Try fewer criteria." />
              </section>
            )}
          </Show>
        )}
      </Show>
    </section>
  );
}

function ProgressReviews(props: { tutor: string }) {
  const navigate = useNavigate();
  const reviews = createLiveQuery(async () =>
    (await db.reports.where('type').equals('progress-review').toArray()).sort((a, b) =>
      b.sessionDate.localeCompare(a.sessionDate),
    ),
  );
  const [error, setError] = createSignal('');
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const title = String(data.get('title') ?? '').trim();
    const date = readDate(data, 'date');
    if (!date.ok) {
      setError(date.problem);
      document.getElementById('review-date')?.focus();
      return;
    }
    if (!title) {
      setError('Give the checklist a title, such as the team or programme reviewed.');
      document.getElementById('review-title')?.focus();
      return;
    }
    setError('');
    navigate(`/report/${await startProgressReview(title, date.value ?? localDate(new Date()), props.tutor)}`);
  };
  return (
    <section class="card" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Progress-review checklists</h2>
      <p class="muted">Check how well learners' progress reviews work, stage by stage, against real evidence.</p>
      <Show when={(reviews() ?? []).length > 0}>
        <ul class="pending">
          <For each={reviews()}>
            {(review) => (
              <li>
                <a href={`/report/${review.id}`}>{review.title}</a>
                <span class="detail">
                  {review.sessionDate ? formatDate(review.sessionDate) : 'No date'} · {statusLabels[review.status]}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form onSubmit={submit} novalidate class="inline-form" aria-labelledby="new-review-heading">
        <h3 id="new-review-heading">Start a checklist</h3>
        <div class="row">
          <div class="field small">
            <label for="review-title">Title</label>
            <input
              id="review-title"
              name="title"
              type="text"
              maxLength={120}
              aria-describedby="review-error"
              aria-invalid={!!error()}
            />
          </div>
          <DateField id="review-date" name="date" label="Date" value={localDate(new Date())} />
        </div>
        <p id="review-error" class="error" role="alert">
          {error()}
        </p>
        <button type="submit">Start checklist</button>
      </form>
    </section>
  );
}
