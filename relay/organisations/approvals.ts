// Decisions taken together (docs/protocol.md, "Approving several reports", "Marking several reviews read"): a quality
// reviewer approves several reports in their queue, or an appropriate body's reviewer marks several termly reviews
// read, in one request. Each is still its own decision: the relay makes the member a member token for it as
// GET .../token would, checks it as any token is checked, and takes the decision through the one workflow path
// (relay/workflow.ts) with its own content hash and audit entry. A report that cannot be decided (one the member's
// organisations do not hold, changed status meanwhile, not the member's to review) is answered with why, by name,
// and the others still go through.
import type { IncomingMessage } from 'node:http';
import { type MemberFacts, mayReview, memberAccess } from '../../shared/protocol/member-access.ts';
import {
  BulkApprovalRequest,
  type BulkApprovalOutcome,
  type BulkApprovalResult,
  BulkReadRequest,
  memberRoleLabels,
} from '../../shared/protocol/organisations.ts';
import { defaultTtlSeconds } from '../../shared/protocol/tokens.ts';
import { checkAccess } from '../auth.ts';
import type { MemberRecord } from '../storage/organisations.ts';
import type { Workflow } from '../workflow.ts';
import { memberFacts, organisationsOf } from './member-facts.ts';
import type { MemberReportsContext } from './member-reports.ts';
import { auditReport } from './report-audit.ts';
import { type Answer, Problem, readBody, signedInMember } from './requests.ts';

export interface ApprovalsContext extends MemberReportsContext {
  workflow: Workflow;
}

/** The reviewer's decisions that may be taken on several reports together. */
type BulkAction = 'approve' | 'mark-reviewed';

export const bulkApprovalRefusals = {
  notReviewer: (role: MemberRecord['role']) =>
    `Reports are approved by the organisation’s quality reviewers; as a ${memberRoleLabels[role].toLowerCase()} you cannot approve them.`,
  notFound: 'Your organisation has no report with this id.',
  notBodyReviewer: (role: MemberRecord['role']) =>
    `Termly reviews are marked read by an appropriate body’s reviewers; as ${/^[aeiou]/i.test(memberRoleLabels[role]) ? 'an' : 'a'} ${memberRoleLabels[role].toLowerCase()} you cannot mark them read.`,
} as const;

export async function approveReports(context: ApprovalsContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  if (member.role !== 'quality-reviewer') throw new Problem(403, bulkApprovalRefusals.notReviewer(member.role));
  const { reports } = await readBody(request, BulkApprovalRequest);
  return decideTogether(context, request, member, reports, 'approve');
}

/** POST /api/organisation/reviews/read: an appropriate body's reviewer marks several signed termly reviews read. */
export async function markReviewsRead(context: ApprovalsContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  if (member.role !== 'appropriate-body-reviewer')
    throw new Problem(403, bulkApprovalRefusals.notBodyReviewer(member.role));
  const { reports } = await readBody(request, BulkReadRequest);
  return decideTogether(context, request, member, reports, 'mark-reviewed');
}

/** Takes one decision of `action` on each report asked for, as the member, and says what became of each. */
async function decideTogether(
  context: ApprovalsContext,
  request: IncomingMessage,
  member: MemberRecord,
  reports: readonly string[],
  action: BulkAction,
): Promise<Answer> {
  const facts = await memberFacts(context.store, member);
  const names = new Map<string, Map<string, string>>();
  const ownerName = async (organisationId: string, ownerId: string) => {
    let known = names.get(organisationId);
    if (!known) {
      known = new Map((await context.store.members(organisationId)).map((each) => [each.id, each.name]));
      names.set(organisationId, known);
    }
    return known.get(ownerId);
  };
  const outcomes: BulkApprovalOutcome[] = [];
  // One after another: each decision holds its report's lock in turn, as separate requests would.
  for (const reportId of reports) outcomes.push(await decideOne(context, request, facts, reportId, action, ownerName));
  const done = outcomes.filter((outcome) => outcome.ok).length;
  context.log.info({ member: member.id, action, asked: reports.length, done }, 'took decisions together');
  const body: BulkApprovalResult = { outcomes };
  return { status: 200, body };
}

async function decideOne(
  context: ApprovalsContext,
  request: IncomingMessage,
  member: MemberRecord & MemberFacts,
  reportId: string,
  action: BulkAction,
  ownerName: (organisationId: string, ownerId: string) => Promise<string | undefined>,
): Promise<BulkApprovalOutcome> {
  const report = await context.store.report(reportId);
  // Another organisation's report is not named: the reviewer learns nothing of it but that it is not theirs.
  if (!report || !organisationsOf(member).includes(report.organisationId))
    return { id: reportId, name: reportId, ok: false, problem: bulkApprovalRefusals.notFound };
  const status = await context.statuses.load(reportId);
  const access = memberAccess(member, { ...report, status });
  // A report the reviewer may not open (a draft) is not named either: its title is not theirs to read yet.
  if (!access.ok) return { id: reportId, name: reportId, ok: false, problem: access.problem };
  const content = (await context.directory.row(reportId))?.content;
  const name =
    content?.title ?? `${(await ownerName(report.organisationId, report.ownerId)) ?? 'A former member'}’s report`;
  const refused = (problem: string): BulkApprovalOutcome => ({ id: reportId, name, ok: false, problem });
  const { token } = await context.tokens.mint(reportId, access.value.role, defaultTtlSeconds.member, undefined, {
    member: member.id,
    name: member.name,
    ...(access.value.readOnly ? { readOnly: true as const } : {}),
  });
  const holder = await checkAccess(context.tokens, context.store, token, reportId);
  if (!holder.ok) return refused(holder.problem.reason);
  // As the transitions API weighs it (relay/api.ts, checkReviewer): the membership read again, with its body's schools.
  const account = holder.value.account && (await memberFacts(context.store, holder.value.account));
  const allowed = mayReview(holder.value.role, account, { ...report, status });
  if (!allowed.ok) return refused(allowed.problem);
  const outcome = await context.workflow.decide(reportId, holder.value, { action, name: member.name });
  if (!outcome.ok) return refused(outcome.problem);
  const { decision } = outcome.value;
  try {
    await auditReport(context.store, request, holder.value, {
      reportId,
      action: 'decision',
      at: decision.at,
      detail: { decision: decision.action, from: decision.from, to: decision.to, name: decision.by.name, bulk: true },
    });
  } catch (error) {
    // The decision is taken: a store that fails here is logged, not turned into a refusal.
    context.log.error(
      { report: reportId, problem: error instanceof Error ? error.message : String(error) },
      'could not write to the audit log',
    );
  }
  return {
    id: reportId,
    name,
    ok: true,
    value: { status: decision.to, at: decision.at, contentHash: decision.contentHash },
  };
}
