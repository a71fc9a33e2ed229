// Calls to the relay's organisations API (shared/protocol/organisations.ts) from the app. An answer the relay
// refused, or no answer at all, is a Result's problem in words a person can act on; a refusal because nobody is
// signed in (401) tells the signed-in indicator too, so it shows the browser as signed out.
import type { z } from 'zod';
import {
  AuditLog,
  BulkApprovalResult,
  ClientList,
  InvitationGrant,
  InvitationView,
  MemberList,
  MemberTokenGrant,
  MemberView,
  OrganisationReportList,
  type OrganisationReportQuery,
  OrganisationReportView,
  reportListPath,
  reportPageLimit,
  OrganisationTeachers,
  OrganisationView,
  OrganisationWords,
  type ReportChoices,
  organisationPaths as paths,
  PasskeyAdded,
  PasskeyList,
  PasskeyOptions,
  PasskeyRemoved,
  LearnerRecord,
  SessionList,
  SessionView,
  SetupState,
  SignedOut,
  SignedOutEverywhere,
  WordAdded,
  type InviteRequest,
  type MemberRole,
  type OrganisationReportSummary,
  type OrganisationSettingsRequest,
  type SetupRequest,
} from '../../../shared/protocol/organisations.ts';
import { Timesheet } from '../../../shared/protocol/timesheets.ts';
import { fail, ok, type Result } from '../../../shared/result.ts';
import { askEarly, takeEarly } from './early-answers.ts';

/**
 * The first `count` reports a query matches, asked a page at a time, with how many match in all: what a desk shows
 * before "Show more". With `choices` in the query, the first page's request alone asks for them.
 */
export function firstReports(query: OrganisationReportQuery, count: number): Promise<ApiResult<FirstReports>> {
  return takeEarly(firstReportsKey(query, count)) ?? askFirstReports(query, count);
}

/** Asks for `firstReports(query, count)` now, before the desk that shows them is drawn (early-answers.ts). */
export function firstReportsEarly(query: OrganisationReportQuery, count: number): void {
  askEarly(firstReportsKey(query, count), () => askFirstReports(query, count));
}

const firstReportsKey = (query: OrganisationReportQuery, count: number) => `first ${count} of ${reportListPath(query)}`;

type FirstReports = { reports: OrganisationReportSummary[]; total: number; choices?: ReportChoices };

async function askFirstReports(query: OrganisationReportQuery, count: number): Promise<ApiResult<FirstReports>> {
  const reports: OrganisationReportSummary[] = [];
  let offset = 0;
  let total = 0;
  let choices: ReportChoices | undefined;
  while (offset < count) {
    const answer = await organisationApi.reports({
      ...query,
      limit: Math.min(reportPageLimit, count - offset),
      offset,
      choices: query.choices && offset === 0 ? true : undefined,
    });
    if (!answer.ok) return answer;
    reports.push(...answer.value.reports);
    choices ??= answer.value.choices;
    total = answer.value.total ?? reports.length;
    if (answer.value.next === undefined) break;
    offset = answer.value.next;
  }
  return ok({ reports, total, ...(choices ? { choices } : {}) });
}

/** Why a call failed, and its HTTP status (0 when the relay could not be reached). */
export interface ApiProblem {
  message: string;
  status: number;
}

export type ApiResult<T> = Result<T, ApiProblem>;

const unreachable = 'Margin could not reach the relay. Check your connection and try again.';
const unreadable = 'The relay sent an answer Margin cannot read.';

const signedOutListeners = new Set<(message: string) => void>();

/** Calls `listener` whenever the relay answers that this browser is not signed in. */
export function onSignedOut(listener: (message: string) => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export async function call<T extends z.ZodType>(
  schema: T,
  method: string,
  path: string,
  body?: unknown,
  /** A report's own link, for the calls that prove the caller holds it. */
  bearer?: string,
): Promise<ApiResult<z.infer<T>>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return fail({ message: unreachable, status: 0 });
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return fail(response.ok ? { message: unreadable, status: response.status } : { message: unreachable, status: 0 });
  }
  if (!response.ok) {
    const error = (json as { error?: unknown } | null)?.error;
    const message = typeof error === 'string' ? error : `The relay refused this (${response.status}).`;
    if (response.status === 401) for (const listener of signedOutListeners) listener(message);
    return fail({ message, status: response.status });
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? ok(parsed.data) : fail({ message: unreadable, status: response.status });
}

