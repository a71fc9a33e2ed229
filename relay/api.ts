// The relay's HTTP API under /api (docs/protocol.md): claim a report, make, list and revoke share links,
// take workflow decisions, summarise the comments of many reports for the home page, and tell a device which of the
// reports it holds were erased. JSON in and out; every error is { error } with a message a person can act on.
// Tokens come as "Authorization: Bearer <token>" and are never logged.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import {
  ClaimRequest,
  CommentSummaryRequest,
  ErasedReportsRequest,
  maxErasedQueryBodyBytes,
  LinkRequest,
  maxApiBodyBytes,
  maxSummaryBodyBytes,
  TransitionRequest,
  type CommentSummaries,
  type ErasedReports,
  type ReportVersion,
  type LinkGrant,
  type LinkList,
  type Revocation,
  type TransitionResult,
} from '../shared/protocol/api.ts';
import { refusalReasons } from '../shared/protocol/limits.ts';
import { tokenRoomAccess } from '../shared/protocol/room-access.ts';
import { mayReview, maySignAsTeacher, memberRefusals } from '../shared/protocol/member-access.ts';
import { canShareAs, powers, roles, shareRank, type Role } from '../shared/protocol/roles.ts';
import { reportIdPattern, roomName, type ReportId } from '../shared/protocol/rooms.ts';
import { defaultTtlSeconds, parseTtl, type TokenClaims } from '../shared/protocol/tokens.ts';
import { fail, ok } from '../shared/result.ts';
import { checkAccess, type Holder, type Tokens } from './auth.ts';
import { auditReport } from './organisations/report-audit.ts';
import { sessionTokenOf, signedIn } from './organisations/sessions.ts';
import { summariseComments } from './comment-summaries.ts';
import { keptVersion } from './report-versions.ts';
import type { LiveLinks } from './live-links.ts';
import type { Log } from './log.ts';
import { memberFacts } from './organisations/member-facts.ts';
import { readJsonBody } from './request-body.ts';
import { type AddressCounter, type AddressLimit, countersOf } from './address-limit.ts';
import type { Rooms } from './rooms.ts';
import type { ReportStatuses } from './statuses.ts';
import type { LinkRecord, Storage } from './storage/store.ts';
import type { Workflow } from './workflow.ts';

/** Who may create reports (docs/protocol.md, "Creating reports"). */
export interface CreationRights {
  /** Anyone who can reach the relay (OPEN_REPORTS=1); otherwise only a signed-in member of an organisation. */
  open: boolean;
  /** Reports one address may create in an hour. */
  perAddressPerHour: number;
}

export const defaultCreationRights: CreationRights = { open: true, perAddressPerHour: 120 };

/**
 * How often one address may ask which reports were erased: a device asks on every page load and when it comes back
 * online, and a school's devices may share one address, so about one a second; a refused device asks again later.
 */
export const defaultErasedQuestions: AddressLimit = { allowed: 600, perMs: 10 * 60_000 };

export interface ApiContext {
  creation?: CreationRights;
  /** How often one address may ask which reports were erased; `defaultErasedQuestions` unless set. */
  erasedQuestions?: AddressLimit;
  store: Storage;
  tokens: Tokens;
  live: LiveLinks;
  workflow: Workflow;
  rooms: Rooms;
  statuses: ReportStatuses;
  log: Log;
}

class ApiProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

type Handler = (
  context: ApiContext,
  request: IncomingMessage,
  params: string[],
) => Promise<{ status: number; body: unknown }>;

interface Route {
  pattern: RegExp;
  methods: Partial<Record<string, Handler>>;
}

const id = '([A-Za-z0-9_-]{1,64})';
const routes: Route[] = [
  { pattern: /^\/api\/reports$/, methods: { POST: claimReport } },
  { pattern: /^\/api\/reports\/erased$/, methods: { POST: askErased } },
  { pattern: new RegExp(`^/api/reports/${id}/links$`), methods: { POST: makeLink, GET: listLinks } },
  { pattern: new RegExp(`^/api/reports/${id}/links/([A-Za-z0-9_-]{1,64})$`), methods: { DELETE: revokeLink } },
  { pattern: new RegExp(`^/api/reports/${id}/transitions$`), methods: { POST: decide } },
  // Any last segment, so a version that is not a number is told why (400) rather than that no such address exists.
  { pattern: new RegExp(`^/api/reports/${id}/versions/([^/]{0,40})$`), methods: { GET: readVersion } },
  { pattern: /^\/api\/comment-summaries$/, methods: { POST: summariseReportsComments } },
];

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

