// Timesheets (docs/protocol.md, "Timesheets"): a month of session reports as rows, computed from the stored reports
// each time. A tutor or mentor sees only the reports they own; the payroll roles (shared/protocol/timesheets.ts) see
// every tutor's. Only approved sessions with a paid attendance code are counted; the rest not yet approved are
// pending, shown apart. As JSON, or as CSV with `format=csv` (UTF-8 without a byte order mark, a header row, ISO
// dates, RFC 4180 quoting, formula-looking cells defused as in the audit log's CSV).
import type { IncomingMessage } from 'node:http';
import { payrollRoles, parseMonth, type Timesheet, type TimesheetRow } from '../../shared/protocol/timesheets.ts';
import { timesheetCells, timesheetColumns, timesheetRow, timesheetTotals } from '../../shared/timesheets/rows.ts';
import { csvCell } from './audit-csv.ts';
import type { MemberReportsContext } from './member-reports.ts';
import { sessionReportContent } from './report-content.ts';
import { type Answer, Problem, signedInMember } from './requests.ts';

export async function timesheet(context: MemberReportsContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  const query = new URL(request.url ?? '/', 'http://relay').searchParams;
  const month = parseMonth(query.get('month'));
  if (!month.ok) throw new Problem(400, month.problem);
  const format = query.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new Problem(400, 'The format is json (the default) or csv.');
  const payroll = payrollRoles.includes(member.role);
  const wanted = query.get('member');
  if (!payroll && wanted !== null && wanted !== member.id)
    throw new Problem(
      403,
      'A tutor sees their own timesheet only; the payroll is for administrators and coordinators.',
    );
  const tutorId = payroll ? (wanted ?? undefined) : member.id;
  const [reports, members] = await Promise.all([
    context.store.reports(member.organisationId),
    context.store.members(member.organisationId),
  ]);
  const names = new Map(members.map((each) => [each.id, each.name]));
  const rows: TimesheetRow[] = [];
  for (const report of reports) {
    if (tutorId !== undefined && report.ownerId !== tutorId) continue;
    const content = await sessionReportContent(context.store, report.reportId);
    if (!content?.date.startsWith(`${month.value}-`)) continue;
    rows.push(
      timesheetRow(content, {
        reportId: report.reportId,
        tutorId: report.ownerId,
        tutorName: names.get(report.ownerId) ?? 'A former member',
        status: await context.statuses.load(report.reportId),
      }),
    );
  }
  rows.sort(
    (a, b) => a.tutorName.localeCompare(b.tutorName) || a.date.localeCompare(b.date) || a.start.localeCompare(b.start),
  );
  const tutors = [...new Set(rows.map((row) => row.tutorId))].map((id) => {
    const theirs = rows.filter((row) => row.tutorId === id);
    return { tutorId: id, tutorName: theirs[0]!.tutorName, totals: timesheetTotals(theirs) };
  });
  const sheet: Timesheet = {
    month: month.value,
    scope: payroll ? 'payroll' : 'tutor',
    rows,
    totals: timesheetTotals(rows),
    tutors,
  };
  if (format === 'csv') return { status: 200, type: 'text/csv; charset=utf-8', body: timesheetCsv(sheet.rows) };
  return { status: 200, body: sheet };
}

export function timesheetCsv(rows: readonly TimesheetRow[]): string {
  const lines = [[...timesheetColumns], ...rows.map(timesheetCells)];
  return `${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
