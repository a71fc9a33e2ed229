// A signed-in member's reports (docs/protocol.md, "Room tokens for members"): registering a report with their
// organisation, which makes them its owner, listing the organisation's reports they may open, and getting a room token for one of the organisation's reports with
// the role their membership gives (shared/protocol/member-access.ts). The token names the member and lasts an
// hour; removing the member closes every connection opened with it (live-links.ts) and refuses it from then on.
import { refusalReasons } from '../../shared/protocol/limits.ts';
import type { IncomingMessage } from 'node:http';
import { learnerInAddress } from './learner-data.ts';
import { memberAccess, reportRegistrars, reportWriters } from '../../shared/protocol/member-access.ts';
import {
  type LearnerRecord,
  memberRoleLabels,
  type MemberTokenGrant,
  type OrganisationReportList,
  OrganisationReportQuery,
  type OrganisationReportSummary,
  type OrganisationReportView,
  type OrganisationTeachers,
  RegisterReportRequest,
  type ReportChoices,
  SetReportTeacherRequest,
  ReportClientRequest,
  type ClientList,
} from '../../shared/protocol/organisations.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import type { Role } from '../../shared/protocol/roles.ts';
import { defaultTtlSeconds } from '../../shared/protocol/tokens.ts';
import { checkAccess, type Tokens } from '../auth.ts';
import { kindLabel, type ReportDirectory, scopesFor } from '../directory/report-directory.ts';
import type { DirectoryChoices, DirectoryQuery, DirectoryRow } from '../storage/directory.ts';
import type { Log } from '../log.ts';
import type { ReportStatuses } from '../statuses.ts';
import type { MemberRecord, OrganisationReportRecord } from '../storage/organisations.ts';
import type { Storage } from '../storage/store.ts';
import { memberFacts, organisationsOf } from './member-facts.ts';
import { readableContent } from './report-content.ts';
import { type Answer, Problem, readBody, readQuery, signedInMember } from './requests.ts';

export interface MemberReportsContext {
  store: Storage;
  tokens: Tokens;
  statuses: ReportStatuses;
  log: Log;
  /** Each organisation's report directory: what the lists are drawn from. */
  directory: ReportDirectory;
  /** Told when a report is registered with its tutor link as its owner's own (live-links.ts, linkOwned). */
  onLinkOwned?(jti: string, owner: MemberRecord): void;
}

const reportView = (report: OrganisationReportRecord): OrganisationReportView => ({
  id: report.reportId,
  ownerId: report.ownerId,
  ...(report.mentorId ? { mentorId: report.mentorId } : {}),
  ...(report.clientId ? { clientId: report.clientId } : {}),
  ...(report.teacherId ? { teacherId: report.teacherId } : {}),
  createdAt: report.createdAt,
});

/** The early career teacher named for one of the organisation's reports, checked; a Problem when they are not one. */
async function checkTeacherOf(store: Storage, organisationId: string, teacherId: string): Promise<void> {
  const teacher = await store.member(teacherId);
  if (
    !teacher ||
    teacher.organisationId !== organisationId ||
    teacher.removedAt ||
    teacher.role !== 'early-career-teacher'
  )
    throw new Problem(400, 'The person named is not an early career teacher of your organisation.');
}

/**
 * Registers a report with the member's organisation. A new report id is claimed as `POST /api/reports` claims
 * one; a report already on the relay is registered only by someone holding its tutor link (`Authorization:
 * Bearer`), so no one takes over another person's report by naming it.
 */
