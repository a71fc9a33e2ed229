// Where the relay keeps what it must not lose, one interface per concern: documents (each room's Yjs updates,
// oldest first) apart from access (report claims, links made, revocations) and organisations (organisations.ts). A backend (memory, SQLite,
// PostgreSQL) gives both over one connection as a `Storage`, and passes each concern's contract suite
// (contract.ts). Every method is async and resolves only once what it wrote is durable.
import type { Role } from '../../shared/protocol/roles.ts';
import type { DirectoryStore } from './directory.ts';
import type { ErasureStore } from './erasure.ts';
import type { NotificationStore } from './notifications.ts';
import type { OrganisationStore } from './organisations.ts';

/** A share link the relay made: what it opens, never the token itself. */
export interface LinkRecord {
  jti: string;
  reportId: string;
  role: Role;
  /** ISO 8601. */
  createdAt: string;
  expiresAt: string;
  /** The id of the link it was made with (withdrawing that one withdraws this); absent for a report's first link. */
  madeBy?: string;
  /** The person it was made for, as its maker named them: what the relay stamps on everything said with it. */
  name?: string;
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
}

export interface AccessStore {
  /**
   * Marks a report id as taken by its creator; false when it was claimed before, unless by the same `claimant`
   * (a digest of the creating device's claim key: its first answer may have been lost on the way back).
   */
  claim(reportId: string, at: string, claimant?: string): Promise<boolean>;
  /** Records a link made for a report. */
  addLink(link: LinkRecord): Promise<void>;
  /** The links made for a report, oldest first, with revokedAt on those revoked. */
  links(reportId: string): Promise<LinkRecord[]>;
  /** Revokes a token by its id, for good; false when it was revoked already. */
  revoke(jti: string, reportId: string, at: string): Promise<boolean>;
  isRevoked(jti: string): Promise<boolean>;
}

/**
 * The report as each workflow decision found it: the exact bytes of the content state its `contentHash` was taken
 * from, kept by the decision's number (its place in the status room's `history`, from 1), so History can show the
 * report at any decision without keeping every deleted item (a Yjs snapshot would need garbage collection off).
 */
export interface VersionStore {
  /** Keeps the content as decision `version` found it; a version kept before under that number is replaced. */
  keepVersion(reportId: string, version: number, content: Uint8Array): Promise<void>;
  /** The content as decision `version` found it, or undefined when none is kept (a decision older than this store). */
  version(reportId: string, version: number): Promise<Uint8Array | undefined>;
}

/** What a backend gives the relay: every concern, and what the whole store needs. */
export interface Storage
  extends DocumentStore,
    AccessStore,
    VersionStore,
    OrganisationStore,
    NotificationStore,
    DirectoryStore,
    ErasureStore {
  /** Which engine, for logs and /healthz: "memory", "sqlite" or "postgres". */
  readonly engine: string;
  /**
   * Runs `decide` while no other relay process sharing this store runs one for the same report, so workflow
   * decisions are taken one at a time per report across every node.
   */
  exclusively<T>(reportId: string, decide: () => Promise<T>): Promise<T>;
  /** Whether the engine answers now (a networked one can be unreachable while the relay runs). */
  reachable(): Promise<boolean>;
  /** Bytes the store takes, for /metrics. */
  size(): Promise<number>;
  /** Releases the store; nothing may be called after it. */
  close(): Promise<void>;
}
