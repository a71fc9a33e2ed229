// The organisations API (docs/protocol.md, "Organisations"): setting up the first organisation, opening an
// invitation and enrolling a passkey with it, signing in and out, a member's passkeys and sessions, and an
// administrator's members, roles, invitations, settings, audit log and word list (words.ts). A signed-in browser is known by its
// session cookie (HttpOnly, SameSite=Strict); every request that writes, or that signs in, must come from the
// app's own origin (the Origin header), so another site cannot act for a member or sign a browser in as
// someone else. Invitation tokens travel in request bodies, never in addresses, so no log holds one.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  EnrolRequest,
  InvitationRequest,
  InviteRequest,
  type InvitationGrant,
  type InvitationView,
  type MemberView,
  OrganisationSettingsRequest,
  type OrganisationView,
  PasskeyRequest,
  RoleRequest,
  type SessionView,
  SetupRequest,
} from '../../shared/protocol/organisations.ts';
import { defaultReviewTargetDays } from '../../shared/workflow/working-days.ts';
import type { Tokens } from '../auth.ts';
import type { Log } from '../log.ts';
import type { ReportStatuses } from '../statuses.ts';
import type { MemberRecord, OrganisationRecord } from '../storage/organisations.ts';
import type { Storage } from '../storage/store.ts';
import type { Workflow } from '../workflow.ts';
import { changeRole, createOrganisation, invite, openInvitation, reinvite, removeMember } from './members.ts';
import {
  addPasskey,
  addPasskeyOptions,
  enrol,
  enrolmentOptions,
  type RelyingParty,
  signIn,
  signInOptions,
} from './passkeys.ts';
import { auditCsv } from './audit-csv.ts';
import { approveReports, markReviewsRead } from './approvals.ts';
import {
  learnerRecord,
  listClients,
  listReports,
  listTeachers,
  memberToken,
  registerReport,
  setReportClient,
  setReportTeacher,
} from './member-reports.ts';
import { closeMonth, timesheet } from './timesheets.ts';
import { coachingOverview, observationPlanAnswer } from './overviews.ts';
import { reviewsOverview } from './reviews-overview.ts';
import { learnerProgress } from './progress.ts';
import { eraseLearner, exportLearner } from './learner-data.ts';
import type { ReportErasure } from '../report-erasure.ts';
import { type Answer, orRefuse, Problem, readBody, signedInAdministrator, signedInMember } from './requests.ts';
import { addOrganisationWord, organisationWords, removeOrganisationWord } from './words.ts';
import { markAllNotificationsRead, markNotificationRead, myEmail, myNotifications, setMyEmail } from './inbox.ts';
import type { ReportDirectory } from '../directory/report-directory.ts';
import type { Notifier } from './notifications.ts';
import { digestOf } from './members.ts';
import { sessionCookie, sessionTokenOf } from './sessions.ts';
import { countersOf } from '../address-limit.ts';

export interface OrganisationsContext {
  store: Storage;
  rp: RelyingParty;
  /** Whether the app is served over https: session cookies are then Secure. */
  secure: boolean;
  log: Log;
  /** Sign-in attempts per address: how many in what time. */
  signInLimit?: { attempts: number; perMs: number };
  /** Told when a member is removed, so their sockets close at once (on every node). */
  onMemberRemoved?(memberId: string): void;
  /** Told when a report is registered with its tutor link as its owner's own, so that link's sockets speak for them. */
  onLinkOwned?(jti: string, owner: MemberRecord): void;
  /** Makes the room tokens of signed-in members (member-reports.ts). */
  tokens: Tokens;
  /** The reports' statuses, which a member's access to a report depends on. */
  statuses: ReportStatuses;
  /** Takes the decisions of a bulk approval or of marking reviews read (approvals.ts), as the transitions API does. */
  workflow: Workflow;
  /** Tells members (their inbox, and mail) of what happens: here, their invitations. */
  notifier?: Notifier;
  /** Each organisation's report directory: what every desk lists. */
  directory: ReportDirectory;
  /** Erases reports on every node (a learner's erasure, learner-data.ts). */
  erasure?: ReportErasure;
}

type Handler = (context: OrganisationsContext, request: IncomingMessage, params: string[]) => Promise<Answer>;

