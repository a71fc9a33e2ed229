// This device's links to reports and the changes the relay could not take, in a small Dexie database of their
// own ('margin-access'), apart from the report index. A link's token is what opens the report on the relay;
// it never leaves this device except to that relay.
import Dexie, { type EntityTable } from 'dexie';
import type { Role } from '../../../shared/protocol/roles.ts';

export interface HeldLink {
  reportId: string;
  token: string;
  role: Role;
  jti: string;
  /** ISO 8601. */
  expiresAt: string;
  /**
   * 'claimed' when this device created the report and the relay gave it the creator's link; 'member' when the
   * relay made it for the signed-in member (an hour's token, asked for again before it expires).
   */
  source: 'claimed' | 'shared' | 'member';
  receivedAt: string;
  /** A member's token that reads and writes nothing (a coordinator's): no editing, deciding or sharing with it. */
  readOnly?: boolean;
  /** For a claimed report: the organisation this device registered it with, once it has. */
  organisationId?: string;
  /**
   * For a claimed report registered with an organisation: the member who registered it, its owner. The relay takes
   * what comes with this link as said by their account (docs/protocol.md, "Who says what"), so their comments carry
   * their account's name and member id, offline too.
   */
  owner?: { id: string; name: string };
  /**
   * For a claimed report: the member signed in on this browser when it was claimed, whose organisation it is
   * registered with at once. One claimed with nobody signed in (made before organisations, or before signing in)
   * is offered to be moved instead (organisation-reports.ts, `reportsToMove`).
   */
  claimedBy?: string;
  /** For a claimed report made before signing in: the organisation its author chose to keep it out of. */
  keptOutOf?: string;
}

/** Changes made on this device that the relay did not add to the report, kept so their author loses nothing. */
export interface KeptChange {
  id?: number;
  reportId: string;
  keptAt: string;
  /** Why the relay did not add them, as it said. */
  reason: string;
  /** The fields they touched, as this device had them. */
  fields: Array<{ label: string; text: string }>;
  /** The changes themselves, as a Yjs update on top of the relay's copy. */
  update: Uint8Array;
}

export class AccessDatabase extends Dexie {
  links!: EntityTable<HeldLink, 'reportId'>;
  keptChanges!: EntityTable<KeptChange, 'id'>;

  constructor() {
    super('margin-access');
    this.version(1).stores({
      links: 'reportId',
      keptChanges: '++id, reportId',
    });
  }
}

export const accessDb = new AccessDatabase();