export async function registerReport(context: MemberReportsContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  if (!reportRegistrars.includes(member.role))
    throw new Problem(
      403,
      `Reports are registered by the tutors and mentors who write them (and quality reviewers, their observations); as a ${memberRoleLabels[member.role].toLowerCase()} you read them.`,
    );
  const wanted = await readBody(request, RegisterReportRequest);
  if (wanted.mentorId !== undefined) {
    const mentor = await context.store.member(wanted.mentorId);
    if (!mentor || mentor.organisationId !== member.organisationId || mentor.removedAt || mentor.role !== 'mentor')
      throw new Problem(400, 'The mentor named is not a mentor of your organisation.');
  }
  if (wanted.teacherId !== undefined) await checkTeacherOf(context.store, member.organisationId, wanted.teacherId);
  const registered = await context.store.report(wanted.id);
  if (registered?.ownerId === member.id) return { status: 200, body: reportView(registered) };
  if (registered)
    throw new Problem(409, 'This report is registered already, by someone else. Ask its owner to share it.');
  const at = new Date().toISOString();
  const ownerLink = await claimOrProve(context, request, wanted.id, at);
  const report: OrganisationReportRecord = {
    reportId: wanted.id,
    organisationId: member.organisationId,
    ownerId: member.id,
    ...(wanted.mentorId ? { mentorId: wanted.mentorId } : {}),
    ...(wanted.clientId ? { clientId: wanted.clientId } : {}),
    ...(wanted.teacherId ? { teacherId: wanted.teacherId } : {}),
    ...(ownerLink ? { ownerLink } : {}),
    createdAt: at,
  };
  if (!(await context.store.addReport(report)))
    throw new Problem(409, 'This report is registered already, by someone else. Ask its owner to share it.');
  await context.store.appendAudit({
    organisationId: member.organisationId,
    at,
    actor: member.id,
    action: 'report registered',
    subject: wanted.id,
  });
  if (ownerLink) context.onLinkOwned?.(ownerLink, member);
  await context.directory.refresh(wanted.id);
  context.log.info({ report: wanted.id, member: member.id }, 'registered a report with an organisation');
  return { status: 201, body: reportView(report) };
}

/** The organisation's early career teachers, for the owner of a termly review to name the one it is about. */
export async function listTeachers(context: MemberReportsContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  if (!reportWriters.includes(member.role) && member.role !== 'administrator' && member.role !== 'coordinator')
    throw new Problem(
      403,
      'The list of early career teachers is for those who write their reviews and the coordinators who oversee them.',
    );
  const members = await context.store.members(member.organisationId);
  const teachers: OrganisationTeachers['teachers'] = members
    .filter((each) => each.role === 'early-career-teacher' && !each.removedAt)
    .map((each) => ({ id: each.id, name: each.name }));
  return { status: 200, body: { teachers } };
}

/**
 * Names (or clears) the early career teacher a termly review is about: its owner or an administrator may, until the
 * teacher has signed. The named member then opens it as its teacher and alone signs it as the teacher.
 */
export async function setReportTeacher(
  context: MemberReportsContext,
  request: IncomingMessage,
  [reportId]: string[],
): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  const report = await context.store.report(reportId!);
  if (!report || report.organisationId !== member.organisationId)
    throw new Problem(404, 'Your organisation has registered no report with this id.');
  if (report.ownerId !== member.id && member.role !== 'administrator')
    throw new Problem(403, 'Only the review’s owner or an administrator names its early career teacher.');
  const { teacherId } = await readBody(request, SetReportTeacherRequest);
  const content = (await context.directory.row(report.reportId))?.content;
  if (!content)
    throw new Problem(409, 'The relay holds none of this report yet: open it online once, then name its teacher.');
  if (content.kindId !== 'termly-review')
    throw new Problem(400, 'Only a termly progress review has an early career teacher to name.');
  const status = await context.statuses.load(report.reportId);
  if (status !== 'draft' && status !== 'teacher-to-comment')
    throw new Problem(409, 'The teacher has signed this review, so who it is about can no longer change.');
  if (teacherId !== null) await checkTeacherOf(context.store, member.organisationId, teacherId);
  await context.store.setReportTeacher(report.reportId, teacherId ?? undefined);
  await context.directory.refresh(report.reportId);
  await context.store.appendAudit({
    organisationId: member.organisationId,
    at: new Date().toISOString(),
    actor: member.id,
    action: 'report teacher named',
    subject: report.reportId,
    ...(teacherId ? { detail: { teacher: teacherId } } : {}),
  });
  context.log.info({ report: report.reportId, member: member.id }, 'named a review’s early career teacher');
  return { status: 200, body: reportView({ ...report, teacherId: teacherId ?? undefined }) };
}

