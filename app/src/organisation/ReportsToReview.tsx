// The home page's list for a quality reviewer: the organisation's reports waiting for review (submitted or
// resubmitted), the one waiting longest first. Each opens without a share link: the report page asks the relay
// for the reviewer's token (app/src/sync/organisation-reports.ts).
import { createResource, For, onCleanup, onMount, Show } from 'solid-js';
import type { OrganisationReportSummary } from '../../../shared/protocol/organisations.ts';
import { organisationApi } from './organisation-api.ts';
import { checkSignedIn, signedIn } from './signed-in.ts';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';

const waiting = (report: OrganisationReportSummary) => report.status === 'submitted' || report.status === 'resubmitted';

/** Oldest submitted first: the report that has waited longest is reviewed first. */
export const toReview = (reports: OrganisationReportSummary[]): OrganisationReportSummary[] =>
  reports.filter(waiting).sort((a, b) => (a.submittedAt ?? a.changedAt).localeCompare(b.submittedAt ?? b.changedAt));

const refreshMs = 60_000;

export function ReportsToReview() {
  const reviewer = () => signedIn()?.member.role === 'quality-reviewer';
  const [answer, { refetch }] = createResource(reviewer, () => organisationApi.reports());
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
          Reports of {signedIn()?.organisation.name} submitted for quality review, the one waiting longest first. They
          open without a share link.
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
                  <ul class="pending" aria-labelledby="to-review-heading">
                    <For each={reports()}>
                      {(report) => (
                        <li>
                          <a href={`/report/${report.id}`}>
                            {report.ownerName}’s report, {report.status === 'resubmitted' ? 'resubmitted' : 'submitted'}{' '}
                            {formatMoment(report.submittedAt ?? report.changedAt)}
                          </a>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              )}
            </Show>
          )}
        </Show>
      </section>
    </Show>
  );
}
