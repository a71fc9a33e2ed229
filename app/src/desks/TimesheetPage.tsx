// /timesheet: "My timesheet" for a tutor (their own session reports of a month) and "Payroll" for the agency's payroll
// roles (every tutor's), both computed by the relay (GET /api/organisation/timesheets). Only approved sessions with a
// paid attendance code are counted; sessions not yet approved are shown apart. CSV and PDF come from the relay.
import type { RouteSectionProps } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, For, type JSX, on, Show } from 'solid-js';
import { dateFieldText, formatMoment } from '../../../shared/forms/uk-dates.ts';
import { organisationPaths } from '../../../shared/protocol/organisations.ts';
import {
  type ClosedMonth,
  payrollRoles,
  type Timesheet,
  type TimesheetRow,
  type TimesheetTotals,
} from '../../../shared/protocol/timesheets.ts';
import { hoursAndMinutes, monthName } from '../../../shared/timesheets/rows.ts';
import { statusLabels } from '../../../shared/workflow/status.ts';
import { MembersOnly } from '../organisation/MembersOnly.tsx';
import { Answered } from '../organisation/Answered.tsx';
import { organisationApi } from '../organisation/organisation-api.ts';
import { ShowMore } from './ShowMore.tsx';
import { thisMonth, type TimesheetFirstPage } from './first-pages.ts';
import { signedIn } from '../organisation/signed-in.ts';
import '../organisation/organisation.css';
import './timesheet.css';

/** `data`: this month's first page, asked as the route was matched (first-pages.ts). */
export function TimesheetPage(props: RouteSectionProps<TimesheetFirstPage>) {
  const payroll = () => {
    const role = signedIn()?.member.role;
    return role !== undefined && payrollRoles.includes(role);
  };
  const title = () => (payroll() ? 'Payroll' : 'My timesheet');
  return (
    <MembersOnly title="Timesheet" signInTo="see your timesheet">
      <Month title={title()} first={props.data} />
    </MembersOnly>
  );
}

function Month(props: { title: string; first: TimesheetFirstPage }) {
  const [month, setMonth] = createSignal(thisMonth());
  // The month the page opens on was asked for already; any other month, or the same one again, is asked now.
  let first = props.first;
  const [sheet, { mutate }] = createResource(month, (wanted) => {
    const early = first?.month === wanted ? first.answer : undefined;
    first = undefined;
    return early ?? organisationApi.timesheet(wanted);
  });
  const [closing, setClosing] = createSignal<{ busy: boolean; problem?: string }>({ busy: false });
  const close = async () => {
    setClosing({ busy: true });
    const answer = await organisationApi.closeMonth(month());
    setClosing(answer.ok ? { busy: false } : { busy: false, problem: answer.problem.message });
    if (answer.ok) mutate(answer);
  };
  return (
    <div class="organisation-page timesheet">
      <h1>{props.title}</h1>
      <div class="row">
        <div class="field">
          <label for="timesheet-month">Month</label>
          <input
            id="timesheet-month"
            type="month"
            value={month()}
            onChange={(event) => {
              if (/^\d{4}-\d{2}$/.test(event.currentTarget.value)) setMonth(event.currentTarget.value);
            }}
          />
        </div>
      </div>
      <p>
        <a href={organisationPaths.timesheets(month(), { format: 'csv' })} download={`timesheet-${month()}.csv`}>
          Download {monthName(month())} as CSV
        </a>{' '}
        or{' '}
        <a href={organisationPaths.timesheets(month(), { format: 'pdf' })} download={`timesheet-${month()}.pdf`}>
          as PDF
        </a>
      </p>
      <Answered answer={sheet()} awaiting="Loading the timesheet…">
        {(held) => (
          <>
            <Show when={signedIn()?.member.role === 'administrator' && !held().closed}>
              <section class="card no-print" aria-labelledby="close-month">
                <h2 id="close-month">Close {monthName(held().month)}</h2>
                <p>
                  Once the payroll for the month has been exported, close it: what is counted now is kept, and any later
                  change to its sessions is flagged here rather than counted.
                </p>
                <button type="button" disabled={closing().busy} onClick={close}>
                  Close {monthName(held().month)}
                </button>
                <Show when={closing().problem}>
                  <p role="alert" class="error">
                    {closing().problem}
                  </p>
                </Show>
              </section>
            </Show>
            <Sheet sheet={held()} />
          </>
        )}
      </Answered>
    </div>
  );
}

