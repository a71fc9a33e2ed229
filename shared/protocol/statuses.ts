// The statuses a report can be in and the actions that move it, as the relay and the app name them on the wire
// (TransitionRequest, room access). The machines that decide which moves are allowed are in shared/workflow/
// (submit and review) and in the kinds with their own (shared/reports/termly-review/workflow.ts).
import { z } from 'zod';

export const reportStatuses = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'resubmitted',
  // Termly progress reviews only (termly-review.ts): finished by the tutor, signed by the teacher then the tutor.
  'teacher-to-comment',
  'needs-signatures',
  'with-reviewer',
  'reviewed',
] as const;
export const ReportStatus = z.enum(reportStatuses);
export type ReportStatus = z.infer<typeof ReportStatus>;

export const workflowActions = ['submit', 'approve', 'reject', 'resubmit'] as const;
export const WorkflowAction = z.enum(workflowActions);
export type WorkflowAction = z.infer<typeof WorkflowAction>;

/** The actions of the termly progress review's own status machine. */
export const termlyReviewActions = ['finish', 'teacher-sign', 'tutor-sign', 'amend', 'mark-reviewed'] as const;
export const TermlyReviewAction = z.enum(termlyReviewActions);
export type TermlyReviewAction = z.infer<typeof TermlyReviewAction>;

/** Submitted and approved reports (and termly reviews once finished) are read-only; drafts and rejected reports can be edited. */
export function contentLocked(status: ReportStatus): boolean {
  return status !== 'draft' && status !== 'rejected';
}
