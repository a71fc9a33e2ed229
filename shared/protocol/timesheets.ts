// GET /api/organisation/timesheets (docs/protocol.md, "Timesheets"): a month of session reports as timesheet rows,
// for the tutor who wrote them or, for the payroll roles, for every tutor of the organisation.
import { z } from 'zod';
import { reportWriters } from './member-access.ts';
import type { MemberRole } from './organisations.ts';
import { deskPageQuery } from './paging.ts';
import { ReportStatus } from './statuses.ts';
import { fail, ok, type Result } from '../result.ts';

/** Members with these roles see every tutor's timesheet (the agency's payroll). */
export const payrollRoles: readonly MemberRole[] = ['administrator', 'coordinator'];

/** Members who have a timesheet page: those who write reports (their own) and the payroll roles (everyone's). */
export const timesheetRoles: readonly MemberRole[] = [...reportWriters, ...payrollRoles];

export const TimesheetRow = z.object({
  reportId: z.string(),
  tutorId: z.string(),
  tutorName: z.string(),
  /** ISO 8601 date of the session. */
  date: z.string(),
  start: z.string(),
  finish: z.string(),
  /** Whole minutes from start to finish; 0 when the times are missing or the finish is not after the start. */
  minutes: z.number(),
  sessionType: z.string(),
  /** The session's attendance code (the group's for a group), empty while none is recorded. */
  attendance: z.string(),
  paid: z.boolean(),
  status: ReportStatus,
  /** Counted towards pay: approved, with a paid attendance code. */
  counted: z.boolean(),
});
export type TimesheetRow = z.infer<typeof TimesheetRow>;

export const TimesheetTotals = z.object({
  /** Approved sessions with a paid code: what is paid. */
  countedSessions: z.number(),
  countedMinutes: z.number(),
  /** Sessions not yet approved (draft, submitted, sent back, resubmitted): shown apart, not counted. */
  pendingSessions: z.number(),
  pendingMinutes: z.number(),
});
export type TimesheetTotals = z.infer<typeof TimesheetTotals>;

/** A session of a closed month that is different now from when the month was closed. */
export const TimesheetChange = z.object({
  reportId: z.string(),
  tutorName: z.string(),
  date: z.string(),
  /** Each difference in words: "status Submitted → Approved", "added after closing (approved)". */
  what: z.array(z.string()),
});
export type TimesheetChange = z.infer<typeof TimesheetChange>;

export const ClosedMonth = z.object({
  /** ISO 8601: when it was closed, and the administrator who closed it. */
  at: z.string(),
  byName: z.string(),
  /** What was counted when it was closed (for the rows in this view): what is paid for the month. */
  totals: TimesheetTotals,
  /** Sessions different now from when it was closed: flagged, not counted. */
  changes: z.array(TimesheetChange),
});
export type ClosedMonth = z.infer<typeof ClosedMonth>;

/** POST /api/organisation/timesheets/close: an administrator closes a month once it has been exported. */
export const CloseMonthRequest = z.object({ month: z.string() });

export const Timesheet = z.object({
  /** YYYY-MM */
  month: z.string(),
  /** Whole organisation (payroll) or one tutor's. */
  scope: z.enum(['payroll', 'tutor']),
  /** One page of the month's sessions, by date, start, tutor and report (`limit` and `offset` in the address). */
  rows: z.array(TimesheetRow),
  /** How many sessions the month holds in this view, every page together. */
  total: z.number(),
  /** Where this page starts in the month's sessions, and where the next starts while there are more. */
  offset: z.number(),
  next: z.number().optional(),
  /** Over the whole month, whatever page is shown. */
  totals: TimesheetTotals,
  /** Per tutor, in the payroll view. */
  tutors: z.array(z.object({ tutorId: z.string(), tutorName: z.string(), totals: TimesheetTotals })),
  /** Set once the month is closed. */
  closed: ClosedMonth.optional(),
  /** For the payroll: whether the whole month has been exported (CSV or PDF), which closing it needs. */
  exported: z.boolean(),
});
export type Timesheet = z.infer<typeof Timesheet>;

/** A timesheet page holds this many sessions unless `limit` asks otherwise, and at most `timesheetPageLimit`. */
export const timesheetPageSize = 100;
export const timesheetPageLimit = 500;
export const TimesheetPageQuery = deskPageQuery(timesheetPageSize, timesheetPageLimit);

/** A month as the address gives it: YYYY-MM, a real month from 2000 to 2099. */
export function parseMonth(value: string | null): Result<string> {
  if (value === null || value === '') return fail('Say which month, as ?month=YYYY-MM (for example 2030-01).');
  const match = /^(20\d\d)-(0[1-9]|1[0-2])$/.exec(value);
  if (!match)
    return fail(`“${value.slice(0, 40)}” is not a month: give it as YYYY-MM, for example 2030-01, from 2000 to 2099.`);
  return ok(value);
}
