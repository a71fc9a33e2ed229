// Each kind of decision in the words the report's history uses, and one decision named in full for a choice of
// versions ("2. Sent back by Rita Reviewer (reviewer), 4 December 2026 at 11:35").
import type { Decision } from '../../../shared/doc/status-doc.ts';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import type { TermlyReviewAction } from '../../../shared/reports/termly-review/workflow.ts';
import type { WorkflowAction } from '../../../shared/workflow/status.ts';

export const decided: Record<WorkflowAction | TermlyReviewAction, string> = {
  submit: 'Submitted',
  approve: 'Approved',
  reject: 'Sent back',
  resubmit: 'Amended and resubmitted',
  finish: 'Finished and handed to the teacher',
  'teacher-sign': 'Signed',
  'tutor-sign': 'Signed',
  amend: 'Taken back to amend',
  'mark-reviewed': 'Read',
};

/** Decision `version` (1 for the first) as a choice reads it. */
export function decisionName(decision: Decision, version: number, roleWord: (role: string) => string): string {
  return `${version}. ${decided[decision.action]} by ${decision.by.name} (${roleWord(decision.by.role)}), ${formatMoment(decision.at, 'long')}`;
}

/**
 * For a report resubmitted after being sent back: the version the last send-back found and the resubmitted one
 * (numbers from 1), so a reviewer sees what changed since.
 */
export function sentBackAndResubmitted(
  history: readonly Decision[],
): { sentBack: number; resubmitted: number } | undefined {
  const last = history.length - 1;
  if (last < 1 || history[last].action !== 'resubmit') return undefined;
  const sentBack = history.findLastIndex((decision) => decision.action === 'reject');
  return sentBack < 0 ? undefined : { sentBack: sentBack + 1, resubmitted: last + 1 };
}
