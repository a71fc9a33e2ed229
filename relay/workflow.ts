// Workflow authority: submit, approve, reject and resubmit are checked here against the token's role and the
// report's current status (shared/workflow/status.ts), and the relay alone writes the decision into the
// `<id>/status` room, with who, when, and a SHA-256 of the content at that moment. One decision per report at
// a time; the new status takes effect (locking or unlocking the content) in the same turn the hash is taken,
// so no content update can slip in between the two.
import { createHash } from 'node:crypto';
import { recordDecision, type Decision } from '../shared/doc/status-doc.ts';
import type { TransitionRequest } from '../shared/protocol/api.ts';
import { parseRoomName, roomName, type Room as ReportRoom } from '../shared/protocol/rooms.ts';
import type { TokenClaims } from '../shared/protocol/tokens.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import { transition, WorkflowAction, type ReportStatus } from '../shared/workflow/status.ts';
import { notForThisReport } from '../shared/workflow/termly-review.ts';
import type { Log } from './log.ts';
import type { Room } from './room.ts';
import type { Rooms } from './rooms.ts';
import type { ReportStatuses } from './statuses.ts';
import { checkTermlyDecision, isTermlyReview, type TermlyCheck } from './termly-review-decisions.ts';

/** A refused decision's problem is a conflict with the report's status or content (HTTP 409). */
export type WorkflowOutcome = Result<{ status: ReportStatus; decision: Decision }>;

export class Workflow {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly rooms: Rooms,
    private readonly statuses: ReportStatuses,
    private readonly log: Log,
  ) {}

  /** Takes a decision on a report for the holder of `access`, one at a time per report. */
  decide(
    reportId: string,
    access: TokenClaims,
    request: TransitionRequest,
    now = new Date(),
  ): Promise<WorkflowOutcome> {
    const previous = this.queues.get(reportId) ?? Promise.resolve();
    const next = previous.then(() => this.decideNow(reportId, access, request, now));
    const settled = next.catch(() => undefined);
    this.queues.set(reportId, settled);
    void settled.then(() => this.queues.get(reportId) === settled && this.queues.delete(reportId));
    return next;
  }

  private async decideNow(
    reportId: string,
    access: TokenClaims,
    request: TransitionRequest,
    now: Date,
  ): Promise<WorkflowOutcome> {
    const from = await this.statuses.load(reportId);
    const content = await this.rooms.hold(room(reportId, 'content'));
    let statusRoom: Awaited<ReturnType<Rooms['hold']>> | undefined;
    let comments: Awaited<ReturnType<Rooms['hold']>> | undefined;
    try {
      // Termly progress reviews have their own status machine, which also reads the comments (the teacher's part).
      const termly = isTermlyReview(content.room.snapshot());
      if (!termly) {
        const allowed = genericTransition(from, request, access.role);
        if (!allowed.ok) return allowed;
      }
      statusRoom = await this.rooms.hold(room(reportId, 'status'));
      if (termly) comments = await this.rooms.hold(room(reportId, 'comments'));
      const current = this.statuses.current(reportId);
      const still: TermlyCheck = comments
        ? await this.checkTermly(current, request, access.role, {
            content: content.room,
            comments: comments.room,
            status: statusRoom.room,
          })
        : genericTransition(current, request, access.role);
      if (!still.ok) return still;
      const decision: Decision = {
        action: request.action,
        from: current,
        to: still.value.to,
        by: { name: request.name.trim(), role: access.role },
        at: now.toISOString(),
        ...(request.action === 'reject' ? { reason: request.reason!.trim() } : {}),
        ...(request.action === 'reject' && request.comments?.length
          ? { comments: [...new Set(request.comments)] }
          : {}),
        contentHash: createHash('sha256').update(content.room.snapshot()).digest('hex'),
        ...(still.value.signature ? { signature: still.value.signature } : {}),
      };
      // From here on the content is locked (or unlocked): the hash above is of what the decision is about.
      this.statuses.set(reportId, decision.to);
      try {
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
        },
        'recorded a decision',
      );
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
  private async checkTermly(
    from: ReportStatus,
    request: TransitionRequest,
    role: TokenClaims['role'],
    rooms: { content: Room; comments: Room; status: Room },
  ): Promise<TermlyCheck> {
    const { content, comments, status } = rooms;
    const before = { content: content.snapshot(), comments: comments.snapshot(), status: status.snapshot() };
    const check = await checkTermlyDecision(from, request, role, before);
    const changed =
      !Buffer.from(before.content).equals(content.snapshot()) ||
      !Buffer.from(before.comments).equals(comments.snapshot());
    return check.ok && changed ? fail(notForThisReport.changedWhileSigning) : check;
  }
}

/** Submit, approve, reject and resubmit, for every report but a termly progress review. */
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
