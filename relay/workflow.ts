// Workflow authority: submit, approve, reject and resubmit are checked here against the token's role and the
// report's current status (shared/workflow/status.ts), and the relay alone writes the decision into the
// `<id>/status` room, with who, when, and a SHA-256 of the content at that moment. One decision per report at
// a time, across every relay node sharing the store (Storage.exclusively: a row lock on PostgreSQL); the new
// status takes effect (locking or unlocking the content) in the same turn the hash is taken,
// so no content update can slip in between the two. The content's bytes the hash was taken from are kept in the store
// under the decision's number (its place in the history, from 1), before the decision is recorded, for History.
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { history, recordDecision, type Decision } from '../shared/doc/status-doc.ts';
import type { TransitionRequest } from '../shared/protocol/api.ts';
import { parseRoomName, roomName, type Room as ReportRoom } from '../shared/protocol/rooms.ts';
import type { TokenClaims } from '../shared/protocol/tokens.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import { transition, WorkflowAction, type ReportStatus } from '../shared/workflow/status.ts';
import { notForThisReport } from '../shared/reports/termly-review/workflow.ts';
import type { DecisionCheck, OwnDecisions } from '../shared/reports/definition.ts';
import { reportDefinitionOf } from '../shared/reports/registry.ts';
import type { Holder } from './auth.ts';
import type { Log } from './log.ts';
import type { Room } from './room.ts';
import type { Rooms } from './rooms.ts';
import type { ReportStatuses } from './statuses.ts';
import { oneAtATime } from './storage/one-at-a-time.ts';
import type { ReportDirectory } from './directory/report-directory.ts';
import type { Storage } from './storage/store.ts';

/** A refused decision's problem is a conflict with the report's status or content (HTTP 409). */
export type WorkflowOutcome = Result<{ status: ReportStatus; decision: Decision }>;

export class Workflow {
  /** Decisions on one report wait here in turn, so each holds the store's lock (a database connection) in turn. */
  private readonly queue = oneAtATime();

  constructor(
    private readonly rooms: Rooms,
    private readonly statuses: ReportStatuses,
    private readonly store: Storage,
    private readonly log: Log,
    /** Told of each decision once recorded (the members' notifications); it must return at once. */
    private readonly onDecision?: (reportId: string, decision: Decision) => void,
    /** Brought up to date with each decision before its answer goes (the report directory's row). */
    private readonly directory?: Pick<ReportDirectory, 'decided'>,
  ) {}

  /** Takes a decision on a report for the holder of `access`, one at a time per report. */
  decide(reportId: string, access: Holder, request: TransitionRequest, now = new Date()): Promise<WorkflowOutcome> {
    return this.queue(reportId, () =>
      this.store.exclusively(reportId, () => this.decideNow(reportId, access, request, now)),
    );
  }

