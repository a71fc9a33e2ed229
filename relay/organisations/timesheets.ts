// Timesheets (docs/protocol.md, "Timesheets"): a month of session reports as rows, computed from the stored reports
// each time. A tutor or mentor sees only the reports they own; the payroll roles (shared/protocol/timesheets.ts) see
// every tutor's. Only approved sessions with a paid attendance code are counted; the rest not yet approved are
// pending, shown apart. As JSON, or as CSV with `format=csv` (UTF-8 without a byte order mark, a header row, ISO
// dates, RFC 4180 quoting, formula-looking cells defused as in the audit log's CSV), or as an A4 PDF with `format=pdf`.
// Exporting the whole month and closing it are recorded in the organisation's audit log, which is append-only:
// "month closed" keeps the rows counted then (its snapshot), so later changes are flagged against it.
import type { IncomingMessage } from 'node:http';
import {
  CloseMonthRequest,
  type ClosedMonth,
  payrollRoles,
  parseMonth,
  TimesheetPageQuery,
  timesheetRoles,
  type Timesheet,
  type TimesheetRow,
  timesheetPageSize,
} from '../../shared/protocol/timesheets.ts';
import { pageOf } from '../../shared/protocol/paging.ts';
import { memberRoleLabels } from '../../shared/protocol/organisations.ts';
import { changesSinceClosing } from '../../shared/timesheets/closing.ts';
import {
  monthName,
  timesheetCells,
  timesheetColumns,
  timesheetRowOf,
  timesheetTotals,
} from '../../shared/timesheets/rows.ts';
import { timesheetPdf } from './timesheet-pdf.ts';
import type { AuditEntry, MemberRecord } from '../storage/organisations.ts';
import { csvCell } from './audit-csv.ts';
import type { MemberReportsContext } from './member-reports.ts';
import { type Answer, Problem, readBody, readQuery, signedInAdministrator, signedInMember } from './requests.ts';

export const timesheetAuditActions = { exported: 'timesheet exported', closed: 'month closed' } as const;

export async function timesheet(context: MemberReportsContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  const query = new URL(request.url ?? '/', 'http://relay').searchParams;
  const month = orBadRequest(parseMonth(query.get('month')));
  const format = query.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv' && format !== 'pdf')
    throw new Problem(400, 'The format is json (the default), csv or pdf.');
  const page = readQuery(request, TimesheetPageQuery, 'The page asked for is not one the relay reads.');
  if (!timesheetRoles.includes(member.role))
    throw new Problem(
      403,
      `Timesheets are for the tutors and mentors who write session reports, and the payroll for administrators and coordinators; as a ${memberRoleLabels[member.role].toLowerCase()} you have none.`,
    );
  const payroll = payrollRoles.includes(member.role);
  const wanted = query.get('member');
  if (!payroll && wanted !== null && wanted !== member.id)
    throw new Problem(
      403,
      'A tutor sees their own timesheet only; the payroll is for administrators and coordinators.',
    );
  const tutorId = payroll ? (wanted ?? undefined) : member.id;
  const rows = await monthRows(context, member.organisationId, month, tutorId);
  if (format !== 'json' && payroll && tutorId === undefined)
    await context.store.appendAudit({
      organisationId: member.organisationId,
      at: new Date().toISOString(),
      actor: member.id,
      action: timesheetAuditActions.exported,
      detail: { month, format },
    });
  if (format === 'csv') return { status: 200, type: 'text/csv; charset=utf-8', body: timesheetCsv(rows) };
  if (format === 'json')
    return { status: 200, body: await sheetOf(context, member, month, rows, payroll, tutorId, page) };
  // The PDF, like the CSV, holds the whole month whatever page the app shows.
  const sheet = await sheetOf(context, member, month, rows, payroll, tutorId);
  const whose = payroll
    ? `Payroll of ${(await context.store.organisation(member.organisationId))?.name ?? 'the organisation'}`
    : `Timesheet of ${member.name}`;
  return { status: 200, type: 'application/pdf', body: await timesheetPdf(sheet, `${whose}: ${monthName(month)}`) };
}

