// The relay's HTTP API (JSON in, JSON out), documented in docs/protocol.md. Every error is { error } with a
// message a person can act on; the paths and bodies below are what the app and the relay agree on.
import { z } from 'zod';
import { ReportSignature } from '../signatures/signature.ts';
import { ReportStatus, TermlyReviewAction, WorkflowAction } from './statuses.ts';
import { Role } from './roles.ts';
import { ReportId } from './rooms.ts';

export const apiPaths = {
  reports: '/api/reports',
  links: (reportId: string) => `/api/reports/${reportId}/links`,
  link: (reportId: string, jti: string) => `/api/reports/${reportId}/links/${jti}`,
  transitions: (reportId: string) => `/api/reports/${reportId}/transitions`,
  version: (reportId: string, version: number) => `/api/reports/${reportId}/versions/${version}`,
  commentSummaries: '/api/comment-summaries',
  erasedReports: '/api/reports/erased',
} as const;

/**
 * GET /api/reports/<id>/versions/<n>: the report's content as decision n (its place in the status room's history,
 * from 1) found it, as one Yjs update in base64; without the internal fields' text for a role that may not see them.
 */
export const ReportVersion = z.object({
  version: z.number().int().min(1),
  internalFields: z.enum(['included', 'left out']),
  update: z.string(),
});
export type ReportVersion = z.infer<typeof ReportVersion>;

/** Largest request body the API reads. */
export const maxApiBodyBytes = 16 * 1024;

/**
 * POST /api/reports: claim a new report id; answered with a tutor token for its creator. `key` is a secret the
 * creating device keeps: the same key may claim the id again while the report is empty, so a device whose first
 * answer was lost on the way back (a page left at once, a dropped connection) is not locked out of its own report.
 */
export const ClaimRequest = z.object({
  id: ReportId,
  key: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22,128}$/, 'A claim key is 22 to 128 letters, digits, "-" or "_"')
    .optional(),
});
export type ClaimRequest = z.infer<typeof ClaimRequest>;

/** A token and what it is: the answer to a claim and to making a link. */
export const LinkGrant = z.object({
  token: z.string(),
  jti: z.string(),
  role: Role,
  /** ISO 8601. */
  expiresAt: z.string(),
});
export type LinkGrant = z.infer<typeof LinkGrant>;

/** POST /api/reports/<id>/links: make a share link for a role at or below the holder's own. */
export const LinkRequest = z.object({
  role: Role,
  /** How long it lasts ("8h", "30d"); 30 days when left out. */
  ttl: z.string().max(20).optional(),
  /**
   * The person it is for, as its maker names them: the relay stamps this name on their comments, decisions,
   * signatures and presence, whatever their device says.
   */
  name: z
    .string()
    .trim()
    .min(1, 'Give the name of the person the link is for, or leave it out.')
    .max(80, 'A name can be at most 80 characters.')
    .optional(),
});
export type LinkRequest = z.infer<typeof LinkRequest>;

/** One link made for a report, as GET /api/reports/<id>/links lists it (never with its token). */
export const LinkSummary = z.object({
  jti: z.string(),
  role: Role,
  createdAt: z.string(),
  expiresAt: z.string(),
  /** The id of the link it was made with; absent for a report's first link and links made before this was kept. */
  madeBy: z.string().optional(),
  /** The person it was made for, when its maker named them. */
  name: z.string().optional(),
  revokedAt: z.string().optional(),
});
export type LinkSummary = z.infer<typeof LinkSummary>;

export const LinkList = z.object({ links: z.array(LinkSummary) });
export type LinkList = z.infer<typeof LinkList>;

/** DELETE /api/reports/<id>/links/<jti>. */
export const Revocation = z.object({
  jti: z.string(),
  revokedAt: z.string(),
  /** The links made with it (and with those, and so on), withdrawn with it. */
  alsoWithdrawn: z.array(z.string()),
});
export type Revocation = z.infer<typeof Revocation>;

/** Ids of comment threads a rejection points at: at most 50, each a thread id. */
export const CommentThreadIds = z
  .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A comment thread id is 1 to 64 letters, digits, "-" or "_"'))
  .max(50, 'A rejection can point at no more than 50 comment threads.');