export async function handleApi(
  context: ApiContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  const method = request.method ?? 'GET';
  try {
    const route = routes.find((candidate) => candidate.pattern.test(path));
    if (!route)
      throw new ApiProblem(
        404,
        `The relay has no API at ${path.slice(0, 80)}. See docs/protocol.md for its addresses.`,
      );
    const handler = route.methods[method];
    if (!handler) {
      const allowed = Object.keys(route.methods).join(', ');
      throw new ApiProblem(405, `${path.slice(0, 80)} takes ${allowed}, not ${method}.`, { Allow: allowed });
    }
    const { status, body } = await handler(context, request, route.pattern.exec(path)!.slice(1));
    send(response, status, body);
  } catch (error) {
    if (error instanceof ApiProblem) return send(response, error.status, { error: error.message }, error.headers);
    context.log.error(
      { method, path, problem: error instanceof Error ? error.message : String(error) },
      'API request failed',
    );
    send(response, 500, {
      error: 'The relay could not do this just now. Try again; if it keeps happening, tell whoever runs the relay.',
    });
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response
    .writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers })
    .end(JSON.stringify(body));
}

async function claimReport(
  context: ApiContext,
  request: IncomingMessage,
): Promise<{ status: number; body: LinkGrant }> {
  const rights = context.creation ?? defaultCreationRights;
  if (!rights.open) {
    const token = sessionTokenOf(request.headers.cookie);
    const member = token ? await signedIn(context.store, token) : undefined;
    if (!member?.ok)
      throw new ApiProblem(
        403,
        'This relay makes reports for the members of its organisations only. Sign in first, or ask its administrator.',
      );
  }
  countClaim(context, rights, request.socket.remoteAddress ?? 'unknown');
  const { id: reportId, key } = await readBody(request, ClaimRequest);
  const taken = new ApiProblem(
    409,
    'A report with this id is on the relay already. If it is yours, ask whoever shared it with you for a link.',
  );
  if ((await context.store.load(roomName(reportId))).length > 0) throw taken;
  // Only a digest of the key is kept: the store's copy cannot be used to claim.
  const claimant = key === undefined ? undefined : createHash('sha256').update(key).digest('base64url');
  if (!(await context.store.claim(reportId, new Date().toISOString(), claimant))) throw taken;
  const grant = await makeGrant(context, reportId, 'tutor', defaultTtlSeconds.creator);
  context.log.info({ report: reportId, jti: grant.jti }, 'claimed a report');
  return { status: 201, body: grant };
}

const claimCounter = countersOf<ApiContext>();

/** Counts a report created from an address; past the hour's limit it is 429, with when to try again. */
function countClaim(context: ApiContext, rights: CreationRights, address: string): void {
  countFrom(
    claimCounter(context, { allowed: rights.perAddressPerHour, perMs: 3600_000 }),
    address,
    `Too many new reports from here in the last hour (the relay allows ${rights.perAddressPerHour}).`,
  );
}

/** Counts one from `address`; past its limit, 429: `tooMany`, then when to try again (also as Retry-After). */
function countFrom(counter: AddressCounter, address: string, tooMany: string): void {
  const counted = counter.count(address);
  if (counted.ok) return;
  const wait = Math.ceil(counted.problem.waitMs / 60_000);
  throw new ApiProblem(429, `${tooMany} Try again in ${wait === 1 ? 'a minute' : `${wait} minutes`}.`, {
    'Retry-After': String(wait * 60),
  });
}

