// The `<id>/status` document: the report's workflow status and its history of decisions.
// Written by the relay alone; read by everyone who may read the report.
import type * as Y from 'yjs';
import type { Role } from '../protocol/roles.ts';
import type { ReportSignature } from '../signatures/signature.ts';
import { ReportStatus, type TermlyReviewAction, type WorkflowAction } from '../protocol/statuses.ts';

export interface Decision {
  action: WorkflowAction | TermlyReviewAction;
  from: ReportStatus;
  to: ReportStatus;
  /**
   * Who decided: the name given with the link's role, or for a signed-in member's token, their account's name and
   * their member id (`memberId`), stamped by the relay.
   */
  by: { name: string; role: Role; memberId?: string };
  /** ISO 8601 time the relay recorded it. */
  at: string;
  /** Why a report was rejected. */
  reason?: string;
  /** The comment threads (ids in the `<id>/comments` document) a rejection points at. */
  comments?: string[];
  /** SHA-256 (hex) of the report content's Yjs state at that moment. */
  contentHash: string;
  /** A termly review's signature by the decider (by and at say who and when), checked by the relay before it was recorded. */
  signature?: ReportSignature;
}

export interface StatusView {
  status: ReportStatus;
  history: Decision[];
  /** The decision that rejected the report, while it is rejected. */
  rejection?: Decision;
}

export const history = (doc: Y.Doc) => doc.getArray<Decision>('history');

export function readStatus(doc: Y.Doc): StatusView {
  const decisions = history(doc).toArray();
  const last = decisions.at(-1);
  const status = ReportStatus.safeParse(last?.to).data ?? 'draft';
  return { status, history: decisions, rejection: status === 'rejected' ? last : undefined };
}

/** Record a decision (the relay's job): appended in one transaction. */
export function recordDecision(doc: Y.Doc, decision: Decision): void {
  history(doc).push([decision]);
}
