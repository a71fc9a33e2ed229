// The home page's list of the organisation's reports for a signed-in member who is not a quality reviewer (they have
// "Reports to review"): a tutor's or mentor's own reports that are not on this device yet (written on another
// device), and for everyone else (a coordinator, a client contact) every report their membership lets them read.
// Each opens without a share link: the report page asks the relay for the member's token
// (app/src/sync/organisation-reports.ts), and the report then lives on this device too. For a client contact it is
// their portal: the approved reports of their client's learners (all the relay lists for them), grouped by learner,
// newest first, each learner's whole record one printable page away.
import { createResource, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { reportWriters } from '../../../shared/protocol/member-access.ts';
import type { OrganisationReportQuery, OrganisationReportSummary } from '../../../shared/protocol/organisations.ts';
import { statusLabels } from '../../../shared/workflow/status.ts';
import { ok } from '../../../shared/result.ts';
import { db } from '../store/db.ts';
import { accessDb } from '../sync/access-db.ts';
import { byLearner, learnerRecordPath } from './by-learner.ts';
import { firstReports, firstReportsEarly } from './organisation-api.ts';
import { checkSignedIn, signedIn } from './signed-in.ts';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';

const refreshMs = 60_000;

/** How many reports the list shows at first, and how many more "Show more" adds. */
const listPage = 50;
/** Newest change first. */
const listQuery = { order: 'changed' } as const satisfies OrganisationReportQuery;

/** The list's first page, asked as the home page opens for a tab last signed in with a role that has the list. */
export const askOrganisationReportsEarly = () => firstReportsEarly(listQuery, listPage);

/**
 * A tutor's or mentor's reports not on this device; everyone else's list. Newest change first, the first `count`
 * (the relay's directory pages them), with how many there are in all.
 */
async function listed(writer: boolean, count: number) {
  const answer = await firstReports(listQuery, count);
  if (!answer.ok) return answer;
  // On this device: listed in its index, or opened here (its link is kept as it opens, before the index catches up).
  const here = writer
    ? new Set([
        ...(await db.reports.toCollection().primaryKeys()),
        ...(await accessDb.links.toCollection().primaryKeys()),
      ])
    : new Set<string>();
  const reports = answer.value.reports
    .filter((report) => !here.has(report.id))
    .sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  return ok({ reports, more: answer.value.total > answer.value.reports.length });
}

const label = (report: OrganisationReportSummary) =>
  `${report.title ?? `${report.ownerName}’s report`}, ${statusLabels[report.status].toLowerCase()}, last changed ${formatMoment(report.changedAt)}`;

export function OrganisationReports() {
  const role = () => signedIn()?.member.role;
  const shown = () => role() !== undefined && role() !== 'quality-reviewer' && role() !== 'administrator';
  const writer = () => reportWriters.includes(role()!);
  const [wanted, setWanted] = createSignal(listPage);
  const [answer, { refetch }] = createResource(
    () => (shown() ? { writer: writer(), count: wanted() } : false),
    (asked) => listed(asked.writer, asked.count),
  );
  onMount(() => {
    void checkSignedIn();
    const timer = setInterval(() => shown() && void refetch(), refreshMs);
    onCleanup(() => clearInterval(timer));
  });
  const client = () => role() === 'client-contact';
  const heading = () =>
    writer()
      ? 'Your reports on other devices'
      : client()
        ? 'Your learners’ reports'
        : role() === 'early-career-teacher'
          ? 'Your progress reviews'
          : role() === 'appropriate-body-reviewer'
            ? 'Reviews from your schools'
            : `Reports of ${signedIn()?.organisation.name}`;
  const reports = () => {
    const current = answer();
    return current?.ok ? current.value.reports : undefined;
  };
  const more = () => {
    const current = answer();
    return current?.ok ? current.value.more : false;
  };
  const problem = () => {
    const current = answer();
    return current && !current.ok ? current.problem.message : '';
  };
  return (
    <Show when={shown()}>
      <Show when={problem()}>
        <p class="error" role="alert">
          {problem()}
        </p>
      </Show>
      <Show when={reports() && (!writer() || reports()!.length > 0) ? reports() : undefined}>
        {(list) => (
          <section class="card organisation-reports" aria-labelledby="organisation-reports-heading">
            <h2 id="organisation-reports-heading">{heading()}</h2>
            <p class="muted">
              {writer()
                ? 'Reports you write that this device does not hold yet. Open one to bring it here.'
                : client()
                  ? 'Every approved report about your learners, newest first. They open without a share link.'
                  : 'The reports your membership lets you read. They open without a share link.'}
            </p>
            <Show when={list().length > 0} fallback={<p class="muted">There are no reports for you yet.</p>}>
              <Show when={client()} fallback={<ReportList list={list()} />}>
                <For each={byLearner(list())}>
                  {(group, index) => (
                    <section class="learner-group" aria-labelledby={`learner-${index()}`}>
                      <h3 id={`learner-${index()}`}>{group.learner}</h3>
                      <p>
                        <a href={learnerRecordPath(group.learner)}>{group.learner}’s whole record</a>
                      </p>
                      <ReportList list={group.reports} labelledBy={`learner-${index()}`} />
                    </section>
                  )}
                </For>
              </Show>
            </Show>
            <Show when={more()}>
              <p>
                <button type="button" class="secondary" onClick={() => setWanted(wanted() + listPage)}>
                  Show more
                </button>
              </p>
            </Show>
          </section>
        )}
      </Show>
    </Show>
  );
}

function ReportList(props: { list: OrganisationReportSummary[]; labelledBy?: string }) {
  return (
    <ul class="pending" aria-labelledby={props.labelledBy ?? 'organisation-reports-heading'}>
      <For each={props.list}>
        {(report) => (
          <li>
            <a href={`/report/${report.id}`}>{label(report)}</a>
            <Show when={report.learners?.length}>
              <span class="detail">With {report.learners!.join(', ')}</span>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
