// The termly progress review's status machine (domain guide 003). The induction tutor fills in the form and
// finishes it; the teacher confirms the facts, adds comments and signs; only then does the tutor sign, and the
// signed review goes to the reviewer (the appropriate body), who marks it read. Until the tutor signs, the tutor
// may take it back to amend it (the teacher then signs again). The relay checks every step with this machine.
import type { Role } from '../../protocol/roles.ts';
import { termlyReviewActions, type TermlyReviewAction } from '../../protocol/statuses.ts';
import { statusLabels, type ReportStatus } from '../../workflow/status.ts';
import { fail, ok, type Result } from '../../result.ts';

export { TermlyReviewAction, termlyReviewActions } from '../../protocol/statuses.ts';

export const termlyReviewStatuses = [
  'draft',
  'teacher-to-comment',
  'needs-signatures',
  'with-reviewer',
  'reviewed',
] as const satisfies readonly ReportStatus[];

/** Once the teacher has signed, their part (in the comments room) is locked like the content: the relay takes no changes to it. */
export function teacherPartLocked(status: ReportStatus): boolean {
  return status === 'needs-signatures' || status === 'with-reviewer' || status === 'reviewed';
}

/** The actions that put a signature on the review: the relay will not take them without one. */
export const signingActions: readonly TermlyReviewAction[] = ['teacher-sign', 'tutor-sign'];

/** What the machine needs to know of the review itself, read from its documents. */
export interface TermlyReviewReadiness {
  /** The first thing that stops the form from being finished, if anything does (other than the support plan). */
  formProblem?: string;
  notOnTrack: boolean;
  supportPlanAttached: boolean;
  factsConfirmed: boolean;
  teacherCommented: boolean;
}

export type TermlyTransitionResult = Result<{ to: ReportStatus }>;

interface Rule {
  from: readonly ReportStatus[];
  to: ReportStatus;
  by: Role;
}

const rules: Record<TermlyReviewAction, Rule> = {
  finish: { from: ['draft'], to: 'teacher-to-comment', by: 'tutor' },
  'teacher-sign': { from: ['teacher-to-comment'], to: 'needs-signatures', by: 'teacher' },
  'tutor-sign': { from: ['needs-signatures'], to: 'with-reviewer', by: 'tutor' },
  amend: { from: ['teacher-to-comment', 'needs-signatures'], to: 'draft', by: 'tutor' },
  'mark-reviewed': { from: ['with-reviewer'], to: 'reviewed', by: 'reviewer' },
};

const roleWords: Partial<Record<Role, string>> = {
  tutor: 'the induction tutor',
  teacher: 'the teacher',
  reviewer: 'the reviewer',
};

const whatItDoes: Record<TermlyReviewAction, string> = {
  finish: 'finish the review',
  'teacher-sign': 'sign as the teacher',
  'tutor-sign': 'sign as the induction tutor',
  amend: 'take the review back to amend it',
  'mark-reviewed': 'mark the review as read',
};

/** Why an action cannot be taken at this status, in the order of the guide. */
function outOfOrder(action: TermlyReviewAction, from: ReportStatus): string {
  const status = statusLabels[from].toLowerCase();
  switch (action) {
    case 'tutor-sign':
      if (from === 'draft')
        return 'Finish the review first: the teacher then adds their comments and signs, and only then do you sign.';
      if (from === 'teacher-to-comment')
        return 'The teacher signs first: you can sign once the teacher has confirmed the facts, added their comments and signed.';
      return `The review is ${status}: your signature is already on it.`;
    case 'teacher-sign':
      if (from === 'draft')
        return 'Your induction tutor has not finished this review yet: you can comment and sign once they have.';
      return `The review is ${status}: your signature is already on it.`;
    case 'finish':
      return `The review is ${status}, so it is already finished.`;
    case 'amend':
      return from === 'draft'
        ? 'The review is a draft: change it as it is.'
        : `The review is ${status}: once both have signed it can no longer be amended.`;
    case 'mark-reviewed':
      return `The review is ${status}: it can be marked as read once the teacher and the induction tutor have both signed it.`;
  }
}

/** Whether `role` may take `action` on a termly review that is `from`, and if not, why, in words a person can act on. */
export function termlyTransition(
  from: ReportStatus,
  action: TermlyReviewAction,
  role: Role,
  review: TermlyReviewReadiness,
): TermlyTransitionResult {
  const rule = rules[action];
  if (role !== rule.by)
    return fail(`Only ${roleWords[rule.by]} can ${whatItDoes[action]}; this link is for a ${role}.`);
  if (!rule.from.includes(from)) return fail(outOfOrder(action, from));
  if (action === 'finish') {
    if (review.notOnTrack && !review.supportPlanAttached) {
      return fail(
        'Attach the support plan: a review that finds the teacher not on track needs one before it is finished.',
      );
    }
    if (review.formProblem) return fail(`The review is not complete yet: ${review.formProblem}`);
  }
  if (action === 'teacher-sign') {
    if (!review.factsConfirmed) return fail('Confirm the details your induction tutor gave before you sign.');
    if (!review.teacherCommented) return fail('Add your comments before you sign.');
  }
  return ok({ to: rule.to });
}

/** The actions this role could take at this status (whether the review is ready for them or not). */
export function termlyActionsFor(from: ReportStatus, role: Role): TermlyReviewAction[] {
  return termlyReviewActions.filter((action) => rules[action].by === role && rules[action].from.includes(from));
}

/** The relay's answer when a signature is over other content than the relay holds (the device had not synced yet). */
export const staleSignatureReason =
  'Your copy of the review is not the same as the relay’s yet (it may still be syncing): read it again and sign once it has synced.';

export const notForThisReport = {
  termlyActionOnOtherReport:
    'Only a termly progress review is finished and signed; this report is submitted for review instead.',
  otherActionOnTermlyReview:
    'A termly progress review is not submitted: the induction tutor finishes it, then the teacher and the induction tutor sign it.',
  signatureMissing: 'Signing needs a signature made on your device; none came with this request.',
  signatureNotGenuine: 'This signature does not match the key it came with, so it was not recorded.',
  changedWhileSigning: 'The review changed while the signature was being checked: read it again and sign.',
} as const;