async function makeLink(
  context: ApiContext,
  request: IncomingMessage,
  [reportId]: string[],
): Promise<{ status: number; body: LinkGrant }> {
  const holder = actingHolder(await holderOf(context, request, reportId));
  // A member's token lasts an hour and closes when they leave: a link made with it would outlast both.
  if (holder.member)
    throw new ApiProblem(
      403,
      'Share links are made with a report’s own link, not with the one Margin gives you for signing in.',
    );
  const { role, ttl, name } = await readBody(request, LinkRequest);
  if (!powers[holder.role].makesLinks)
    throw new ApiProblem(403, `A ${holder.role} link is for reading the report; it makes no links for others.`);
  if (!canShareAs(holder.role, role)) {
    throw new ApiProblem(
      403,
      `With a ${holder.role} link you can make links for ${rolesAtOrBelow(holder.role).join(', ')} only, not ${role}.`,
    );
  }
  // Every link of a report comes, through others, from its owner's: one that reviews would let them approve their own.
  if (powers[role].reviews && (await context.store.report(reportId))) {
    context.log.info(
      { report: reportId, role, by: holder.jti },
      'refused a reviewer’s link for an organisation’s report',
    );
    throw new ApiProblem(403, memberRefusals.reviewerLink);
  }
  const wanted = ttl === undefined ? ok(defaultTtlSeconds.link) : parseTtl(ttl);
  if (!wanted.ok) throw new ApiProblem(400, wanted.problem);
  // A link never outlives the one it was made with, so a short-lived link cannot be stretched.
  const seconds = Math.min(wanted.value, holder.exp - Math.floor(Date.now() / 1000));
  const grant = await makeGrant(context, reportId, role, seconds, holder.jti, name);
  context.log.info({ report: reportId, role, jti: grant.jti, by: holder.jti }, 'made a link');
  await audit(context, request, holder, {
    reportId,
    action: 'link made',
    detail: { link: grant.jti, role, expiresAt: grant.expiresAt },
  });
  return { status: 201, body: grant };
}

async function listLinks(
  context: ApiContext,
  request: IncomingMessage,
  [reportId]: string[],
): Promise<{ status: number; body: LinkList }> {
  const holder = await holderOf(context, request, reportId);
  const links = (await context.store.links(reportId)).filter((link) => canShareAs(holder.role, link.role));
  return {
    status: 200,
    body: {
      links: links.map(({ jti, role, createdAt, expiresAt, madeBy, name, revokedAt }) => ({
        jti,
        role,
        createdAt,
        expiresAt,
        ...(madeBy ? { madeBy } : {}),
        ...(name ? { name } : {}),
        ...(revokedAt ? { revokedAt } : {}),
      })),
    },
  };
}

async function revokeLink(
  context: ApiContext,
  request: IncomingMessage,
  [reportId, jti]: string[],
): Promise<{ status: number; body: Revocation }> {
  const holder = actingHolder(await holderOf(context, request, reportId));
  const links = await context.store.links(reportId);
  const link = links.find((candidate) => candidate.jti === jti);
  if (!link) throw new ApiProblem(404, 'This report has no link with that id.');
  if (!canShareAs(holder.role, link.role))
    throw new ApiProblem(403, `With a ${holder.role} link you cannot withdraw a ${link.role} link.`);
  if (link.jti === holder.jti)
    throw new ApiProblem(409, 'This is the link you are using now; withdraw it from another link.');
  // Every link made with it goes too (a spare made before it was withdrawn opens nothing), except the holder's own
  // link and those made with that.
  const made = madeWith(links, jti, holder.jti);
  const at = new Date().toISOString();
  let closed = 0;
  for (const withdrawn of [link, ...made]) {
    await context.store.revoke(withdrawn.jti, reportId, at);
    closed += context.live.revoked(withdrawn.jti);
  }
  const alsoWithdrawn = made.filter((other) => !other.revokedAt).map((other) => other.jti);
  context.log.info({ report: reportId, jti, by: holder.jti, closed, alsoWithdrawn }, 'withdrew a link');
  // Withdrawing a link withdrawn before changes nothing, unless links made with it since go with it now.
  if (!link.revokedAt || alsoWithdrawn.length)
    await audit(context, request, holder, {
      reportId,
      action: 'link withdrawn',
      at,
      detail: { link: jti, role: link.role, ...(alsoWithdrawn.length ? { alsoWithdrawn: alsoWithdrawn.length } : {}) },
    });
  return { status: 200, body: { jti, revokedAt: link.revokedAt ?? at, alsoWithdrawn } };
}

/** The links made with `jti`, and with those, and so on, leaving out `kept` and the links made with it. */
function madeWith(links: readonly LinkRecord[], jti: string, kept: string): LinkRecord[] {
  const found: LinkRecord[] = [];
  const makers = new Set([jti]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const link of links) {
      if (link.madeBy && makers.has(link.madeBy) && !makers.has(link.jti) && link.jti !== kept) {
        makers.add(link.jti);
        found.push(link);
        grew = true;
      }
    }
  }
  return found;
}