  private async decideNow(
    reportId: string,
    access: Holder,
    request: TransitionRequest,
    now: Date,
  ): Promise<WorkflowOutcome> {
    // Another node may have taken a decision, or saved content, that this node has not heard of yet.
    const from = await this.statuses.reload(reportId);
    const content = await this.rooms.hold(room(reportId, 'content'));
    await content.room.catchUp();
    let statusRoom: Awaited<ReturnType<Rooms['hold']>> | undefined;
    let comments: Awaited<ReturnType<Rooms['hold']>> | undefined;
    try {
      // A kind with its own status machine (the termly progress review) also reads the comments (the teacher's part).
      const own = ownDecisions(content.room.snapshot());
      if (!own) {
        const allowed = genericTransition(from, request, access.role);
        if (!allowed.ok) return allowed;
      }
      statusRoom = await this.rooms.hold(room(reportId, 'status'));
      await statusRoom.room.catchUp();
      if (own) {
        comments = await this.rooms.hold(room(reportId, 'comments'));
        await comments.room.catchUp();
      }
      const current = this.statuses.current(reportId);
      const still: DecisionCheck =
        own && comments
          ? await this.checkOwn(own, current, request, access.role, {
              content: content.room,
              comments: comments.room,
              status: statusRoom.room,
            })
          : genericTransition(current, request, access.role);
      if (!still.ok) return still;
      const kept = content.room.snapshot();
      const version = decisionsIn(statusRoom.room.snapshot()) + 1;
      const decision: Decision = {
        action: request.action,
        from: current,
        to: still.value.to,
        by: decidedBy(access, request),
        at: now.toISOString(),
        ...(request.action === 'reject' ? { reason: request.reason!.trim() } : {}),
        ...(request.action === 'reject' && request.comments?.length
          ? { comments: [...new Set(request.comments)] }
          : {}),
        contentHash: createHash('sha256').update(kept).digest('hex'),
        ...(still.value.signature ? { signature: still.value.signature } : {}),
      };
      // From here on the content is locked (or unlocked): the hash above is of what the decision is about.
      this.statuses.set(reportId, decision.to);
      try {
        await this.store.keepVersion(reportId, version, kept);
        await statusRoom.room.writeAsRelay((doc) => recordDecision(doc, decision));
      } catch (error) {
        this.statuses.set(reportId, current);
        throw error;
      }
      this.log.info(
        {
          report: reportId,
          action: decision.action,
          from: decision.from,
          to: decision.to,
          role: access.role,
          jti: access.jti,
          ...(access.member ? { member: access.member } : {}),
        },
        'recorded a decision',
      );
      this.onDecision?.(reportId, decision);
      await this.directory?.decided(reportId, decision);
      return ok({ status: decision.to, decision });
    } finally {
      comments?.release();
      statusRoom?.release();
      content.release();
    }
  }

  /**
   * Checking a signature takes a while (WebCrypto is asynchronous): the review is checked on snapshots, and the
   * decision is recorded only if neither document changed meanwhile, so the signature is over what is recorded.
   */
  private async checkOwn(
    decisions: OwnDecisions,
    from: ReportStatus,
    request: TransitionRequest,
    role: TokenClaims['role'],
    rooms: { content: Room; comments: Room; status: Room },
  ): Promise<DecisionCheck> {
    const { content, comments, status } = rooms;
    const before = { content: content.snapshot(), comments: comments.snapshot(), status: status.snapshot() };
    const check = await decisions.check(from, request, role, before);
    const changed =
      !Buffer.from(before.content).equals(content.snapshot()) ||
      !Buffer.from(before.comments).equals(comments.snapshot());
    return check.ok && changed ? fail(decisions.changedWhileChecking) : check;
  }
}

/**
 * Who a decision is by: for a member's token, the account's name and the member's id, whatever name the request
 * gives; for a link, which has no account, the name its maker gave it, else the name its holder gives, in the link's
 * role.
 */
function decidedBy(access: Holder, request: TransitionRequest): Decision['by'] {
  if (access.account) return { name: access.account.name, role: access.role, memberId: access.account.id };
  return { name: access.name ?? request.name.trim(), role: access.role };
}

/** How many decisions a status room's snapshot holds. */
function decisionsIn(status: Uint8Array): number {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, status);
    return history(doc).length;
  } finally {
    doc.destroy();
  }
}

/** The status machine of the kind of report in a content snapshot, when it has its own. */
function ownDecisions(content: Uint8Array): OwnDecisions | undefined {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, content);
    return reportDefinitionOf(doc)?.workflow.decisions;
  } finally {
    doc.destroy();
  }
}

/** Submit, approve, reject and resubmit, for every kind without its own status machine. */
function genericTransition(
  from: ReportStatus,
  request: TransitionRequest,
  role: TokenClaims['role'],
): ReturnType<typeof transition> {
  const action = WorkflowAction.safeParse(request.action);
  if (!action.success) return fail(notForThisReport.termlyActionOnOtherReport);
  return transition(from, action.data, role, request.reason);
}

function room(reportId: string, kind: 'content' | 'comments' | 'status'): ReportRoom {
  const parsed = parseRoomName(roomName(reportId, kind));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
}