const memberId = '([0-9a-f-]{36})';
const credentialId = '([A-Za-z0-9_-]{1,1024})';
const routes: { pattern: RegExp; methods: Partial<Record<string, Handler>> }[] = [
  { pattern: /^\/api\/setup$/, methods: { GET: setupNeeded, POST: setUp } },
  { pattern: /^\/api\/invitations\/open$/, methods: { POST: openOne } },
  { pattern: /^\/api\/invitations\/options$/, methods: { POST: enrolOptions } },
  { pattern: /^\/api\/invitations\/enrol$/, methods: { POST: enrolPasskey } },
  { pattern: /^\/api\/session$/, methods: { GET: whoAmI, POST: signInWithPasskey, DELETE: signOut } },
  { pattern: /^\/api\/session\/options$/, methods: { POST: signInChallenge } },
  { pattern: /^\/api\/sessions$/, methods: { GET: mySessions, DELETE: signOutEverywhere } },
  { pattern: /^\/api\/passkeys$/, methods: { GET: myPasskeys, POST: addMyPasskey } },
  { pattern: /^\/api\/passkeys\/options$/, methods: { POST: addPasskeyChallenge } },
  { pattern: new RegExp(`^/api/passkeys/${credentialId}$`), methods: { DELETE: removeMyPasskey } },
  { pattern: /^\/api\/organisation$/, methods: { PATCH: changeSettings } },
  { pattern: /^\/api\/organisation\/members$/, methods: { GET: listMembers, POST: inviteMember } },
  { pattern: new RegExp(`^/api/organisation/members/${memberId}$`), methods: { PATCH: setRole, DELETE: remove } },
  { pattern: new RegExp(`^/api/organisation/members/${memberId}/invitation$`), methods: { POST: inviteAgain } },
  { pattern: /^\/api\/organisation\/audit$/, methods: { GET: auditLog } },
  { pattern: /^\/api\/organisation\/audit\.csv$/, methods: { GET: auditLogCsv } },
  { pattern: /^\/api\/organisation\/reports$/, methods: { GET: listReports, POST: registerReport } },
  { pattern: /^\/api\/organisation\/reports\/([A-Za-z0-9_-]{1,64})\/token$/, methods: { GET: memberToken } },
  { pattern: /^\/api\/organisation\/reports\/([A-Za-z0-9_-]{1,64})\/teacher$/, methods: { PUT: setReportTeacher } },
  { pattern: /^\/api\/organisation\/teachers$/, methods: { GET: listTeachers } },
  { pattern: /^\/api\/organisation\/reports\/([A-Za-z0-9_-]{1,64})\/client$/, methods: { PUT: setReportClient } },
  { pattern: /^\/api\/organisation\/approvals$/, methods: { POST: approveReports } },
  { pattern: /^\/api\/organisation\/reviews$/, methods: { GET: reviewsOverview } },
  { pattern: /^\/api\/organisation\/reviews\/read$/, methods: { POST: markReviewsRead } },
  { pattern: /^\/api\/organisation\/clients$/, methods: { GET: listClients } },
  { pattern: /^\/api\/organisation\/learners\/([^/]{1,400})\/record$/, methods: { GET: learnerRecord } },
  { pattern: /^\/api\/organisation\/learners\/([^/]{1,400})\/export$/, methods: { GET: exportLearner } },
  { pattern: /^\/api\/organisation\/learners\/([^/]{1,400})\/erase$/, methods: { POST: eraseLearner } },
  { pattern: /^\/api\/organisation\/timesheets$/, methods: { GET: timesheet } },
  { pattern: /^\/api\/organisation\/coaching$/, methods: { GET: coachingOverview } },
  { pattern: /^\/api\/organisation\/observation-plan$/, methods: { GET: observationPlanAnswer } },
  { pattern: /^\/api\/organisation\/timesheets\/close$/, methods: { POST: closeMonth } },
  { pattern: /^\/api\/organisation\/progress$/, methods: { GET: learnerProgress } },
  { pattern: /^\/api\/organisation\/words$/, methods: { GET: organisationWords, POST: addOrganisationWord } },
  { pattern: /^\/api\/organisation\/words\/([^/]{1,400})$/, methods: { DELETE: removeOrganisationWord } },
  { pattern: /^\/api\/organisation\/notifications$/, methods: { GET: myNotifications } },
  { pattern: /^\/api\/organisation\/notifications\/read$/, methods: { POST: markAllNotificationsRead } },
  { pattern: /^\/api\/organisation\/notifications\/([^/]{1,100})\/read$/, methods: { POST: markNotificationRead } },
  { pattern: /^\/api\/organisation\/email$/, methods: { GET: myEmail, PUT: setMyEmail } },
];

const organisationPaths = /^\/api\/(setup|invitations|session|sessions|passkeys|organisation)(\/|\.|$)/;

export const isOrganisationPath = (path: string): boolean => organisationPaths.test(path);