/** An administrator closes a month once the whole month has been exported; a month closes once. */
export async function closeMonth(context: MemberReportsContext, request: IncomingMessage): Promise<Answer> {
  const admin = await signedInAdministrator(context, request);
  const month = orBadRequest(parseMonth((await readBody(request, CloseMonthRequest)).month));
  const events = await monthEvents(context, admin.organisationId, month);
  if (events.closed) throw new Problem(409, `${month} is closed already.`);
  if (!events.exported)
    throw new Problem(
      409,
      `Export ${month}’s payroll first (CSV or PDF), so what is paid is on record; then close it.`,
    );
  const rows = await monthRows(context, admin.organisationId, month);
  await context.store.appendAudit({
    organisationId: admin.organisationId,
    at: new Date().toISOString(),
    actor: admin.id,
    action: timesheetAuditActions.closed,
    detail: { month, rows },
  });
  context.log.info({ month, member: admin.id }, 'closed a month’s timesheets');
  const page = { offset: 0, limit: timesheetPageSize };
  return { status: 201, body: await sheetOf(context, admin, month, rows, true, undefined, page) };
}

function orBadRequest(month: ReturnType<typeof parseMonth>): string {
  if (!month.ok) throw new Problem(400, month.problem);
  return month.value;
}

/** The month's sheet: its totals over every row, and the rows of `page` (all of them when no page is asked for). */
async function sheetOf(
  context: MemberReportsContext,
  member: MemberRecord,
  month: string,
  rows: TimesheetRow[],
  payroll: boolean,
  tutorId: string | undefined,
  page: { limit: number; offset: number } = { offset: 0, limit: Number.POSITIVE_INFINITY },
): Promise<Timesheet> {
  const tutors = [...new Set(rows.map((row) => row.tutorId))].map((id) => {
    const theirs = rows.filter((row) => row.tutorId === id);
    return { tutorId: id, tutorName: theirs[0]!.tutorName, totals: timesheetTotals(theirs) };
  });
  tutors.sort((a, b) => a.tutorName.localeCompare(b.tutorName) || a.tutorId.localeCompare(b.tutorId));
  const events = await monthEvents(context, member.organisationId, month);
  return {
    month,
    scope: payroll ? 'payroll' : 'tutor',
    ...pageOf(rows, page),
    totals: timesheetTotals(rows),
    tutors,
    ...(events.closed ? { closed: await closedMonth(context, events.closed, rows, tutorId) } : {}),
    exported: events.exported,
  };
}

async function closedMonth(
  context: MemberReportsContext,
  entry: AuditEntry,
  rows: TimesheetRow[],
  tutorId: string | undefined,
): Promise<ClosedMonth> {
  const snapshot = (entry.detail?.rows as TimesheetRow[] | undefined) ?? [];
  const counted = tutorId === undefined ? snapshot : snapshot.filter((row) => row.tutorId === tutorId);
  const closer = entry.actor ? await context.store.member(entry.actor) : undefined;
  return {
    at: entry.at,
    byName: closer?.name ?? 'A former member',
    totals: timesheetTotals(counted),
    changes: changesSinceClosing(counted, rows),
  };
}

/** Whether the organisation's whole month was exported, and the entry that closed it (the first, if any). */
async function monthEvents(context: MemberReportsContext, organisationId: string, month: string) {
  const entries = (await context.store.audit(organisationId)).filter((entry) => entry.detail?.month === month);
  return {
    exported: entries.some((entry) => entry.action === timesheetAuditActions.exported),
    closed: entries.find((entry) => entry.action === timesheetAuditActions.closed),
  };
}

/**
 * The month's session reports of the organisation (of one tutor, when `tutorId` is given) as rows, in one directory
 * read, ordered stably for paging: by date, start, tutor and report.
 */
async function monthRows(
  context: MemberReportsContext,
  organisationId: string,
  month: string,
  tutorId?: string,
): Promise<TimesheetRow[]> {
  const [found, members] = await Promise.all([
    context.directory.rows({
      scopes: [{ organisationId, ...(tutorId !== undefined ? { ownerId: tutorId } : {}) }],
      kindId: 'session-report',
      from: `${month}-01`,
      to: `${month}-31`,
    }),
    context.store.members(organisationId),
  ]);
  const names = new Map(members.map((each) => [each.id, each.name]));
  const rows: TimesheetRow[] = [];
  for (const row of found) {
    const session = row.content?.timesheet;
    if (!session?.date.startsWith(`${month}-`)) continue;
    rows.push(
      timesheetRowOf(session, {
        reportId: row.reportId,
        tutorId: row.ownerId,
        tutorName: names.get(row.ownerId) ?? 'A former member',
        status: row.status,
      }),
    );
  }
  return rows.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.start.localeCompare(b.start) ||
      a.tutorName.localeCompare(b.tutorName) ||
      (a.reportId < b.reportId ? -1 : a.reportId > b.reportId ? 1 : 0),
  );
}

export function timesheetCsv(rows: readonly TimesheetRow[]): string {
  const lines = [[...timesheetColumns], ...rows.map(timesheetCells)];
  return `${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
