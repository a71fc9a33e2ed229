// Bulk approval (docs/protocol.md, "Approving several reports"): a quality reviewer marks several reports in their
// queue and approves them in one request. Each is still its own decision: the relay makes the reviewer a member
// token for it as GET .../token would, checks it as any token is checked, and takes the decision through the one
// workflow path (relay/workflow.ts) with its own content hash and audit entry. A report that cannot be approved
// (another organisation's, changed status meanwhile, not the reviewer's to review) is answered with why, by name,
// and the others still go through.
import type { IncomingMessage } from 'node:http';
import { mayReview, memberAccess } from '../../shared/protocol/member-access.ts';
import {
  BulkApprovalRequest,
  type BulkApprovalOutcome,
  type BulkApprovalResult,
  memberRoleLabels,
} from '../../shared/protocol/organisations.ts';
import { defaultTtlSeconds } from '../../shared/protocol/tokens.ts';
import { checkAccess } from '../auth.ts';
import type { MemberRecord } from '../storage/organisations.ts';
import type { Workflow } from '../workflow.ts';
import type { MemberReportsContext } from './member-reports.ts';
import { reportContentFacts } from './report-content.ts';
import { auditReport } from './report-audit.ts';
import { type Answer, Problem, readBody, signedInMember } from './requests.ts';

export interface ApprovalsContext extends MemberReportsContext {
  workflow: Workflow;
}

export const bulkApprovalRefusals = {
  notReviewer: (role: MemberRecord['role']) =>
    `Reports are approved by the organisation’s quality reviewers; as a ${memberRoleLabels[role].toLowerCase()} you cannot approve them.`,
  notFound: 'Your organisation has no report with this id.',
} as const;

export async function approveReports(context: ApprovalsContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  if (member.role !== 'quality-reviewer') throw new Problem(403, bulkApprovalRefusals.notReviewer(member.role));
  const { reports } = await readBody(request, BulkApprovalRequest);
  const names = new Map((await context.store.members(member.organisationId)).map((each) => [each.id, each.name]));
  const outcomes: BulkApprovalOutcome[] = [];
  // One after another: each decision holds its report's lock in turn, as separate requests would.
  for (const reportId of reports) outcomes.push(await approveOne(context, request, member, reportId, names));
  const approved = outcomes.filter((outcome) => outcome.ok).length;
  context.log.info({ member: member.id, asked: reports.length, approved }, 'approved reports together');
  const body: BulkApprovalResult = { outcomes };
  return { status: 200, body };
}

async function approveOne(
  context: ApprovalsContext,
  request: IncomingMessage,
  member: MemberRecord,
  reportId: string,
  names: Map<string, string>,
): Promise<BulkApprovalOutcome> {
  const report = await context.store.report(reportId);
  // Another organisation's report is not named: the reviewer learns nothing of it but that it is not theirs.
  if (!report || report.organisationId !== member.organisationId)
    return { id: reportId, name: reportId, ok: false, problem: bulkApprovalRefusals.notFound };
  const status = await context.statuses.load(reportId);
  const access = memberAccess(member, { ...report, status });
  // A report the reviewer may not open (a draft) is not named either: its title is not theirs to read yet.
  if (!access.ok) return { id: reportId, name: reportId, ok: false, problem: access.problem };
  const content = await reportContentFacts(context.store, reportId);
  const name = content?.title ?? `${names.get(report.ownerId) ?? 'A former member'}’s report`;
  const refused = (problem: string): BulkApprovalOutcome => ({ id: reportId, name, ok: false, problem });
  const { token } = await context.tokens.mint(reportId, access.value.role, defaultTtlSeconds.member, undefined, {
    member: member.id,
    name: member.name,
    ...(access.value.readOnly ? { readOnly: true as const } : {}),
  });
  const holder = await checkAccess(context.tokens, context.store, token, reportId);
  if (!holder.ok) return refused(holder.problem.reason);
  const allowed = mayReview(holder.value.role, holder.value.account, { ...report, status });
  if (!allowed.ok) return refused(allowed.problem);
  const outcome = await context.workflow.decide(reportId, holder.value, { action: 'approve', name: member.name });
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