async function decide(
  context: ApiContext,
  request: IncomingMessage,
  [reportId]: string[],
): Promise<{ status: number; body: TransitionResult }> {
  const holder = actingHolder(await holderOf(context, request, reportId));
  const body = await readBody(request, TransitionRequest);
  await checkReviewer(context, holder, reportId);
  await checkTeacher(context, holder, reportId);
  const outcome = await context.workflow.decide(reportId, holder, body);
  if (!outcome.ok) throw new ApiProblem(409, outcome.problem);
  const { decision } = outcome.value;
  await audit(context, request, holder, {
    reportId,
    action: 'decision',
    at: decision.at,
    detail: { decision: decision.action, from: decision.from, to: decision.to, name: decision.by.name },
  });
  return { status: 200, body: outcome.value };
}

/** The report as one of its decisions found it, for whoever may read its content now, as they may read it. */
const versionsRefusedToReaders =
  'A client reads the report as it was approved; the versions before it are the people who wrote and reviewed it.';

async function readVersion(
  context: ApiContext,
  request: IncomingMessage,
  [reportId, number]: string[],
): Promise<{ status: number; body: ReportVersion }> {
  const holder = await holderOf(context, request, reportId);
  const version = /^[1-9][0-9]{0,8}$/.test(number) ? Number(number) : undefined;
  if (version === undefined)
    throw new ApiProblem(
      400,
      `“${number.slice(0, 20)}” is not a version: a version is a decision’s number in the report’s history, 1 for the first.`,
    );
  const access = tokenRoomAccess(holder, 'content', await context.statuses.load(reportId));
  if (!access.ok) throw new ApiProblem(403, access.problem.reason);
  // A client reads the report as it was approved, never the versions before it (one sent back, say).
  if (powers[holder.role].readContent === 'approved') throw new ApiProblem(403, versionsRefusedToReaders);
  const kept = await keptVersion(context.store, reportId, version, access.value.seesInternal);
  if (!kept.ok) throw new ApiProblem(404, kept.problem);
  return { status: 200, body: kept.value };
}

/**
 * A reviewer's decision on an organisation's report is taken only by a member its membership makes its reviewer
 * now (shared/protocol/member-access.ts, `mayReview`): never with a link, made before the report was registered or since.
 */
async function checkReviewer(context: ApiContext, holder: Holder, reportId: string): Promise<void> {
  if (!powers[holder.role].reviews) return;
  const report = await context.store.report(reportId);
  if (!report) return;
  const member = holder.account && (await memberFacts(context.store, holder.account));
  const allowed = mayReview(holder.role, member, { ...report, status: await context.statuses.load(reportId) });
  if (allowed.ok) return;
  context.log.info({ report: reportId, jti: holder.jti, member: holder.member }, 'refused a reviewer’s decision');
  throw new ApiProblem(403, allowed.problem);
}

/**
 * A teacher's signature on an organisation's review is given only by the member it names as its early career
 * teacher (`maySignAsTeacher`): never with a link, which its induction tutor could have made for themselves.
 */
async function checkTeacher(context: ApiContext, holder: Holder, reportId: string): Promise<void> {
  if (holder.role !== 'teacher') return;
  const report = await context.store.report(reportId);
  if (!report) return;
  const allowed = maySignAsTeacher(holder.role, holder.account, {
    ...report,
    status: await context.statuses.load(reportId),
  });
  if (allowed.ok) return;
  context.log.info({ report: reportId, jti: holder.jti, member: holder.member }, 'refused a teacher’s signature');
  throw new ApiProblem(403, allowed.problem);
}

const erasedQuestionCounter = countersOf<ApiContext>();

/**
 * Which of the reports a device holds were erased (docs/protocol.md, "Erased reports"). Anyone may ask, without a
 * token: a share link's holder has no sign-in, report ids are unguessable, and the answer names only reports that
 * were erased, so it tells nothing of one that was not (never made, kept, or another organisation's).
 */
