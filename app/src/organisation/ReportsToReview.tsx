// The home page's list for a quality reviewer: the organisation's reports waiting for review (submitted or
// resubmitted), the one waiting longest first, flagged once past the organisation's own target. Each opens without
// a share link: the report page asks the relay for the reviewer's token (app/src/sync/organisation-reports.ts).
// Several can be marked (M on the focused entry, or its box; J and K move between entries) and approved together: each is still its own decision
// on the relay (POST /api/organisation/approvals), and those it could not approve are named with why.
import { createResource, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import type {
  BulkApprovalOutcome,
  OrganisationReportQuery,
  OrganisationReportSummary,
} from '../../../shared/protocol/organisations.ts';
import { defaultReviewTargetDays, pastTarget, workingDaysWords } from '../../../shared/workflow/working-days.ts';
import { DateField } from '../forms/DateField.tsx';
import { firstReports, firstReportsEarly, organisationApi } from './organisation-api.ts';
import { datesProblem, filterQueue, noFilter, type QueueFilter, toReview, waitedDays } from './queue-filter.ts';
import { keepQueueOrder } from './review-queue.ts';
import { checkSignedIn, signedIn } from './signed-in.ts';

const refreshMs = 60_000;
/** How many reports the queue shows at first, and how many more "Show more" adds. */
const queuePage = 50;
/** The queue asks the relay for the reports waiting, the one waiting longest first. */
const queueQuery = {
  status: ['submitted', 'resubmitted'],
  order: 'submitted',
} as const satisfies OrganisationReportQuery;

/** The queue's first page, asked as the home page opens for a tab last signed in as a quality reviewer. */
export const askReportsToReviewEarly = () => firstReportsEarly(queueQuery, queuePage);

/** The choices for a filter's select, sorted, each once. */
const choices = (values: (string | undefined)[]) =>
  [...new Set(values.filter((value): value is string => Boolean(value)))].sort((a, b) => a.localeCompare(b, 'en-GB'));

/** How the reviewer knows a report in the list and in what the relay answers. */
const nameOf = (report: OrganisationReportSummary) => report.title ?? `${report.ownerName}’s report`;

const reportsWord = (count: number) => `${count} report${count === 1 ? '' : 's'}`;

export function ReportsToReview() {
  const reviewer = () => signedIn()?.member.role === 'quality-reviewer';
  const target = () => signedIn()?.organisation.reviewTargetDays ?? defaultReviewTargetDays;
  // The relay's directory answers the first page at once; "Show more" asks for the next (docs/protocol.md).
  const [wanted, setWanted] = createSignal(queuePage);
  const [answer, { refetch }] = createResource(
    () => (reviewer() ? wanted() : false),
    (count) => firstReports(queueQuery, count),
  );
  const [outcomes, setOutcomes] = createSignal<BulkApprovalOutcome[]>();
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
          how long each has waited in working days (Monday to Friday, not bank holidays in England and Wales); the
          target is {workingDaysWords(target())}. They open without a share link.
        </p>
        <BulkOutcome outcomes={outcomes()} />
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
                  <Queue
                    reports={reports()}
                    total={(() => {
                      const current = result();
                      return current.ok ? current.value.total : 0;
                    })()}
                    onMore={() => setWanted(wanted() + queuePage)}
                    target={target()}
                    onApproved={(done) => {
                      setOutcomes(done);
                      void refetch();
                    }}
                  />
                </Show>
              )}
            </Show>
          )}
        </Show>
      </section>
    </Show>
  );
}

