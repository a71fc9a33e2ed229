// The home page's list for a quality reviewer: the organisation's reports waiting for review (submitted or
// resubmitted), the one waiting longest first. Each opens without a share link: the report page asks the relay
// for the reviewer's token (app/src/sync/organisation-reports.ts).
import { createResource, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { OrganisationReportSummary } from '../../../shared/protocol/organisations.ts';
import { organisationApi } from './organisation-api.ts';
import { keepQueueOrder } from './review-queue.ts';
import { checkSignedIn, signedIn } from './signed-in.ts';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import { localDate } from '../../../shared/workflow/calendar.ts';
import {
  defaultReviewTargetDays,
  pastTarget,
  workingDaysBetween,
  workingDaysWords,
} from '../../../shared/workflow/working-days.ts';

const waiting = (report: OrganisationReportSummary) => report.status === 'submitted' || report.status === 'resubmitted';

/** Oldest submitted first: the report that has waited longest is reviewed first. */
export const toReview = (reports: OrganisationReportSummary[]): OrganisationReportSummary[] =>
  reports.filter(waiting).sort((a, b) => (a.submittedAt ?? a.changedAt).localeCompare(b.submittedAt ?? b.changedAt));

const refreshMs = 60_000;

export interface QueueFilter {
  tutor: string;
  learner: string;
  kind: string;
  search: string;
}

export const noFilter: QueueFilter = { tutor: '', learner: '', kind: '', search: '' };

/** The reports a reviewer's filter keeps: an empty field keeps every report; the search looks in title, tutor and
 *  learners, ignoring case. */
export function filterQueue(reports: OrganisationReportSummary[], filter: QueueFilter): OrganisationReportSummary[] {
  const words = filter.search.trim().toLocaleLowerCase('en-GB');
  return reports.filter(
    (report) =>
      (!filter.tutor || report.ownerName === filter.tutor) &&
      (!filter.learner || (report.learners ?? []).includes(filter.learner)) &&
      (!filter.kind || report.kind === filter.kind) &&
      (!words ||
        [report.title ?? '', report.ownerName, ...(report.learners ?? [])]
          .join(' ')
          .toLocaleLowerCase('en-GB')
          .includes(words)),
  );
}

/** The choices for a filter's select, sorted, each once. */
const choices = (values: (string | undefined)[]) =>
  [...new Set(values.filter((value): value is string => Boolean(value)))].sort((a, b) => a.localeCompare(b, 'en-GB'));

/** How many working days a report has waited since it was submitted, by the reviewer's own calendar. */
export const waitedDays = (report: OrganisationReportSummary, now: Date): number =>
  workingDaysBetween(localDate(new Date(report.submittedAt ?? report.changedAt)), localDate(now));

export function ReportsToReview() {
  const reviewer = () => signedIn()?.member.role === 'quality-reviewer';
  const [answer, { refetch }] = createResource(reviewer, () => organisationApi.reports());
  const [filter, setFilter] = createSignal<QueueFilter>(noFilter);
  const change = (field: keyof QueueFilter) => (event: { currentTarget: { value: string } }) =>
    setFilter({ ...filter(), [field]: event.currentTarget.value });
  onMount(() => {
    void checkSignedIn();
    const timer = setInterval(() => reviewer() && void refetch(), refreshMs);
    const onFocus = () => reviewer() && void refetch();
    window.addEventListener('focus', onFocus);
    onCleanup(() => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    });
  });
  return (
    <Show when={reviewer()}>
      <section class="card to-review" aria-labelledby="to-review-heading">
        <h2 id="to-review-heading">Reports to review</h2>
        <p class="muted">
          Reports of {signedIn()?.organisation.name} submitted for quality review, the one waiting longest first, with
          how long each has waited in working days (Monday to Friday); the target is{' '}
          {workingDaysWords(defaultReviewTargetDays)}. They open without a share link.
        </p>
        <Show when={answer()} fallback={<p role="status">Loading the reports to review…</p>}>
          {(result) => (
            <Show
              when={(() => {
                const current = result();
                return current.ok ? toReview(current.value.reports) : undefined;
              })()}
              fallback={
                <p class="error" role="alert">
                  {(() => {
                    const current = result();
                    return current.ok ? '' : current.problem.message;
                  })()}
                </p>
              }
            >
              {(reports) => (
                <Show when={reports().length > 0} fallback={<p class="muted">Nothing is waiting for review.</p>}>
                  {(() => {
                    const shown = () => filterQueue(reports(), filter());
                    const select = (field: 'tutor' | 'learner' | 'kind', label: string, values: string[]) => (
                      <span class="field">
                        <label for={`queue-${field}`}>{label}</label>
                        <select id={`queue-${field}`} value={filter()[field]} onChange={change(field)}>
                          <option value="">All</option>
                          <For each={values}>{(value) => <option value={value}>{value}</option>}</For>
                        </select>
                      </span>
                    );
                    return (
                      <>
                        <fieldset class="queue-filter">
                          <legend>Filter the reports to review</legend>
                          {select('tutor', 'Tutor', choices(reports().map((report) => report.ownerName)))}
                          {select('learner', 'Learner', choices(reports().flatMap((report) => report.learners ?? [])))}
                          {select('kind', 'Kind', choices(reports().map((report) => report.kind)))}
                          <label>
                            Search title, tutor or learners
                            <input type="search" value={filter().search} onInput={change('search')} />
                          </label>
                        </fieldset>
                        <p role="status" class="muted">
                          {shown().length} of {reports().length} report{reports().length === 1 ? '' : 's'}
                        </p>
                        <ul class="pending" aria-labelledby="to-review-heading">
                          <For each={shown()}>
                            {(report) => (
                              <li classList={{ overdue: pastTarget(waitedDays(report, new Date())) }}>
                                <Show when={pastTarget(waitedDays(report, new Date()))}>
                                  <span class="pending-kind">
                                    Waiting longer than {workingDaysWords(defaultReviewTargetDays)}
                                  </span>
                                </Show>
                                <a
                                  href={`/report/${report.id}`}
                                  onClick={() => keepQueueOrder(shown().map((shown) => shown.id))}
                                >
                                  {report.ownerName}’s report,{' '}
                                  {report.status === 'resubmitted' ? 'resubmitted' : 'submitted'}{' '}
                                  {formatMoment(report.submittedAt ?? report.changedAt)}
                                </a>
                                <span class="about">{report.title ?? 'Untitled report'}</span>
                                <span class="detail">
                                  {report.kind ?? 'Report'}. Learners:{' '}
                                  {report.learners?.length ? report.learners.join(', ') : 'none named'}. Waited{' '}
                                  {workingDaysWords(waitedDays(report, new Date()))}.
                                </span>
                              </li>
                            )}
                          </For>
                        </ul>
                      </>
                    );
                  })()}
                </Show>
              )}
            </Show>
          )}
        </Show>
      </section>
    </Show>
  );
}