export async function handleOrganisationApi(
  context: OrganisationsContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = (request.url ?? '/').split('?')[0]!;
  const method = request.method ?? 'GET';
  try {
    const route = routes.find((candidate) => candidate.pattern.test(path));
    if (!route) throw new Problem(404, 'The relay has no such address. See docs/protocol.md for its addresses.');
    const handler = route.methods[method];
    if (!handler) throw new Problem(405, `This address takes ${Object.keys(route.methods).join(', ')}, not ${method}.`);
    if (method !== 'GET') checkOrigin(context, request);
    const answer = await handler(context, request, route.pattern.exec(path)!.slice(1));
    response.writeHead(answer.status, {
      'Content-Type': answer.type ?? 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...(answer.cookie ? { 'Set-Cookie': answer.cookie } : {}),
    });
    response.end(
      typeof answer.body === 'string' || answer.body instanceof Uint8Array ? answer.body : JSON.stringify(answer.body),
    );
  } catch (error) {
    const problem =
      error instanceof Problem
        ? error
        : new Problem(
            500,
            'The relay could not do this just now. Try again; if it keeps happening, tell whoever runs it.',
          );
    if (!(error instanceof Problem))
      context.log.error(
        { method, problem: error instanceof Error ? error.message : String(error) },
        'organisations request failed',
      );
    response
      .writeHead(problem.status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
      .end(JSON.stringify({ error: problem.message }));
  }
}

/** A write, or a sign-in, from a page of another site is refused: the browser says where it came from. */
function checkOrigin(context: OrganisationsContext, request: IncomingMessage): void {
  const origin = request.headers.origin;
  if (!origin || !context.rp.origins.includes(origin))
    throw new Problem(403, 'This request did not come from Margin’s own pages, so the relay refused it.');
}

/** A member as the API shows them; `email` only to administrators and the member themselves. */
const memberView = (member: MemberRecord, passkeys?: number, email?: string): MemberView => ({
  id: member.id,
  name: member.name,
  role: member.role,
  ...(member.clientId ? { clientId: member.clientId } : {}),
  createdAt: member.createdAt,
  ...(member.removedAt ? { removedAt: member.removedAt } : {}),
  ...(passkeys === undefined ? {} : { passkeys }),
  ...(email ? { email } : {}),
});

const organisationView = (organisation: OrganisationRecord): OrganisationView => ({
  id: organisation.id,
  name: organisation.name,
  kind: organisation.kind,
  sessionIdleMinutes: organisation.sessionIdleMinutes,
  reviewTargetDays: organisation.reviewTargetDays ?? defaultReviewTargetDays,
});

/** The browser, as the member sees it in their list of sessions. */
const deviceLabel = (request: IncomingMessage, given?: string): string => {
  if (given) return given;
  const agent = request.headers['user-agent'] ?? '';
  const browser = /Firefox\//.test(agent)
    ? 'Firefox'
    : /Edg\//.test(agent)
      ? 'Edge'
      : /Chrome\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : 'A browser';
  const system = /Windows/.test(agent)
    ? 'Windows'
    : /Mac OS X/.test(agent)
      ? 'macOS'
      : /Android/.test(agent)
        ? 'Android'
        : /Linux/.test(agent)
          ? 'Linux'
          : /iPhone|iPad/.test(agent)
            ? 'iOS'
            : '';
  return system ? `${browser} on ${system}` : browser;
};

const administrator = signedInAdministrator;

/** A member of the administrator's own organisation: another organisation's members are not found at all. */
async function memberOfTheirs(context: OrganisationsContext, admin: MemberRecord, id: string): Promise<MemberRecord> {
  const member = await context.store.member(id);
  if (!member || member.organisationId !== admin.organisationId || member.removedAt)
    throw new Problem(404, 'Your organisation has no such member.');
  return member;
}

// Setting up: the first visitor of a relay with no organisation makes one and becomes its administrator.

async function setupNeeded(context: OrganisationsContext): Promise<Answer> {
  return { status: 200, body: { needed: (await context.store.organisations()).length === 0 } };
}

async function setUp(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  const wanted = await readBody(request, SetupRequest);
  return context.store.exclusively('organisation-setup', async () => {
    if ((await context.store.organisations()).length > 0)
      throw new Problem(409, 'This relay has an organisation already. Ask its administrator for an invitation.');
    const made = orRefuse(await createOrganisation(context.store, wanted), 400);
    context.log.info({ organisation: made.organisation.id }, 'set up the first organisation');
    const grant: InvitationGrant = { member: memberView(made.member), token: made.token, expiresAt: made.expiresAt };
    return { status: 201, body: grant };
  });
}

// Invitations and enrolment.

async function openOne(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  const { token } = await readBody(request, InvitationRequest);
  const { invitation, member, organisation } = orRefuse(await openInvitation(context.store, token), 410);
  const view: InvitationView = {
    organisation: { name: organisation.name, kind: organisation.kind },
    member: { name: member.name, role: member.role },
    expiresAt: invitation.expiresAt,
  };
  return { status: 200, body: view };
}

async function enrolOptions(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  const { token } = await readBody(request, InvitationRequest);
  return { status: 200, body: orRefuse(await enrolmentOptions(context.store, context.rp, token), 410) };
}

async function enrolPasskey(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  const { token, response, label } = await readBody(request, EnrolRequest);
  const enrolled = orRefuse(
    await enrol(context.store, context.rp, token, response as never, deviceLabel(request, label)),
    400,
  );
  context.log.info({ member: enrolled.member.id }, 'enrolled a passkey with an invitation');
  return {
    status: 201,
    body: await sessionView(context, enrolled.member),
    cookie: sessionCookie(enrolled.sessionToken, context.secure),
  };
}

// Signing in and out.

const signInCounter = countersOf<OrganisationsContext>();

/** Counts a sign-in attempt from the request's address; too many in the window is 429. */
function limitSignIn(context: OrganisationsContext, request: IncomingMessage): void {
  const { attempts: allowed, perMs } = context.signInLimit ?? { attempts: 20, perMs: 10 * 60_000 };
  if (!signInCounter(context, { allowed, perMs }).count(request.socket.remoteAddress ?? 'unknown').ok)
    throw new Problem(429, 'Too many sign-in attempts from here. Wait a few minutes, then try again.');
}

async function signInChallenge(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  limitSignIn(context, request);
  return { status: 200, body: await signInOptions(context.store, context.rp) };
}

async function signInWithPasskey(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  limitSignIn(context, request);
  const { response, label } = await readBody(request, PasskeyRequest);
  const done = orRefuse(await signIn(context.store, context.rp, response as never, deviceLabel(request, label)), 401);
  context.log.info({ member: done.member.id }, 'signed in');
  return {
    status: 200,
    body: await sessionView(context, done.member),
    cookie: sessionCookie(done.sessionToken, context.secure),
  };
}

async function sessionView(context: OrganisationsContext, member: MemberRecord): Promise<SessionView> {
  const organisation = await context.store.organisation(member.organisationId);
  if (!organisation) throw new Problem(404, 'Your organisation is no longer on this relay.');
  return { member: memberView(member), organisation: organisationView(organisation) };
}

async function whoAmI(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  return { status: 200, body: await sessionView(context, member) };
}

async function signOut(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  const token = sessionTokenOf(request.headers.cookie);
  if (token) await context.store.endSession(digestOf(token), new Date().toISOString());
  return { status: 200, body: { signedOut: true }, cookie: sessionCookie('', context.secure) };
}

async function mySessions(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  const { member, session } = await signedInMember(context, request);
  const sessions = (await context.store.sessionsOf(member.id)).filter((each) => !each.endedAt);
  return {
    status: 200,
    body: {
      sessions: sessions.map((each) => ({
        label: each.label,
        createdAt: each.createdAt,
        lastSeenAt: each.lastSeenAt,
        current: each.tokenHash === session.tokenHash,
      })),
    },
  };
}

async function signOutEverywhere(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  const at = new Date().toISOString();
  const ended = await context.store.endSessionsOf(member.id, at);
  await context.store.appendAudit({
    organisationId: member.organisationId,
    at,
    actor: member.id,
    action: 'signed out everywhere',
    subject: member.id,
  });
  return { status: 200, body: { ended }, cookie: sessionCookie('', context.secure) };
}

// A member's own passkeys.

async function myPasskeys(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  const passkeys = await context.store.passkeysOf(member.id);
  return {
    status: 200,
    body: {
      passkeys: passkeys.map(({ id, label, createdAt, lastUsedAt }) => ({
        id,
        label,
        createdAt,
        ...(lastUsedAt ? { lastUsedAt } : {}),
      })),
    },
  };
}

async function addPasskeyChallenge(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  return { status: 200, body: await addPasskeyOptions(context.store, context.rp, member) };
}

async function addMyPasskey(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  const { response, label } = await readBody(request, PasskeyRequest);
  const id = orRefuse(
    await addPasskey(context.store, context.rp, member, response as never, deviceLabel(request, label)),
    400,
  );
  return { status: 201, body: { id } };
}

async function removeMyPasskey(
  context: OrganisationsContext,
  request: IncomingMessage,
  [id]: string[],
): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  const passkeys = await context.store.passkeysOf(member.id);
  if (!passkeys.some((passkey) => passkey.id === id)) throw new Problem(404, 'You have no passkey with that id.');
  if (passkeys.length === 1)
    throw new Problem(
      409,
      'This is your only passkey: add another before you remove it, or you could not sign in again.',
    );
  await context.store.removePasskey(id!, member.id);
  await context.store.appendAudit({
    organisationId: member.organisationId,
    at: new Date().toISOString(),
    actor: member.id,
    action: 'passkey removed',
    subject: member.id,
  });
  return { status: 200, body: { removed: id } };
}

