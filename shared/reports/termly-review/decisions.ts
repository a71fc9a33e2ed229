// The relay's checks for a termly progress review's decisions (./workflow.ts): the status
// machine against the review's content and comments documents as the relay holds them, and, for the two
// signing actions, the signature: it must verify over the hash of exactly what the relay holds.
import * as Y from 'yjs';
import { termlyReviewReadiness } from './doc.ts';
import { readStatus } from '../../doc/status-doc.ts';
import type { TransitionRequest } from '../../protocol/api.ts';
import type { Role } from '../../protocol/roles.ts';
import { checkSignature } from '../../signatures/signature.ts';
import type { DecisionCheck } from '../definition.ts';
import { termlyReviewHash } from './signed-content.ts';
import type { ReportStatus } from '../../workflow/status.ts';
import { fail, ok } from '../../result.ts';
import {
  notForThisReport,
  signingActions,
  staleSignatureReason,
  TermlyReviewAction,
  termlyTransition,
} from './workflow.ts';

function docOf(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

/** Whether `request` may be recorded on a termly review that is `from`, given its two documents' snapshots. */
export async function checkTermlyDecision(
  from: ReportStatus,
  request: TransitionRequest,
  role: Role,
  snapshots: { content: Uint8Array; comments: Uint8Array; status: Uint8Array },
): Promise<DecisionCheck> {
  const action = TermlyReviewAction.safeParse(request.action);
  if (!action.success) return fail(notForThisReport.otherActionOnTermlyReview);
  const contentDoc = docOf(snapshots.content);
  const commentsDoc = docOf(snapshots.comments);
  const statusDoc = docOf(snapshots.status);
  try {
    const allowed = termlyTransition(
      from,
      action.data,
      role,
      termlyReviewReadiness(contentDoc, commentsDoc, readStatus(statusDoc).history),
    );
    if (!allowed.ok || !signingActions.includes(action.data)) return allowed;
    if (!request.signature) return fail(notForThisReport.signatureMissing);
    const check = await checkSignature(request.signature, await termlyReviewHash(contentDoc, commentsDoc));
    if (check === 'changed') return fail(staleSignatureReason);
    if (check === 'not-genuine') return fail(notForThisReport.signatureNotGenuine);
    return ok({ ...allowed.value, signature: request.signature });
  } finally {
    contentDoc.destroy();
    commentsDoc.destroy();
    statusDoc.destroy();
  }
}