/**
 * Claims a new report id, or checks that the request holds the tutor link of a report already on the relay, whose
 * id (jti) it returns: the owner's own link from then on.
 */
async function claimOrProve(
  context: MemberReportsContext,
  request: IncomingMessage,
  reportId: string,
  at: string,
): Promise<string | undefined> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) {
    const check = await checkAccess(context.tokens, context.store, bearer, reportId);
    if (!check.ok) throw new Problem(check.problem.status, check.problem.reason);
    if (check.value.role !== 'tutor' || check.value.member)
      throw new Problem(403, 'Only the report’s own tutor link can bring it into your organisation.');
    return check.value.jti;
  }
  const taken = new Problem(
    409,
    'A report with this id is on the relay already. If it is yours, register it with its tutor link.',
  );
  if ((await context.store.load(roomName(reportId))).length > 0) throw taken;
  if (!(await context.store.claim(reportId, at))) throw taken;
  return undefined;
}

/** A room token for one of the organisation's reports, with the role the member's membership gives them. */
export async function memberToken(
  context: MemberReportsContext,
  request: IncomingMessage,
  [reportId]: string[],
): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  if (await context.store.isErased(reportId!)) throw new Problem(410, refusalReasons.reportErased);
  const report = await context.store.report(reportId!);
  if (!report) throw new Problem(404, 'No organisation has registered this report. Its owner registers it first.');
  const facts = await memberFacts(context.store, member);
  const access = memberAccess(facts, { ...report, status: await context.statuses.load(report.reportId) });
  if (!access.ok) {
    context.log.info({ report: report.reportId, member: member.id }, 'refused a member token');
    throw new Problem(403, access.problem);
  }
  const { role, readOnly } = access.value;
  const { token, claims } = await context.tokens.mint(report.reportId, role, defaultTtlSeconds.member, undefined, {
    member: member.id,
    name: member.name,
    ...(readOnly ? { readOnly } : {}),
  });
  context.log.info({ report: report.reportId, member: member.id, role, jti: claims.jti }, 'made a member token');
  const grant: MemberTokenGrant = {
    token,
    jti: claims.jti,
    role,
    readOnly,
    expiresAt: new Date(claims.exp * 1000).toISOString(),
  };
  return { status: 200, body: grant };
}

/** A directory row as the list shows it to a member with this part in it. */
function summaryOf(row: DirectoryRow, role: Role, names: Map<string, string>): OrganisationReportSummary {
  const content = row.content;
  return {
    id: row.reportId,
    ownerId: row.ownerId,
    ownerName: names.get(row.ownerId) ?? 'A former member',
    ...(row.mentorId ? { mentorName: names.get(row.mentorId) ?? 'A former member' } : {}),
    ...(content
      ? { title: content.title, kind: kindLabel(content.kindId), kindId: content.kindId, learners: content.learners }
      : {}),
    ...(content?.named.length ? { named: content.named } : {}),
    ...(content?.date ? { date: content.date } : {}),
    ...(row.clientId ? { clientId: row.clientId } : {}),
    status: row.status,
    role,
    changedAt: row.changedAt,
    ...(row.submittedAt ? { submittedAt: row.submittedAt } : {}),
    ...(row.teacherId ? { teacherId: row.teacherId } : {}),
    ...(row.approvedAt ? { approvedAt: row.approvedAt } : {}),
    ...(content ? { entry: { ...content.entry } } : {}),
  };
}

/** The members of every organisation the member's facts reach. */
async function membersReached(context: MemberReportsContext, facts: Awaited<ReturnType<typeof memberFacts>>) {
  return (await Promise.all(organisationsOf(facts).map((id) => context.store.members(id)))).flat();
}

/** Each member's name by their id, in every organisation the member's facts reach. */
const namesOf = (members: readonly MemberRecord[]) => new Map(members.map((each) => [each.id, each.name]));