function Sheet(props: { sheet: Timesheet }) {
  const name = () => monthName(props.sheet.month);
  // The relay answers the month's first page with the figures over the whole month; "Show more" adds the next pages
  // here. A new answer (another month, or the month just closed) starts again from its first page.
  const [later, setLater] = createSignal<{ rows?: TimesheetRow[]; next?: number }>({});
  createEffect(
    on(
      () => props.sheet,
      () => setLater({}),
      { defer: true },
    ),
  );
  const loaded = createMemo(() => [...props.sheet.rows, ...(later().rows ?? [])]);
  const next = () => ('rows' in later() ? later().next : props.sheet.next);
  const more = async () => {
    const offset = next();
    if (offset === undefined) return undefined;
    const answer = await organisationApi.timesheet(props.sheet.month, { offset });
    if (!answer.ok) return answer.problem.message;
    const page = answer.value;
    setLater({
      rows: [...(later().rows ?? []), ...page.rows],
      ...(page.next !== undefined ? { next: page.next } : {}),
    });
    return undefined;
  };
  const approved = createMemo(() => loaded().filter((row) => row.status === 'approved'));
  const pending = createMemo(() => loaded().filter((row) => row.status !== 'approved'));
  const payroll = () => props.sheet.scope === 'payroll';
  return (
    <>
      <Show when={props.sheet.closed}>{(closed) => <Closed closed={closed()} month={name()} />}</Show>
      <section class="card" aria-labelledby="timesheet-totals">
        <h2 id="timesheet-totals">Totals for {name()}</h2>
        <Totals totals={props.sheet.totals} />
        <Show when={payroll() && props.sheet.tutors.length > 0}>
          <div class="table-scroll">
            <table>
              <caption>Per tutor</caption>
              <thead>
                <tr>
                  <th scope="col">Tutor</th>
                  <th scope="col">Paid sessions</th>
                  <th scope="col">Paid hours</th>
                  <th scope="col">Pending sessions</th>
                  <th scope="col">Pending hours</th>
                </tr>
              </thead>
              <tbody>
                <For each={props.sheet.tutors}>
                  {(tutor) => (
                    <tr>
                      <th scope="row">{tutor.tutorName}</th>
                      <td>{tutor.totals.countedSessions}</td>
                      <td>{hoursAndMinutes(tutor.totals.countedMinutes)}</td>
                      <td>{tutor.totals.pendingSessions}</td>
                      <td>{hoursAndMinutes(tutor.totals.pendingMinutes)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
      <Rows
        id="timesheet-approved"
        heading="Approved sessions"
        caption={`Approved sessions in ${name()}: only those with a paid attendance code are counted`}
        rows={approved()}
        payroll={payroll()}
        empty={<p>No approved sessions in {name()} yet.</p>}
      />
      <Rows
        id="timesheet-pending"
        heading="Pending: not yet approved"
        caption={`Sessions in ${name()} not yet approved: not counted`}
        rows={pending()}
        payroll={payroll()}
        empty={<p>Nothing pending in {name()}.</p>}
      />
      <Show when={props.sheet.total > 0}>
        <ShowMore shown={loaded().length} total={props.sheet.total} noun="session" onMore={more} />
      </Show>
    </>
  );
}

function Closed(props: { closed: ClosedMonth; month: string }) {
  return (
    <section class="card" aria-labelledby="month-closed">
      <h2 id="month-closed">{props.month} is closed</h2>
      <p>
        Closed by {props.closed.byName} on <time datetime={props.closed.at}>{formatMoment(props.closed.at)}</time>. What
        was counted then is what is paid:
      </p>
      <Totals totals={props.closed.totals} testId="closed" />
      <Show when={props.closed.changes.length > 0} fallback={<p>Nothing has changed since the month was closed.</p>}>
        <section class="changed-after-closing" aria-labelledby="changed-after-closing">
          <h3 id="changed-after-closing">Changed after the month was closed</h3>
          <p>These sessions are different now from when the month was closed. They are not counted in what was paid.</p>
          <ul>
            <For each={props.closed.changes}>
              {(change) => (
                <li>
                  {change.tutorName}, <time datetime={change.date}>{dateFieldText(change.date)}</time> (
                  <a href={`/report/${change.reportId}`}>report</a>): {change.what.join('; ')}
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </section>
  );
}

function Totals(props: { totals: TimesheetTotals; testId?: string }) {
  return (
    <dl class="timesheet-totals">
      <dt>Counted (approved, paid)</dt>
      <dd data-testid={`${props.testId ?? 'now'}-counted`}>
        {props.totals.countedSessions} session{props.totals.countedSessions === 1 ? '' : 's'},{' '}
        {hoursAndMinutes(props.totals.countedMinutes)} hours
      </dd>
      <dt>Pending (not yet approved)</dt>
      <dd data-testid={`${props.testId ?? 'now'}-pending`}>
        {props.totals.pendingSessions} session{props.totals.pendingSessions === 1 ? '' : 's'},{' '}
        {hoursAndMinutes(props.totals.pendingMinutes)} hours
      </dd>
    </dl>
  );
}

function Rows(props: {
  id: string;
  heading: string;
  caption: string;
  rows: TimesheetRow[];
  payroll: boolean;
  empty: JSX.Element;
}) {
  return (
    <section class="card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      <Show when={props.rows.length > 0} fallback={props.empty}>
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{props.caption}</caption>
            <thead>
              <tr>
                <Show when={props.payroll}>
                  <th scope="col">Tutor</th>
                </Show>
                <th scope="col">Date</th>
                <th scope="col">Start</th>
                <th scope="col">Finish</th>
                <th scope="col">Duration</th>
                <th scope="col">Session type</th>
                <th scope="col">Attendance</th>
                <th scope="col">Paid</th>
                <th scope="col">Status</th>
                <th scope="col">Report</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.rows}>
                {(row) => (
                  <tr>
                    <Show when={props.payroll}>
                      <td>{row.tutorName}</td>
                    </Show>
                    <td>
                      <time datetime={row.date}>{dateFieldText(row.date)}</time>
                    </td>
                    <td>{row.start}</td>
                    <td>{row.finish}</td>
                    <td>{hoursAndMinutes(row.minutes)}</td>
                    <td>{row.sessionType}</td>
                    <td>{row.attendance || 'Not recorded'}</td>
                    <td>{row.paid ? 'Paid' : 'Not paid'}</td>
                    <td>{statusLabels[row.status]}</td>
                    <td>
                      <a href={`/report/${row.reportId}`}>Open</a>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