async function askErased(
  context: ApiContext,
  request: IncomingMessage,
): Promise<{ status: number; body: ErasedReports }> {
  countFrom(
    erasedQuestionCounter(context, context.erasedQuestions ?? defaultErasedQuestions),
    request.socket.remoteAddress ?? 'unknown',
    'Too many questions about erased reports from here.',
  );
  const { ids } = await readBody(request, ErasedReportsRequest, maxErasedQueryBodyBytes);
  return { status: 200, body: { erased: await context.store.erasedAmong(ids) } };
}

/** Each report's link is checked as a websocket's would be for its comments room; one refused link refuses only its report. */
async function summariseReportsComments(
  context: ApiContext,
  request: IncomingMessage,
): Promise<{ status: number; body: CommentSummaries }> {
  const { reports } = await readBody(request, CommentSummaryRequest, maxSummaryBodyBytes);
  const answers = await Promise.all(
    reports.map(async ({ id: reportId, token }) => {
      const check = await checkAccess(context.tokens, context.store, token, reportId);
      if (!check.ok) return { id: reportId, ...fail(check.problem.reason) };
      const access = tokenRoomAccess(check.value, 'comments', await context.statuses.load(reportId));
      if (!access.ok) return { id: reportId, ...fail(access.problem.reason) };
      return { id: reportId, ...ok(await commentsOf(context, reportId)) };
    }),
  );
  return { status: 200, body: { reports: answers } };
}

/** Read from the room as it is in memory when it is open (changes still being saved included), else loaded for the read. */
async function commentsOf(context: ApiContext, reportId: ReportId) {
  const { room, release } = await context.rooms.hold({
    name: roomName(reportId, 'comments'),
    reportId,
    kind: 'comments',
  });
  try {
    return summariseComments(room.snapshot());
  } finally {
    release();
  }
}

async function makeGrant(
  context: ApiContext,
  reportId: string,
  role: Role,
  ttlSeconds: number,
  madeBy?: string,
  name?: string,
): Promise<LinkGrant> {
  const { token, claims } = await context.tokens.mint(reportId, role, ttlSeconds, undefined, name ? { name } : {});
  const link = {
    jti: claims.jti,
    reportId,
    role,
    createdAt: new Date(claims.iat * 1000).toISOString(),
    expiresAt: new Date(claims.exp * 1000).toISOString(),
    ...(madeBy ? { madeBy } : {}),
    ...(name ? { name } : {}),
  };
  await context.store.addLink(link);
  return { token, jti: link.jti, role, expiresAt: link.expiresAt };
}

/**
 * Writes to the audit log of the report's organisation. What was done is done (a link made, a decision recorded),
 * so a store that fails here is logged rather than turned into a refusal the person would act on wrongly.
 */
async function audit(
  context: ApiContext,
  request: IncomingMessage,
  holder: TokenClaims,
  event: Parameters<typeof auditReport>[3],
): Promise<void> {
  try {
    await auditReport(context.store, request, holder, event);
  } catch (error) {
    context.log.error(
      { report: event.reportId, action: event.action, problem: error instanceof Error ? error.message : String(error) },
      'could not write to the audit log',
    );
  }
}

async function holderOf(context: ApiContext, request: IncomingMessage, reportId: string): Promise<Holder> {
  if (!reportIdPattern.test(reportId)) throw new ApiProblem(400, 'A report id is 1 to 64 letters, digits, "-" or "_".');
  const header = request.headers.authorization ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const check = await checkAccess(context.tokens, context.store, token, reportId);
  if (!check.ok) throw new ApiProblem(check.problem.status, check.problem.reason);
  return check.value;
}

/** A read-only token (a coordinator's) neither decides, nor makes or withdraws links. */
function actingHolder(holder: Holder): Holder {
  if (holder.readOnly) throw new ApiProblem(403, refusalReasons.readOnly);
  return holder;
}

async function readBody<T extends z.ZodType>(
  request: IncomingMessage,
  schema: T,
  maxBytes = maxApiBodyBytes,
): Promise<z.infer<T>> {
  const body = await readJsonBody(request, schema, maxBytes);
  if (!body.ok) throw new ApiProblem(body.problem.status, body.problem.reason);
  return body.value;
}

function rolesAtOrBelow(role: Role): Role[] {
  return roles.filter((candidate) => canShareAs(role, candidate)).sort((a, b) => shareRank[b] - shareRank[a]);
}