function Queue(props: {
  reports: OrganisationReportSummary[];
  /** How many are waiting in all: more than `reports` while pages are left to show. */
  total: number;
  onMore(): void;
  target: number;
  onApproved(outcomes: BulkApprovalOutcome[]): void;
}) {
  const [filter, setFilter] = createSignal<QueueFilter>(noFilter);
  const [marked, setMarked] = createSignal<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  const shown = () => filterQueue(props.reports, filter());
  // Only what is shown is approved: a report the filter hides is never approved unseen.
  const markedShown = () => shown().filter((report) => marked().has(report.id));
  const change = (field: keyof QueueFilter) => (event: { currentTarget: { value: string } }) =>
    setFilter({ ...filter(), [field]: event.currentTarget.value });
  const toggle = (id: string) => {
    const next = new Set(marked());
    if (!next.delete(id)) next.add(id);
    setMarked(next);
  };
  // On an entry: M marks or unmarks it; J and K go to the next and the previous entry's link.
  const onKey = (event: KeyboardEvent) => {
    const key = event.key.toLowerCase();
    if (!['m', 'j', 'k'].includes(key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const item = (event.target as HTMLElement).closest<HTMLElement>('li[data-report]');
    if (!item?.dataset.report) return;
    event.preventDefault();
    if (key === 'm') return toggle(item.dataset.report);
    const next = key === 'j' ? item.nextElementSibling : item.previousElementSibling;
    next?.querySelector<HTMLElement>('a')?.focus();
  };
  const approve = async () => {
    const ids = markedShown().map((report) => report.id);
    if (ids.length === 0) return;
    setBusy(true);
    setProblem(undefined);
    const answer = await organisationApi.approveReports(ids);
    setBusy(false);
    if (!answer.ok) return setProblem(answer.problem.message);
    const approved = new Set(answer.value.outcomes.filter((each) => each.ok).map((each) => each.id));
    setMarked(new Set([...marked()].filter((id) => !approved.has(id))));
    props.onApproved(answer.value.outcomes);
  };
  const select = (field: 'tutor' | 'learner' | 'client' | 'kind', label: string, values: string[]) => (
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
        {select('tutor', 'Tutor', choices(props.reports.map((report) => report.ownerName)))}
        {select('learner', 'Learner', choices(props.reports.flatMap((report) => report.learners ?? [])))}
        {select('client', 'Client', choices(props.reports.map((report) => report.clientId)))}
        {select('kind', 'Kind', choices(props.reports.map((report) => report.kind)))}
        <DateField
          id="queue-from"
          label="Submitted from"
          value={filter().from || undefined}
          onValue={(day) => setFilter({ ...filter(), from: day ?? '' })}
        />
        <DateField
          id="queue-to"
          label="Submitted to"
          value={filter().to || undefined}
          onValue={(day) => setFilter({ ...filter(), to: day ?? '' })}
        />
        <label>
          Search title, tutor or learners
          <input type="search" value={filter().search} onInput={change('search')} />
        </label>
      </fieldset>
      <Show when={datesProblem(filter())}>
        {(words) => (
          <p class="error" role="alert">
            {words()}
          </p>
        )}
      </Show>
      <p role="status" class="muted">
        {shown().length} of {reportsWord(props.reports.length)}
      </p>
      <p class="muted" id="mark-hint">
        Press M on a report to mark it (or tick its box), then approve the marked reports together: each is approved as
        its own decision.
      </p>
      <ul class="pending" aria-labelledby="to-review-heading" onKeyDown={onKey}>
        <For each={shown()}>
          {(report) => {
            const waited = () => waitedDays(report, new Date());
            const late = () => pastTarget(waited(), props.target);
            return (
              <li data-report={report.id} classList={{ overdue: late(), marked: marked().has(report.id) }}>
                <Show when={late()}>
                  <span class="pending-kind">Waiting longer than {workingDaysWords(props.target)}</span>
                </Show>
                <a
                  href={`/report/${report.id}`}
                  aria-keyshortcuts="M J K"
                  aria-describedby="mark-hint"
                  onClick={() => keepQueueOrder(shown().map((each) => each.id))}
                >
                  {report.ownerName}’s report, {report.status === 'resubmitted' ? 'resubmitted' : 'submitted'}{' '}
                  {formatMoment(report.submittedAt ?? report.changedAt)}
                </a>
                <span class="about">{report.title ?? 'Untitled report'}</span>
                <span class="detail">
                  {report.kind ?? 'Report'}. Learners:{' '}
                  {report.learners?.length ? report.learners.join(', ') : 'none named'}. Waited{' '}
                  {workingDaysWords(waited())}.{report.clientId ? ` Client: ${report.clientId}.` : ''}
                </span>
                <label class="mark">
                  <input
                    type="checkbox"
                    checked={marked().has(report.id)}
                    onChange={() => toggle(report.id)}
                    aria-keyshortcuts="M"
                  />{' '}
                  Mark <span class="visually-hidden">{nameOf(report)} </span>for approval
                </label>
              </li>
            );
          }}
        </For>
      </ul>
      <Show when={props.total > props.reports.length}>
        <p class="muted">
          The first {reportsWord(props.reports.length)} of {props.total} waiting are shown; the filter looks in those.{' '}
          <button type="button" class="secondary" onClick={() => props.onMore()}>
            Show more
          </button>
        </p>
      </Show>
      <div class="bulk-approve">
        <button
          type="button"
          class="secondary"
          onClick={() => setMarked(new Set([...marked(), ...shown().map((report) => report.id)]))}
          disabled={shown().length === 0}
        >
          Mark all shown
        </button>{' '}
        <button
          type="button"
          class="secondary"
          onClick={() => setMarked(new Set<string>())}
          disabled={marked().size === 0}
        >
          Unmark all
        </button>{' '}
        <button type="button" onClick={approve} disabled={busy() || markedShown().length === 0}>
          {busy() ? 'Approving…' : `Approve ${reportsWord(markedShown().length)} marked`}
        </button>
      </div>
      <Show when={problem()}>
        {(words) => (
          <p class="error" role="alert">
            {words()}
          </p>
        )}
      </Show>
    </>
  );
}

/** What became of the last bulk approval: kept above the queue, so it stays when the queue empties. */
function BulkOutcome(props: { outcomes: BulkApprovalOutcome[] | undefined }) {
  return (
    <div aria-live="polite" class="bulk-outcome">
      <Show when={props.outcomes}>
        {(done) => (
          <>
            <p>Approved {reportsWord(done().filter((each) => each.ok).length)}.</p>
            <Show when={done().some((each) => !each.ok)}>
              <div role="alert" class="error">
                <p>These were not approved:</p>
                <ul>
                  <For each={done().filter((each) => !each.ok)}>
                    {(refused) => (
                      <li>
                        <strong>{refused.name}</strong>: {refused.ok ? '' : refused.problem}
                      </li>
                    )}
                  </For>
                </ul>
              </div>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
