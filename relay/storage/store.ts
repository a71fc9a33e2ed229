// Where the relay keeps every room's document (a list of Yjs updates per room, oldest first) and who may open
// which report (claims, links made, revocations). Every method is async so a networked database (PostgreSQL,
// past one machine) fits the same interface; docs/protocol.md says how.
import type { Role } from '../../shared/protocol/roles.ts';

/** A share link the relay made: what it opens, never the token itself. */
export interface LinkRecord {
  jti: string;
  reportId: string;
  role: Role;
  /** ISO 8601. */
  createdAt: string;
  expiresAt: string;
  /** Set once the link has been revoked. */
  revokedAt?: string;
}

export interface DocumentStore {
  /** A room's saved updates, oldest first; none for a room never written to. */
  load(room: string): Promise<Uint8Array[]>;
  /** Saves an update after the room's earlier ones. Resolves once it is durable, with how many updates the room now keeps. */
  append(room: string, update: Uint8Array): Promise<number>;
  /** Replaces a room's updates with one merged snapshot, so it loads faster and takes less space. */
  compact(room: string): Promise<void>;
  /** Marks a report id as taken by its creator; false when it was claimed before. Durable when it resolves. */
  claim(reportId: string, at: string): Promise<boolean>;
  /** Records a link made for a report. Durable when it resolves. */
  addLink(link: LinkRecord): Promise<void>;
  /** The links made for a report, oldest first, with revokedAt on those revoked. */
  links(reportId: string): Promise<LinkRecord[]>;
  /** Revokes a token by its id, for good; false when it was revoked already. Durable when it resolves. */
  revoke(jti: string, reportId: string, at: string): Promise<boolean>;
  isRevoked(jti: string): Promise<boolean>;
  /** Bytes the store takes, for /metrics. */
  size(): Promise<number>;
  /** Releases the store; nothing may be called after it. */
  close(): Promise<void>;
}
