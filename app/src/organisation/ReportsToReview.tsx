// The home page's list for a quality reviewer: the organisation's reports waiting for review (submitted or
// resubmitted), the one waiting longest first, flagged once past the organisation's own target. Each opens without
// a share link: the report page asks the relay for the reviewer's token (app/src/sync/organisation-reports.ts).
// Several can be marked (M on the focused entry, or its box; J and K move between entries) and approved together: each is still its own decision
// on the relay (POST /api/organisation/approvals), and those it could not approve are named with why.
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import {
  type BulkApprovalOutcome,
  type OrganisationReportSummary,
  type ReportChoices,
  reportSearchMaxLength,
} from '../../../shared/protocol/organisations.ts';
import { defaultReviewTargetDays, pastTarget, workingDaysWords } from '../../../shared/workflow/working-days.ts';
import { ShowMore } from '../desks/ShowMore.tsx';
import { DateField } from '../forms/DateField.tsx';
import { firstReports, firstReportsEarly, organisationApi } from './organisation-api.ts';
import {
  datesProblem,
  isFiltered,
  keepChosen,
  noFilter,
  type QueueFilter,
  queueQuery,
  sameFilter,
  waitedDays,
} from './queue-filter.ts';
import { keepQueueOrder } from './review-queue.ts';
import { checkSignedIn, signedIn } from './signed-in.ts';

const refreshMs = 60_000;
/** How many reports the queue shows at first, and how many more "Show more" adds. */
const queuePage = 50;
/** How long the search waits for the reviewer to stop typing before it asks the relay. */
const searchPauseMs = 300;

/** The queue's first page with what its filter offers: what it asks for first, unfiltered. */
const firstQuery = () => ({ ...queueQuery(noFilter), choices: true });

/** The queue's first page, asked as the home page opens for a tab last signed in as a quality reviewer. */
export const askReportsToReviewEarly = () => firstReportsEarly(firstQuery(), queuePage);

/** How the reviewer knows a report in the list and in what the relay answers. */
const nameOf = (report: OrganisationReportSummary) => report.title ?? `${report.ownerName}’s report`;

const reportsWord = (count: number) => `${count} report${count === 1 ? '' : 's'}`;

const noChoices: ReportChoices = { tutors: [], learners: [], clients: [], kinds: [] };

