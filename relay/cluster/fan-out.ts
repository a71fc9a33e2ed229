// What one relay node tells the others sharing its store, and hears from them: the port the rooms, the live
// links and the statuses talk to. One process alone uses `alone` (nothing to tell); several nodes use Redis
// (redis-fan-out.ts). Everything sent is already saved in the store, so a message lost on the way loses no data:
// a node that missed some catches up from the store when `onCatchUp` fires (after the messages were cut off).
import type { ReportStatus } from '../../shared/workflow/status.ts';

/** What a node hears about one room from the others. */
export interface RoomListener {
  /** A document update another node has saved. */
  update(update: Uint8Array): void;
  /** An awareness (presence) update from another node's connections. */
  presence(update: Uint8Array): void;
}

export interface FanOut {
  /** "redis", or "none" for one process alone. */
  readonly engine: string;
  /** Hears a room's messages from the other nodes until the returned function is called. */
  follow(room: string, listener: RoomListener): () => void;
  /** Tells the other nodes of a document update this node has saved. */
  updateSaved(room: string, update: Uint8Array): void;
  presenceChanged(room: string, update: Uint8Array): void;
  /** Tells the other nodes a token was revoked, so they close its connections. */
  revoked(jti: string): void;
  statusChanged(reportId: string, status: ReportStatus): void;
  /** Tells the other nodes a member was removed, so they close the connections made with their tokens. */
  memberRemoved(memberId: string): void;
  /** Tells the other nodes, in one message, that reports were erased, so they close their rooms' connections for good. */
  reportsErased(reportIds: readonly string[]): void;
  /** Tells the other nodes a report was registered with link `jti` as its owner's own (live-links.ts, linkOwned). */
  linkOwned(jti: string, memberId: string): void;
  onRevoked(listener: (jti: string) => void): void;
  onStatusChanged(listener: (reportId: string, status: ReportStatus) => void): void;
  onMemberRemoved(listener: (memberId: string) => void): void;
  onReportsErased(listener: (reportIds: string[]) => void): void;
  onLinkOwned(listener: (jti: string, memberId: string) => void): void;
  /** Called when messages may have been missed (the connection to the others was cut and is back). */
  onCatchUp(listener: () => void): void;
  /** Whether messages get through now. */
  reachable(): Promise<boolean>;
  close(): Promise<void>;
}

/** One relay process on its own: no one to tell, nothing to hear. */
export function alone(): FanOut {
  return {
    engine: 'none',
    follow: () => () => undefined,
    updateSaved: () => undefined,
    presenceChanged: () => undefined,
    revoked: () => undefined,
    statusChanged: () => undefined,
    memberRemoved: () => undefined,
    reportsErased: () => undefined,
    linkOwned: () => undefined,
    onRevoked: () => undefined,
    onStatusChanged: () => undefined,
    onMemberRemoved: () => undefined,
    onReportsErased: () => undefined,
    onLinkOwned: () => undefined,
    onCatchUp: () => undefined,
    reachable: async () => true,
    close: async () => undefined,
  };
}

/** What a room tells the other nodes: its fan-out, bound to its name. */
export interface RoomCluster {
  updateSaved(update: Uint8Array): void;
  presenceChanged(update: Uint8Array): void;
}
