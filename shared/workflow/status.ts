// The report status machine: draft, submitted, approved, rejected, amended-and-resubmitted.
// The relay is the authority for these transitions; the app uses the same rules to show what is possible.
import type { Role } from '../protocol/roles.ts';
import type { ReportStatus, WorkflowAction } from '../protocol/statuses.ts';
import { fail, ok, type Result } from '../result.ts';

export { contentLocked, ReportStatus, reportStatuses, WorkflowAction, workflowActions } from '../protocol/statuses.ts';

export const statusLabels: Record<ReportStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
  rejected: 'Rejected',
  resubmitted: 'Amended and resubmitted',
  'teacher-to-comment': 'Teacher to comment',
  'needs-signatures': 'Needs signatures',
  'with-reviewer': 'Signed: with the reviewer',
  reviewed: 'Reviewed',
};

interface Transition {
  from: readonly ReportStatus[];
  to: ReportStatus;
  by: readonly Role[];
}

const transitions: Record<WorkflowAction, Transition> = {
  submit: { from: ['draft'], to: 'submitted', by: ['tutor'] },
  approve: { from: ['submitted', 'resubmitted'], to: 'approved', by: ['reviewer'] },
  reject: { from: ['submitted', 'resubmitted'], to: 'rejected', by: ['reviewer'] },
  resubmit: { from: ['rejected'], to: 'resubmitted', by: ['tutor'] },
};

export type TransitionResult = Result<{ to: ReportStatus }>;

const actionWords: Record<WorkflowAction, string> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  resubmit: 'resubmitted',
};

/** Whether `role` may take `action` on a report that is `from`, and if not, why, in words a person can act on. */
export function transition(from: ReportStatus, action: WorkflowAction, role: Role, reason?: string): TransitionResult {
  const rule = transitions[action];
  if (!rule.by.includes(role)) {
    return fail(`A ${role} cannot ${action} a report; only a ${rule.by.join(' or ')} can.`);
  }
  if (!rule.from.includes(from)) {
    return fail(`A report that is ${statusLabels[from].toLowerCase()} cannot be ${actionWords[action]}.`);
  }
  if (action === 'reject' && !reason?.trim()) {
    return fail('Say why the report is rejected, so the tutor knows what to fix.');
  }
  return ok({ to: rule.to });
}