export function ReportsToReview() {
  const reviewer = () => signedIn()?.member.role === 'quality-reviewer';
  const target = () => signedIn()?.organisation.reviewTargetDays ?? defaultReviewTargetDays;
  // The relay filters in its directory and answers the first page at once; "Show more" asks for more (docs/protocol.md).
  const [filter, setFilter] = createSignal<QueueFilter>(noFilter);
  const [wanted, setWanted] = createSignal(queuePage);
  // The reports shown, and the filter they answer: after a failed ask, not always the filter chosen now.
  const [queue, setQueue] = createSignal<{
    reports: OrganisationReportSummary[];
    total: number;
    filter: QueueFilter;
  }>();
  const [choices, setChoices] = createSignal<ReportChoices>(noChoices);
  const [problem, setProblem] = createSignal<string>();
  const [outcomes, setOutcomes] = createSignal<BulkApprovalOutcome[]>();
  let asked = 0;
  /** Asks for the first `wanted` reports the filter keeps (and what the filter offers); the latest ask wins. */
  const load = async (withChoices: boolean): Promise<string | undefined> => {
    if (!reviewer()) return undefined;
    const ask = ++asked;
    if (datesProblem(filter())) {
      setQueue({ reports: [], total: 0, filter: filter() });
      return undefined;
    }
    const answer = await firstReports({ ...queueQuery(filter()), ...(withChoices ? { choices: true } : {}) }, wanted());
    if (ask !== asked) return undefined;
    if (!answer.ok) {
      setProblem(answer.problem.message);
      return answer.problem.message;
    }
    setProblem(undefined);
    setQueue({ reports: answer.value.reports, total: answer.value.total, filter: filter() });
    const offered = answer.value.choices;
    if (offered) setChoices(keepChosen(offered, choices(), filter()));
    return undefined;
  };
  const filterBy = (next: QueueFilter) => {
    setFilter(next);
    setWanted(queuePage);
    void load(false);
  };
  onMount(() => {
    void checkSignedIn().then(() => load(true));
    const timer = setInterval(() => void load(true), refreshMs);
    const onFocus = () => void load(true);
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
        <Show when={problem()}>
          {(words) => (
            <div class="error" role="alert">
              <p>
                {words()}
                <Show when={queue() && !sameFilter(queue()!.filter, filter())}>
                  {' '}
                  The list below is still the one from before your last change.
                </Show>
              </p>
              <button type="button" onClick={() => void load(queue() === undefined)}>
                Try again
              </button>
            </div>
          )}
        </Show>
        <Show
          when={queue()}
          fallback={
            <Show when={!problem()}>
              <p role="status">Loading the reports to review…</p>
            </Show>
          }
        >
          {(current) => (
            <Show
              when={current().total > 0 || isFiltered(filter())}
              fallback={<p class="muted">Nothing is waiting for review.</p>}
            >
              <Queue
                reports={current().reports}
                total={current().total}
                filter={filter()}
                onFilter={filterBy}
                choices={choices()}
                onMore={async () => {
                  setWanted(wanted() + queuePage);
                  // A problem is said once, above the queue.
                  await load(false);
                  return undefined;
                }}
                target={target()}
                onApproved={(done) => {
                  setOutcomes(done);
                  void load(true);
                }}
              />
            </Show>
          )}
        </Show>
      </section>
    </Show>
  );
}

function Queue(props: {
  /** The first reports the filter keeps, as the relay answered. */
  reports: OrganisationReportSummary[];
  /** How many the filter keeps in all: more than `reports` while pages are left to show. */
  total: number;
  filter: QueueFilter;
  onFilter(filter: QueueFilter): void;
  /** What each select offers: every tutor, learner, client and kind among the reports waiting, not only those shown. */
  choices: ReportChoices;
  onMore(): Promise<string | undefined>;
  target: number;
  onApproved(outcomes: BulkApprovalOutcome[]): void;
}) {
  const [marked, setMarked] = createSignal<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  // Only what is shown is approved: a report the filter hides is never approved unseen.
  const markedShown = () => props.reports.filter((report) => marked().has(report.id));
  const change = (field: keyof QueueFilter) => (event: { currentTarget: { value: string } }) =>
    props.onFilter({ ...props.filter, [field]: event.currentTarget.value });
  // The search asks once the reviewer pauses, not at every key.
  const [search, setSearch] = createSignal(props.filter.search);
  let pause: ReturnType<typeof setTimeout> | undefined;
  const searchFor = (words: string) => {
    setSearch(words);
    clearTimeout(pause);
    pause = setTimeout(() => props.onFilter({ ...props.filter, search: words }), searchPauseMs);
  };
  onCleanup(() => clearTimeout(pause));
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
  const select = (
    field: 'tutor' | 'learner' | 'client' | 'kind',
    label: string,
    options: { value: string; text: string }[],
  ) => (
    <span class="field">
      <label for={`queue-${field}`}>{label}</label>
      <select id={`queue-${field}`} value={props.filter[field]} onChange={change(field)}>
        <option value="">All</option>
        <For each={options}>{(option) => <option value={option.value}>{option.text}</option>}</For>
      </select>
    </span>
  );
  const same = (values: string[]) => values.map((value) => ({ value, text: value }));
  return (
    <>
      <fieldset class="queue-filter">
        <legend>Filter the reports to review</legend>
        {select(
          'tutor',
          'Tutor',
          props.choices.tutors.map((tutor) => ({ value: tutor.id, text: tutor.name })),
        )}
        {select('learner', 'Learner', same(props.choices.learners))}
        {select('client', 'Client', same(props.choices.clients))}
        {select(
          'kind',
          'Kind',
          props.choices.kinds.map((kind) => ({ value: kind.id, text: kind.label })),
        )}
        <DateField
          id="queue-from"
          label="Submitted from"
          value={props.filter.from || undefined}
          onValue={(day) => props.onFilter({ ...props.filter, from: day ?? '' })}
        />
        <DateField
          id="queue-to"
          label="Submitted to"
          value={props.filter.to || undefined}
          onValue={(day) => props.onFilter({ ...props.filter, to: day ?? '' })}
        />
        <label>
          Search title, tutor or learners
          <input
            type="search"
            value={search()}
            maxLength={reportSearchMaxLength}
            onInput={(event) => searchFor(event.currentTarget.value)}
          />
        </label>
      </fieldset>
      <Show when={datesProblem(props.filter)}>
        {(words) => (
          <p class="error" role="alert">
            {words()}
          </p>
        )}
      </Show>
      <p class="muted" id="mark-hint">
        Press M on a report to mark it (or tick its box), then approve the marked reports together: each is approved as
        its own decision.
      </p>
      <ul class="pending" aria-labelledby="to-review-heading" onKeyDown={onKey}>
        <For each={props.reports}>
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
                  onClick={() => keepQueueOrder(props.reports.map((each) => each.id))}
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
      <Show when={props.reports.length === 0 && !datesProblem(props.filter)}>
        <p class="muted">No report waiting for review fits the filter.</p>
      </Show>
      <ShowMore shown={props.reports.length} total={props.total} noun="report" onMore={props.onMore} />
      <div class="bulk-approve">
        <button
          type="button"
          class="secondary"
          onClick={() => setMarked(new Set([...marked(), ...props.reports.map((report) => report.id)]))}
          disabled={props.reports.length === 0}
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