export const organisationApi = {
  setupState: () => call(SetupState, 'GET', paths.setup),
  setUp: (request: SetupRequest) => call(InvitationGrant, 'POST', paths.setup, request),
  openInvitation: (token: string) => call(InvitationView, 'POST', paths.openInvitation, { token }),
  enrolmentOptions: (token: string) => call(PasskeyOptions, 'POST', paths.enrolmentOptions, { token }),
  enrol: (token: string, response: unknown) => call(SessionView, 'POST', paths.enrol, { token, response }),
  session: () => call(SessionView, 'GET', paths.session),
  signInOptions: () => call(PasskeyOptions, 'POST', paths.signInOptions),
  signIn: (response: unknown) => call(SessionView, 'POST', paths.session, { response }),
  signOut: () => call(SignedOut, 'DELETE', paths.session),
  sessions: () => call(SessionList, 'GET', paths.sessions),
  signOutEverywhere: () => call(SignedOutEverywhere, 'DELETE', paths.sessions),
  passkeys: () => call(PasskeyList, 'GET', paths.passkeys),
  passkeyOptions: () => call(PasskeyOptions, 'POST', paths.passkeyOptions),
  addPasskey: (response: unknown, label?: string) =>
    call(PasskeyAdded, 'POST', paths.passkeys, { response, ...(label ? { label } : {}) }),
  removePasskey: (id: string) => call(PasskeyRemoved, 'DELETE', paths.passkey(id)),
  changeSettings: (request: OrganisationSettingsRequest) =>
    call(OrganisationView, 'PATCH', paths.organisation, request),
  members: () => call(MemberList, 'GET', paths.members),
  invite: (request: InviteRequest) => call(InvitationGrant, 'POST', paths.members, request),
  inviteAgain: (memberId: string) => call(InvitationGrant, 'POST', paths.invitationFor(memberId)),
  changeRole: (memberId: string, role: MemberRole) => call(MemberView, 'PATCH', paths.member(memberId), { role }),
  removeMember: (memberId: string) => call(MemberView, 'DELETE', paths.member(memberId)),
  /** The reports the member may open: all of them, or with `limit` one page (filtered and ordered as asked). */
  reports: (query: OrganisationReportQuery = {}) => call(OrganisationReportList, 'GET', reportListPath(query)),
  /** Approves several reports, each its own decision; the answer says, report by report, approved or why not. */
  approveReports: (reports: string[]) => call(BulkApprovalResult, 'POST', paths.approvals, { reports }),
  /** An appropriate body's reviewer marks several termly reviews read, each its own decision, answered as approvals are. */
  markReviewsRead: (reports: string[]) => call(BulkApprovalResult, 'POST', paths.reviewsRead, { reports }),
  clients: () => call(ClientList, 'GET', paths.clients),
  /** Says whose learner a report is about (its owner only). */
  setReportClient: (reportId: string, clientId: string) =>
    call(OrganisationReportView, 'PUT', paths.reportClient(reportId), { clientId }),
  /** Registers a report this device claimed (`link`: its tutor link) with the member's organisation. */
  registerReport: (reportId: string, link: string) =>
    call(OrganisationReportView, 'POST', paths.reports, { id: reportId }, link),
  /** A client contact's whole record of one learner: approved reports, newest first, without internal fields. */
  learnerRecord: (learner: string) => call(LearnerRecord, 'GET', paths.learnerRecord(learner)),
  memberToken: (reportId: string) => call(MemberTokenGrant, 'GET', paths.reportToken(reportId)),
  /** The organisation's early career teachers, for a review's owner to name the one it is about. */
  teachers: () => call(OrganisationTeachers, 'GET', paths.teachers),
  /** Names (or with null, clears) the early career teacher who signs a termly review as its teacher. */
  setReportTeacher: (reportId: string, teacherId: string | null) =>
    call(OrganisationReportView, 'PUT', paths.reportTeacher(reportId), { teacherId }),
  /** A page of a month's timesheet (the first unless `offset` says): the tutor's own, or every tutor's for the payroll roles. */
  timesheet: (month: string, options: { member?: string; offset?: number } = {}) =>
    call(Timesheet, 'GET', paths.timesheets(month, options)),
  /** An administrator closes a month once its payroll has been exported. */
  closeMonth: (month: string) => call(Timesheet, 'POST', paths.closeMonth, { month }),
  audit: () => call(AuditLog, 'GET', paths.audit),
  words: () => call(OrganisationWords, 'GET', paths.words),
  addWord: (word: string) => call(WordAdded, 'POST', paths.words, { word }),
  removeWord: (word: string) => call(WordAdded, 'DELETE', paths.word(word)),
};
