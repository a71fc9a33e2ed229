// Who may do what in each of a report's rooms, given their role and the report's status. The relay enforces
// this on every connection; the app uses the same rules to hide what a role may not do.
import { contentLocked, type ReportStatus } from './statuses.ts';
import { closeCodes } from './limits.ts';
import { powers, type Role } from './roles.ts';
import type { RoomKind } from './rooms.ts';
import { fail, ok, type Result } from '../result.ts';

export interface RoomGrant {
  /** May send document updates to this room (in the content room, only while the report is not locked). */
  write: boolean;
  /** Receives the whole document and others' presence; otherwise a copy without internal fields, and no presence. */
  seesInternal: boolean;
}

/** Why a room is closed to someone: the websocket close code and the reason a person reads. */
export interface RoomRefusal {
  code: number;
  reason: string;
}

export type RoomAccess = Result<RoomGrant, RoomRefusal>;

export function roomAccess(role: Role, kind: RoomKind, status: ReportStatus): RoomAccess {
  const can = powers[role];
  // The status room holds no internal fields: everyone who may read it follows it live (a teacher waits on a termly review's status).
  if (kind === 'status') return ok({ write: false, seesInternal: true });
  if (kind === 'comments') {
    if (can.readContent === 'approved') {
      return fail({
        code: closeCodes.notAllowed,
        reason: 'A client link opens the approved report, not the comments on it.',
      });
    }
    // Comments hold no internal fields either: whoever may open them follows them live (a teacher writes a termly review's comments there).
    return ok({ write: can.writeComments, seesInternal: true });
  }
  if (can.readContent === 'approved' && status !== 'approved') {
    return fail({
      code: closeCodes.notReadableNow,
      reason: 'This report has not been approved yet. The link opens it once it is.',
    });
  }
  // Those who may not see internal fields get a copy made without them, which is only sound while the content
  // cannot change: until a later issue says otherwise, they read a report once it is submitted.
  if (!can.seesInternal && !contentLocked(status)) {
    return fail({ code: closeCodes.notReadableNow, reason: 'This report opens for you once it has been submitted.' });
  }
  return ok({ write: can.writeContent, seesInternal: can.seesInternal });
}

/** Whether a person with this role may change the content now. */
export function mayEditContent(role: Role, status: ReportStatus): boolean {
  return powers[role].writeContent && !contentLocked(status);
}

/** What a token opens in a room: its role's access, without writing when the token is read-only (a coordinator's). */
export function tokenRoomAccess(
  claims: { role: Role; readOnly?: boolean },
  kind: RoomKind,
  status: ReportStatus,
): RoomAccess {
  const access = roomAccess(claims.role, kind, status);
  return access.ok && claims.readOnly ? ok({ ...access.value, write: false }) : access;
}