/**
 * The directory's rows a query asks for, as the member sees them: only those their membership opens (the directory's
 * scopes follow memberAccess; the rule itself still decides each row and the role it gives), with `rows`, how many
 * rows the directory answered before that check (where the next page starts). `names` when the caller has them.
 */
export async function summariesFor(
  context: MemberReportsContext,
  facts: Awaited<ReturnType<typeof memberFacts>>,
  query: DirectoryQuery,
  known?: Map<string, string>,
): Promise<{ reports: OrganisationReportSummary[]; rows: number }> {
  const [rows, names] = await Promise.all([
    context.directory.rows(query),
    known ?? membersReached(context, facts).then(namesOf),
  ]);
  const reports: OrganisationReportSummary[] = [];
  for (const row of rows) {
    const access = memberAccess(facts, row);
    if (access.ok) reports.push(summaryOf(row, access.value.role, names));
  }
  return { reports, rows: rows.length };
}

/**
 * The organisation's reports the signed-in member may open, by the same rules as their tokens (a quality reviewer
 * sees every report once submitted, its owner their own), oldest registered first unless asked otherwise: all of
 * them, or with `limit` one page, filtered in the directory (relay/directory/), never by opening the reports.
 */
export async function listReports(context: MemberReportsContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  const asked = readQuery(request, OrganisationReportQuery, 'The list’s query is not one the relay reads.');
  const facts = await memberFacts(context.store, member);
  const members = await membersReached(context, facts);
  const names = namesOf(members);
  // What the filter offers is over every report in the statuses asked, whatever else the query narrows.
  const waiting: DirectoryQuery = {
    scopes: scopesFor(facts),
    ...(asked.status ? { statuses: asked.status } : {}),
    ...(asked.notKind ? { notKindId: asked.notKind } : {}),
  };
  const words = asked.q?.trim().toLocaleLowerCase('en-GB');
  const query: DirectoryQuery = {
    ...waiting,
    ...(asked.kind ? { kindId: asked.kind } : {}),
    ...(asked.tutor ? { ownerId: asked.tutor } : {}),
    ...(asked.client ? { clientId: asked.client } : {}),
    ...(asked.learner ? { learner: asked.learner } : {}),
    ...(words
      ? {
          search: words,
          searchOwnerIds: members
            .filter((each) => each.name.toLocaleLowerCase('en-GB').includes(words))
            .map((each) => each.id),
        }
      : {}),
    ...(asked.from ? { from: asked.from } : {}),
    ...(asked.to ? { to: asked.to } : {}),
    ...(asked.submittedFrom ? { submittedFrom: asked.submittedFrom } : {}),
    ...(asked.submittedBefore ? { submittedBefore: asked.submittedBefore } : {}),
    ...(asked.order ? { order: asked.order } : {}),
    ...(asked.limit ? { limit: asked.limit, offset: asked.offset ?? 0 } : {}),
  };
  const [{ reports, rows }, total, choices] = await Promise.all([
    summariesFor(context, facts, query, names),
    asked.limit ? context.directory.count(query) : undefined,
    asked.choices ? context.directory.choices(waiting) : undefined,
  ]);
  const next = (asked.offset ?? 0) + rows;
  const body: OrganisationReportList = {
    reports,
    ...(total !== undefined ? { total, ...(next < total ? { next } : {}) } : {}),
    ...(choices ? { choices: choicesOf(choices, names) } : {}),
  };
  return { status: 200, body };
}

const byWords = (a: string, b: string) => a.localeCompare(b, 'en-GB');

/** The directory's choices as a desk's filter offers them: tutors by name, kinds by their label, each list sorted. */
function choicesOf(found: DirectoryChoices, names: Map<string, string>): ReportChoices {
  return {
    tutors: found.ownerIds
      .map((id) => ({ id, name: names.get(id) ?? 'A former member' }))
      .sort((a, b) => byWords(a.name, b.name) || byWords(a.id, b.id)),
    learners: [...found.learners].sort(byWords),
    clients: [...found.clientIds].sort(byWords),
    kinds: found.kindIds.map((id) => ({ id, label: kindLabel(id) })).sort((a, b) => byWords(a.label, b.label)),
  };
}