// An administrator's organisation.

async function changeSettings(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  const admin = await administrator(context, request);
  const { sessionIdleMinutes, reviewTargetDays } = await readBody(request, OrganisationSettingsRequest);
  if (sessionIdleMinutes !== undefined)
    await context.store.setSessionIdleMinutes(admin.organisationId, sessionIdleMinutes);
  if (reviewTargetDays !== undefined) await context.store.setReviewTargetDays(admin.organisationId, reviewTargetDays);
  await context.store.appendAudit({
    organisationId: admin.organisationId,
    at: new Date().toISOString(),
    actor: admin.id,
    action: 'settings changed',
    detail: {
      ...(sessionIdleMinutes !== undefined ? { sessionIdleMinutes } : {}),
      ...(reviewTargetDays !== undefined ? { reviewTargetDays } : {}),
    },
  });
  return { status: 200, body: (await sessionView(context, admin)).organisation };
}

async function listMembers(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  const admin = await administrator(context, request);
  const members = await context.store.members(admin.organisationId);
  const emails = await context.store.emailsOf(admin.organisationId);
  const views = await Promise.all(
    members.map(async (member) =>
      memberView(member, (await context.store.passkeysOf(member.id)).length, emails.get(member.id)),
    ),
  );
  return { status: 200, body: { members: views } };
}

