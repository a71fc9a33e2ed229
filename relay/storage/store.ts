// Where the relay keeps every room's document: a list of Yjs updates per room, oldest first.
// Every method is async so a networked database (PostgreSQL, past one machine) fits the same interface.

export interface DocumentStore {
  /** A room's saved updates, oldest first; none for a room never written to. */
  load(room: string): Promise<Uint8Array[]>;
  /** Saves an update after the room's earlier ones. Resolves once it is durable, with how many updates the room now keeps. */
  append(room: string, update: Uint8Array): Promise<number>;
  /** Replaces a room's updates with one merged snapshot, so it loads faster and takes less space. */
  compact(room: string): Promise<void>;
  /** Releases the store; nothing may be called after it. */
  close(): Promise<void>;
}