/** POST /api/reports/<id>/transitions. */
export const TransitionRequest = z.object({
  /** Termly progress reviews have their own actions (shared/workflow/termly-review.ts). */
  action: z.union([WorkflowAction, TermlyReviewAction]),
  /** Why a report is rejected; required for reject. */
  reason: z.string().max(1024).optional(),
  /** Reject only: the comment threads (ids in the `<id>/comments` document) the reason points at. */
  comments: CommentThreadIds.optional(),
  /** The name of the person deciding, as they gave it in the app. */
  name: z.string().trim().min(1, 'Give your name, so others know who decided').max(120),
  /** A termly review's signature (teacher-sign, tutor-sign) over the review as the relay holds it. */
  signature: ReportSignature.optional(),
});
export type TransitionRequest = z.infer<typeof TransitionRequest>;

export const DecisionRecord = z.object({
  action: z.union([WorkflowAction, TermlyReviewAction]),
  from: ReportStatus,
  to: ReportStatus,
  by: z.object({ name: z.string(), role: Role }),
  at: z.string(),
  reason: z.string().optional(),
  comments: z.array(z.string()).optional(),
  contentHash: z.string(),
  signature: ReportSignature.optional(),
});

export const TransitionResult = z.object({ status: ReportStatus, decision: DecisionRecord });
export type TransitionResult = z.infer<typeof TransitionResult>;

/** How many reports one POST /api/comment-summaries may ask about. */
export const maxSummaryReports = 50;

/** Its body may be larger than other requests': a token for each report. */
export const maxSummaryBodyBytes = 64 * 1024;

/** POST /api/comment-summaries: the home page asks about the comments of every report it lists, each with its link. */
export const CommentSummaryRequest = z.object({
  reports: z
    .array(z.object({ id: ReportId, token: z.string().min(1).max(4096) }))
    .min(1, 'Name at least one report.')
    .max(maxSummaryReports, `Ask about no more than ${maxSummaryReports} reports at once.`),
});
export type CommentSummaryRequest = z.infer<typeof CommentSummaryRequest>;

/** A comment as the summaries give it: enough to count what is new to someone, never its text. Deleted ones are left out. */
export const CommentSummary = z.object({
  id: z.string(),
  author: z.object({ id: z.string() }),
  createdAt: z.string(),
});
export type CommentSummary = z.infer<typeof CommentSummary>;

/** One report's answer, in the order asked: a Result (shared/result.ts) of its comments, or why this link may not read them. */
export const ReportCommentSummary = z.union([
  z.object({ id: z.string(), ok: z.literal(true), value: z.array(CommentSummary) }),
  z.object({ id: z.string(), ok: z.literal(false), problem: z.string() }),
]);
export type ReportCommentSummary = z.infer<typeof ReportCommentSummary>;

export const CommentSummaries = z.object({ reports: z.array(ReportCommentSummary) });
export type CommentSummaries = z.infer<typeof CommentSummaries>;

/** How many report ids a device may ask about in one POST /api/reports/erased. */
export const maxErasedQueryIds = 1000;

/** Room for `maxErasedQueryIds` ids of the longest kind, quoted, with commas. */
export const maxErasedQueryBodyBytes = 80 * 1024;

/**
 * POST /api/reports/erased: a device names the reports it holds and learns which of them were erased by their
 * organisation, so it drops its copies (docs/protocol.md, "Erased reports"). Anyone may ask: report ids are
 * unguessable, and the answer says nothing of a report that was not erased.
 */
export const ErasedReportsRequest = z.object({
  ids: z
    .array(ReportId)
    .max(maxErasedQueryIds, `Ask about no more than ${maxErasedQueryIds.toLocaleString('en-GB')} reports at once.`),
});
export type ErasedReportsRequest = z.infer<typeof ErasedReportsRequest>;

/** The reports asked about that were erased, in the order asked; an id never made and a report kept are both left out. */
export const ErasedReports = z.object({ erased: z.array(ReportId) });
export type ErasedReports = z.infer<typeof ErasedReports>;

export const ApiError = z.object({ error: z.string() });
export type ApiError = z.infer<typeof ApiError>;