/** The organisation's clients: those its client contacts (not removed) were invited for, each once, sorted. */
async function clientsOf(context: MemberReportsContext, organisationId: string): Promise<string[]> {
  const members = await context.store.members(organisationId);
  const clients = members
    .filter((each) => each.role === 'client-contact' && !each.removedAt && each.clientId)
    .map((each) => each.clientId!);
  return [...new Set(clients)].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

/** GET /api/organisation/clients: for the tutors and mentors who say whose learner a report is about. */
export async function listClients(context: MemberReportsContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  if (!reportWriters.includes(member.role) && member.role !== 'administrator')
    throw new Problem(403, 'The list of clients is for the tutors and mentors who write reports, and administrators.');
  const body: ClientList = { clients: await clientsOf(context, member.organisationId) };
  return { status: 200, body };
}

/**
 * PUT /api/organisation/reports/<id>/client: whose learner a registered report is about. The rule is registration's:
 * its owner, a tutor or mentor, says so, naming one of the organisation's clients. Once approved it stays: that
 * client's contacts may be reading it.
 */
export async function setReportClient(
  context: MemberReportsContext,
  request: IncomingMessage,
  [reportId]: string[],
): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  const report = await context.store.report(reportId!);
  if (!report || report.organisationId !== member.organisationId)
    throw new Problem(404, 'Your organisation has no report with this id.');
  if (report.ownerId !== member.id || !reportWriters.includes(member.role))
    throw new Problem(403, 'Only the report’s owner says whose learner it is about.');
  const { clientId } = await readBody(request, ReportClientRequest);
  if (!(await clientsOf(context, member.organisationId)).includes(clientId))
    throw new Problem(400, `Your organisation has no client “${clientId}”. Choose one from the list.`);
  if ((await context.statuses.load(report.reportId)) === 'approved')
    throw new Problem(409, 'This report is approved, so its client stays as it is: their contacts may be reading it.');
  await context.store.setReportClient(report.reportId, clientId);
  await context.directory.refresh(report.reportId);
  await context.store.appendAudit({
    organisationId: member.organisationId,
    at: new Date().toISOString(),
    actor: member.id,
    action: 'report client set',
    subject: report.reportId,
    detail: { clientId, ...(report.clientId ? { was: report.clientId } : {}) },
  });
  return { status: 200, body: reportView({ ...report, clientId }) };
}

/**
 * A client contact's whole record of one learner: every approved report of their client that names the learner,
 * newest first, with only the fields a client may read. Other members read reports through their own desks.
 */
export async function learnerRecord(
  context: MemberReportsContext,
  request: IncomingMessage,
  [encoded]: string[],
): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  if (member.role !== 'client-contact')
    throw new Problem(403, 'A learner’s record is for their client’s contacts; open each report from your own list.');
  const learner = learnerInAddress(encoded);
  const [rows, members] = await Promise.all([
    context.directory.rows({ scopes: scopesFor(member), statuses: ['approved'], learner }),
    context.store.members(member.organisationId),
  ]);
  const names = new Map(members.map((each) => [each.id, each.name]));
  const record: LearnerRecord = { learner, reports: [] };
  for (const row of rows) {
    if (!memberAccess(member, row).ok) continue;
    // Only the reports that name the learner are opened, for the fields their record prints.
    const content = await readableContent(context.store, row.reportId);
    if (!content?.learners.includes(learner)) continue;
    record.reports.push({
      id: row.reportId,
      title: content.title,
      kind: content.kind,
      ownerName: names.get(row.ownerId) ?? 'A former member',
      approvedAt: row.approvedAt ?? row.changedAt,
      fields: content.fields,
    });
  }
  record.reports.sort((a, b) => b.approvedAt.localeCompare(a.approvedAt));
  return { status: 200, body: record };
}