async function inviteMember(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  const admin = await administrator(context, request);
  const { email, ...wanted } = await readBody(request, InviteRequest);
  const invited = orRefuse(
    await invite(context.store, { ...wanted, organisationId: admin.organisationId, madeBy: admin.id }),
    400,
  );
  if (email) await context.store.setEmail(invited.member.id, email);
  await tellInvited(context, invited.member, invited.token, admin);
  const grant: InvitationGrant = {
    member: memberView(invited.member, 0, email),
    token: invited.token,
    expiresAt: invited.expiresAt,
  };
  return { status: 201, body: grant };
}

async function inviteAgain(context: OrganisationsContext, request: IncomingMessage, [id]: string[]): Promise<Answer> {
  const admin = await administrator(context, request);
  const member = await memberOfTheirs(context, admin, id!);
  const invited = orRefuse(await reinvite(context.store, member.id, admin.id), 400);
  await tellInvited(context, invited.member, invited.token, admin);
  const grant: InvitationGrant = {
    member: memberView(invited.member),
    token: invited.token,
    expiresAt: invited.expiresAt,
  };
  return { status: 201, body: grant };
}

async function tellInvited(
  context: OrganisationsContext,
  member: MemberRecord,
  token: string,
  admin: MemberRecord,
): Promise<void> {
  const organisation = await context.store.organisation(member.organisationId);
  context.notifier?.invited(member, token, admin, organisation?.name ?? 'your organisation');
}

async function setRole(context: OrganisationsContext, request: IncomingMessage, [id]: string[]): Promise<Answer> {
  const admin = await administrator(context, request);
  const member = await memberOfTheirs(context, admin, id!);
  const { role } = await readBody(request, RoleRequest);
  return { status: 200, body: memberView(orRefuse(await changeRole(context.store, member.id, role, admin.id), 409)) };
}

async function remove(context: OrganisationsContext, request: IncomingMessage, [id]: string[]): Promise<Answer> {
  const admin = await administrator(context, request);
  const member = await memberOfTheirs(context, admin, id!);
  const removed = orRefuse(await removeMember(context.store, member.id, admin.id), 409);
  context.onMemberRemoved?.(member.id);
  context.log.info({ member: member.id, by: admin.id }, 'removed a member');
  return { status: 200, body: memberView(removed) };
}

async function auditLog(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  const admin = await administrator(context, request);
  return { status: 200, body: { entries: await context.store.audit(admin.organisationId) } };
}

async function auditLogCsv(context: OrganisationsContext, request: IncomingMessage): Promise<Answer> {
  const admin = await administrator(context, request);
  const members = new Map((await context.store.members(admin.organisationId)).map((member) => [member.id, member]));
  return {
    status: 200,
    type: 'text/csv; charset=utf-8',
    body: auditCsv(await context.store.audit(admin.organisationId), members),
  };
}
