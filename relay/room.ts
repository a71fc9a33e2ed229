// One report room: its document, the people connected to it, and the order things happen in.
// An update is applied to the document, saved (merged with the others that arrived in the same event-loop turn),
// and only then sent on. Anything sent from the document (a reply to a sync request) waits for the save of the
// updates it contains, so no one ever sees an edit the relay could still lose. The room loads on the first
// join and unloads, once saved, after the last person leaves and nothing holds it open.
//
// Who may do what comes from shared/protocol/room-access.ts: read-only roles get answers to their sync requests
// but their updates and presence are dropped; while the report is locked no one's content updates are applied (nor,
// once the teacher has signed a termly review, updates to its comments, where the teacher's part is);
// a refused update that would have changed something is answered with a "changes not added" message; those who
// may not see internal fields are sent a copy of the document without them, and no one's presence.
//
// Other relay nodes may hold the same room (relay/cluster/): each saved update and each presence change is told
// to them through `cluster`, and what they tell (updates they saved already) is applied and sent on unsaved.
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { changeRefusals, closeCodes, reconnectCodes, refusalReasons } from '../shared/protocol/limits.ts';
import { tokenRoomAccess, type RoomAccess, type RoomGrant } from '../shared/protocol/room-access.ts';
import type { Room as ReportRoom, RoomKind } from '../shared/protocol/rooms.ts';
import { contentLocked, statusLabels, type ReportStatus } from '../shared/workflow/status.ts';
import { teacherPartLocked } from '../shared/reports/termly-review/workflow.ts';
import { dependsOnMissing, encodeIntegrated, withoutInternalFields, wouldChange } from './document-copies.ts';
import type { RoomCluster } from './cluster/fan-out.ts';
import { CommentsCheck, type WrittenComment } from './comments-check.ts';
import type { Log } from './log.ts';
import {
  MalformedMessage,
  awarenessMessage,
  readClientMessage,
  syncStep1Message,
  syncStep2Message,
  syncUpdateMessage,
  type ClientMessage,
} from './messages.ts';
import type { Metrics } from './metrics.ts';
import { errorWording, Peer } from './peer.ts';
import { presenceClients, stampPresence } from './presence.ts';
import type { DocumentStore } from './storage/store.ts';

export interface RoomOptions {
  store: DocumentStore;
  /**
   * Compact the room's saved updates into one snapshot once it keeps more than this many and has had no change for
   * `compactWhenQuietMs` (or, written without a pause, once it keeps eight times as many).
   */
  compactAfter: number;
  /** How long a room must go without a change before it is compacted (default 1 s). */
  compactWhenQuietMs?: number;
  /** The report's status as the relay knows it; loaded before anyone joins. */
  status(): ReportStatus;
  /** Told of the comments a person's change adds to a comments room, once the room has taken it. */
  commentsWritten?(comments: WrittenComment[]): void;
  /** Told each time a content room has saved changes, with its document (the report directory reads it). */
  contentSaved?(doc: Y.Doc): void;
  /** Called once the room has unloaded, after its last save. */
  onUnload(room: Room): void;
  /** The other relay nodes holding this room; none for one relay process alone. */
  cluster?: RoomCluster;
  /** The most the room may keep, in bytes; past it, whoever sends more is closed. None for rooms only the relay writes. */
  quotaBytes?: number;
  log: Log;
  metrics: Metrics;
}

type Granted = RoomGrant;

/** Refused changes to the comments' shape one connection may send before it is closed. */
const maxRefusedShapes = 5;

/** A room written without a pause is compacted anyway once it keeps this many times `compactAfter`. */
const compactAnywayFactor = 8;

const couldNotSave = 'The relay could not save this report; your changes are still on your device';
/** The origin of changes the relay makes itself (workflow decisions). */
const relayOrigin = Symbol('relay');
/** The origin of changes another relay node made and saved. */
const clusterOrigin = Symbol('cluster');

interface UnsavedUpdate {
  update: Uint8Array;
  origin: unknown;
}

export class Room {
  readonly name: string;
  readonly kind: RoomKind;
  /** Settles once loading has finished: true when the room is open, false when it could not load. */
  readonly loaded: Promise<boolean>;
  private readonly doc = new Y.Doc();
  private readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly peers = new Map<Peer, Granted>();
  private state: 'loading' | 'open' | 'stopping' | 'unloaded' = 'loading';
  private failed = false;
  private holds = 0;
  private settleLoaded!: (open: boolean) => void;
  private arrivedWhileLoading: Array<{ peer: Peer; bytes: Uint8Array }> = [];
  private fromClusterWhileLoading: Uint8Array[] = [];
  private unsaved: UnsavedUpdate[] = [];
  private sendsAfterSave: Array<() => void> = [];
  private saveScheduled = false;
  private saving: Promise<void> = Promise.resolve();
  /** Counts changes to the document, so the copy without internal fields is made again only after one. */
  private version = 0;
  private copyWithoutInternal?: { version: number; update: Uint8Array };
  /** Bytes the store keeps for the room (its updates as saved, or its snapshot once compacted), and those still unsaved. */
  private storedBytes = 0;
  private unsavedBytes = 0;
  /** How many updates the store keeps for the room, as loading or the last save said; and the wait to compact them. */
  private kept = 0;
  private compactTimer?: NodeJS.Timeout;
  /** For the comments room: what a change must read as (comments-check.ts). */
  private commentsCheck?: CommentsCheck;
  /**
   * Changes refused by that check, per token: past a few, the connection is closed for good (each refusal leaves
   * the device's later changes building on it, so it would otherwise reconnect and send it again, and again).
   */
  private readonly refusedShapes = new Map<string, number>();

  constructor(
    room: ReportRoom,
    private readonly options: RoomOptions,
  ) {
    this.name = room.name;
    this.kind = room.kind;
    this.loaded = new Promise((resolve) => (this.settleLoaded = resolve));
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.shareAwareness);
  }

  get connections(): number {
    return this.peers.size;
  }

  async load(): Promise<void> {
    try {
      const updates = await this.options.store.load(this.name);
      if (this.state !== 'loading') return this.settleLoaded(false);
      this.storedBytes = updates.reduce((total, update) => total + update.byteLength, 0);
      this.kept = updates.length;
      Y.transact(this.doc, () => updates.forEach((update) => Y.applyUpdate(this.doc, update)));
    } catch (error) {
      this.fail(
        `could not load the saved document: ${describe(error)}`,
        'The relay could not open this report; it will try again',
      );
      return this.settleLoaded(false);
    }
    if (this.kind === 'comments') this.commentsCheck = new CommentsCheck(this.doc);
    this.doc.on('update', this.keepUnsaved);
    this.state = 'open';
    this.settleLoaded(true);
    this.peers.forEach((_, peer) => this.greet(peer));
    const arrived = this.arrivedWhileLoading;
    this.arrivedWhileLoading = [];
    arrived.forEach(({ peer, bytes }) => this.receive(peer, bytes));
    this.fromClusterWhileLoading.splice(0).forEach((update) => this.updateFromCluster(update));
    if (this.kept > this.options.compactAfter) this.compactWhenQuiet();
    this.unloadIfUnused();
  }

  /** An update another node has saved: applied and sent on to this node's connections, not saved again. */
  updateFromCluster(update: Uint8Array): void {
    if (this.state === 'loading') this.fromClusterWhileLoading.push(update);
    if (this.state !== 'open') return;
    this.storedBytes += update.byteLength;
    try {
      Y.applyUpdate(this.doc, update, clusterOrigin);
    } catch (error) {
      this.options.log.error(
        { room: this.name, problem: describe(error) },
        'could not apply an update from another node',
      );
    }
  }

  presenceFromCluster(update: Uint8Array): void {
    if (this.state === 'open') awarenessProtocol.applyAwarenessUpdate(this.awareness, update, clusterOrigin);
  }

  /** Reads the room again from the store, for updates other nodes saved while their messages could not arrive. */
  async catchUp(): Promise<void> {
    if (this.state !== 'open') return;
    const updates = await this.options.store.load(this.name);
    if (this.state !== 'open') return;
    Y.transact(this.doc, () => updates.forEach((update) => Y.applyUpdate(this.doc, update)), clusterOrigin);
  }

  /** Adds a person whose token has been checked; refuses them (closing the connection) if their role may not be here now. */
  join(peer: Peer): boolean {
    const access = this.accessOf(peer);
    if (!access.ok) {
      peer.close(access.problem.code, access.problem.reason);
      return false;
    }
    this.peers.set(peer, access.value);
    if (this.state === 'open') this.greet(peer);
    return true;
  }

  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessClients], null);
    this.unloadIfUnused();
  }

  /** Keeps the room loaded without anyone in it (while the relay itself reads or writes it). */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      this.unloadIfUnused();
    };
  }

  receive(peer: Peer, bytes: Uint8Array): void {
    if (this.state === 'loading') this.arrivedWhileLoading.push({ peer, bytes });
    if (this.state !== 'open' || peer.ended) return;
    try {
      this.handle(peer, readClientMessage(bytes));
    } catch (error) {
      peer.refuseMalformed(error instanceof MalformedMessage ? error.problem : errorWording(error));
    }
  }

  /** The report's status changed: everyone's access is worked out again, and those who may no longer be here are closed. */
  statusChanged(status: ReportStatus): void {
    for (const peer of [...this.peers.keys()]) {
      const access = tokenRoomAccess(peer.access!, this.kind, status);
      if (access.ok) this.peers.set(peer, access.value);
      else {
        peer.close(access.problem.code, access.problem.reason);
        this.leave(peer);
      }
    }
  }

  /** The whole document as one update, as it is in memory now (including changes still being saved), integrated content alone. */
  snapshot(): Uint8Array {
    return encodeIntegrated(this.doc);
  }

  /** Changes the document as the relay (not a person); resolves once the change is saved and sent on. */
  async writeAsRelay(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.state !== 'open') throw new Error(`room ${this.name} is not open`);
    this.doc.transact(() => change(this.doc), relayOrigin);
    this.saveUnsaved();
    await this.saving;
    if (this.failed) throw new Error(`room ${this.name} could not save`);
  }

  /** Ends every connection (they reconnect once the relay is back), saves what is pending, and unloads. */
  async stop(): Promise<void> {
    if (this.state === 'unloaded') return;
    this.state = 'stopping';
    this.closeAll(reconnectCodes.relayRestarting, refusalReasons.relayRestarting);
    this.saveUnsaved();
    await this.saving;
    if (this.kept > this.options.compactAfter) await this.compact();
    this.unload();
  }

  /**
   * Ends every connection for good (a code y-websocket does not reconnect after), lets saves already under way
   * finish, and unloads without saving more: what follows is the report's erasure from the store.
   */
  async closeForGood(code: number, reason: string): Promise<void> {
    if (this.state === 'unloaded') return;
    this.state = 'stopping';
    this.closeAll(code, reason);
    this.unsaved = [];
    await this.saving;
    this.unload();
  }

  private accessOf(peer: Peer): RoomAccess {
    if (!peer.access) throw new Error('a connection joined a room before its token was checked');
    return tokenRoomAccess(peer.access, this.kind, this.options.status());
  }

  private greet(peer: Peer): void {
    const access = this.peers.get(peer)!;
    if (access.write) peer.send(syncStep1Message(Y.encodeStateVector(this.doc)));
    const clients = [...this.awareness.getStates().keys()];
    if (access.seesInternal && clients.length > 0)
      peer.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
  }

  private handle(peer: Peer, message: ClientMessage): void {
    const access = this.peers.get(peer);
    if (!access) return;
    switch (message.type) {
      case 'sync-step1': {
        const state = access.seesInternal ? undefined : this.withoutInternal();
        const reply = syncStep2Message(
          state ? Y.diffUpdate(state, message.stateVector) : encodeIntegrated(this.doc, message.stateVector),
        );
        this.afterSave(() => peer.send(reply));
        return;
      }
      case 'sync-update': {
        const refusal = this.refusalFor(access);
        if (refusal) return this.refuseChange(peer, message.update, refusal);
        if (this.pastQuota(message.update.byteLength)) {
          this.options.metrics.changesRefused++;
          return peer.close(closeCodes.reportFull, reportFullReason(this.kind, this.options.quotaBytes!));
        }
        try {
          if (dependsOnMissing(this.doc, message.update)) {
            this.options.metrics.changesRefused++;
            return peer.close(reconnectCodes.missingDependencies, changeRefusals.missingDependencies);
          }
          const speaker = peer.access && { ...peer.access, contentLocked: contentLocked(this.options.status()) };
          const shape = this.commentsCheck?.check(message.update, speaker);
          if (shape && !shape.ok) return this.refuseShape(peer, message.update, shape.problem);
          Y.applyUpdate(this.doc, message.update, peer);
          if (shape?.value.length) this.options.commentsWritten?.(shape.value);
        } catch (error) {
          peer.refuseMalformed(`a document update Yjs could not apply (${errorWording(error)})`);
        }
        return;
      }
      case 'awareness':
        // A read-only person's presence is not shared, but echoed to them: y-websocket counts 30 s of silence as a dead connection.
        if (!access.write) return peer.send(awarenessMessage(message.update));
        try {
          const foreign = presenceClients(message.update).filter((client) => this.presenceOf(client, peer));
          if (foreign.length > 0) {
            // Someone else's presence entry: never changed or removed by another connection. Dropped, and logged.
            this.options.log.warn(
              { room: this.name, jti: peer.access?.jti, clients: foreign.length },
              'dropped a presence change for another connection’s entry',
            );
            return;
          }
          // Who is here is who the relay vouches for: the token's role, a member's account name (presence.ts).
          const stamped = peer.access ? stampPresence(message.update, peer.access) : message.update;
          awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped, peer);
        } catch (error) {
          peer.refuseMalformed(`a presence message y-protocols could not read (${errorWording(error)})`);
        }
        return;
      case 'query-awareness': {
        const clients = access.seesInternal ? [...this.awareness.getStates().keys()] : [];
        peer.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
        return;
      }
    }
  }

  /**
   * Whether `bytes` more would take the room past its quota. What the store keeps counts every update as it came,
   * so before refusing, the document's real size is measured (and, when that is well under, the room compacted).
   */
  private pastQuota(bytes: number): boolean {
    const quota = this.options.quotaBytes;
    if (quota === undefined || this.storedBytes + this.unsavedBytes + bytes <= quota) return false;
    const size = encodeIntegrated(this.doc).byteLength;
    if (size + bytes > quota) return true;
    this.storedBytes = size;
    this.unsavedBytes = 0;
    void this.saving.then(() => this.compact());
    return false;
  }

  /** Why a person's update may not be applied now, or undefined when it may. */
  private refusalFor(access: Granted): string | undefined {
    if (!access.write) return changeRefusals.readOnly;
    const status = this.options.status();
    if (this.kind === 'content' && contentLocked(status)) return changeRefusals.locked(statusLabels[status]);
    if (this.kind === 'comments' && teacherPartLocked(status)) return changeRefusals.locked('signed');
    return undefined;
  }

  private refuseChange(peer: Peer, update: Uint8Array, reason: string): void {
    this.options.metrics.changesRefused++;
    // A reconnecting device re-sends what the relay already has; only a real change is worth telling about.
    if (!wouldChange(this.doc, update)) return;
    this.options.log.info(
      { room: this.name, jti: peer.access?.jti, role: peer.access?.role, bytes: update.byteLength },
      'refused a change',
    );
    peer.tell(reason);
  }

  /**
   * A change the comments room cannot hold: refused and told, like a change while locked. An app never makes
   * one, so a connection that keeps sending them is closed (making the check's shadow again costs the relay).
   */
  private refuseShape(peer: Peer, update: Uint8Array, reason: string): void {
    const token = peer.access?.jti ?? '';
    const refused = (this.refusedShapes.get(token) ?? 0) + 1;
    this.refusedShapes.set(token, refused);
    if (refused > maxRefusedShapes) {
      this.options.metrics.changesRefused++;
      return peer.refuseMalformed('changes the comments cannot hold, again and again');
    }
    this.refuseChange(peer, update, reason);
  }

  private withoutInternal(): Uint8Array {
    if (this.copyWithoutInternal?.version !== this.version) {
      this.copyWithoutInternal = { version: this.version, update: withoutInternalFields(this.doc) };
    }
    return this.copyWithoutInternal.update;
  }

  private readonly keepUnsaved = (update: Uint8Array, origin: unknown): void => {
    this.version++;
    // A person's change was checked on the shadow already; the relay's own and other nodes' are followed.
    if (!(origin instanceof Peer)) this.commentsCheck?.follow(update);
    if (origin === clusterOrigin) return this.sendOn(update, []);
    this.unsaved.push({ update, origin });
    this.unsavedBytes += update.byteLength;
    if (this.saveScheduled) return;
    this.saveScheduled = true;
    setImmediate(() => this.saveUnsaved());
  };

  /** Runs `send` once every update already in the document is saved. */
  private afterSave(send: () => void): void {
    if (this.unsaved.length > 0) this.sendsAfterSave.push(send);
    else void this.saving.then(send);
  }

  private saveUnsaved(): void {
    this.saveScheduled = false;
    if (this.unsaved.length === 0) return;
    const batch = this.unsaved;
    const sends = this.sendsAfterSave;
    this.unsaved = [];
    this.unsavedBytes = 0;
    this.sendsAfterSave = [];
    this.saving = this.saving
      .then(() => this.save(batch, sends))
      .catch((error) => this.fail(`could not save an update: ${describe(error)}`, couldNotSave));
  }

  private async save(batch: UnsavedUpdate[], sends: Array<() => void>): Promise<void> {
    if (this.state === 'unloaded') return;
    const update = batch.length === 1 ? batch[0].update : Y.mergeUpdates(batch.map((unsaved) => unsaved.update));
    const kept = await this.options.store.append(this.name, update);
    this.storedBytes += update.byteLength;
    this.options.cluster?.updateSaved(update);
    if (this.kind === 'content') this.options.contentSaved?.(this.doc);
    this.sendOn(update, batch);
    sends.forEach((send) => send());
    this.kept = kept;
    if (kept > this.options.compactAfter * compactAnywayFactor) await this.compact();
    else if (kept > this.options.compactAfter) this.compactWhenQuiet();
  }

  /**
   * Compacting merges every saved update in one go, and everything else in the relay waits for it: in
   * `npm run bench -- relay load` (500 edits a second) the longest waits for an edit came every 500 updates, as the
   * room compacted. So a room is compacted once it has had no change for a moment (or when it unloads).
   */
  private compactWhenQuiet(): void {
    clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => {
      this.compactTimer = undefined;
      this.saving = this.saving.then(() => this.compact());
    }, this.options.compactWhenQuietMs ?? 1000);
    this.compactTimer.unref();
  }

  /**
   * Sends a saved update to everyone, except to the one person it all came from, and except to those who may
   * not see internal fields (they are in only while the content cannot change, and are sent copies).
   */
  private sendOn(update: Uint8Array, batch: UnsavedUpdate[]): void {
    const origins = new Set(batch.map((unsaved) => unsaved.origin));
    const onlySender = origins.size === 1 ? batch[0].origin : undefined;
    const message = syncUpdateMessage(update);
    for (const [peer, access] of this.peers) {
      if (peer !== onlySender && access.seesInternal) peer.send(message);
    }
  }

  private async compact(): Promise<void> {
    clearTimeout(this.compactTimer);
    this.compactTimer = undefined;
    try {
      await this.options.store.compact(this.name);
      this.kept = 1;
      if (this.state !== 'unloaded') this.storedBytes = encodeIntegrated(this.doc).byteLength;
    } catch (error) {
      this.options.log.error(
        { room: this.name, problem: describe(error) },
        'could not compact saved updates (they are kept as they were)',
      );
    }
  }

  /** Each presence entry's owner: the connection (or other relay node) that set it first. */
  private readonly presenceOwners = new Map<number, Peer | typeof clusterOrigin>();

  /** Whether presence entry `client` belongs to someone other than `peer`. */
  private presenceOf(client: number, peer: Peer): boolean {
    const owner = this.presenceOwners.get(client);
    return owner !== undefined && owner !== peer;
  }

  private readonly shareAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin instanceof Peer) {
      [...added, ...updated].forEach((client) => origin.awarenessClients.add(client));
      removed.forEach((client) => origin.awarenessClients.delete(client));
    }
    // Whoever first set an entry owns it until it is removed: a connection here, or another relay node.
    if (origin instanceof Peer || origin === clusterOrigin)
      added.forEach((client) => this.presenceOwners.has(client) || this.presenceOwners.set(client, origin));
    removed.forEach((client) => this.presenceOwners.delete(client));
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]);
    if (origin !== clusterOrigin) this.options.cluster?.presenceChanged(update);
    // The sender gets its own state back too: y-websocket treats 30 s without a message as a dead connection.
    const message = awarenessMessage(update);
    this.peers.forEach((access, peer) => access.seesInternal && peer.send(message));
  };

  private unloadIfUnused(): void {
    if (this.peers.size > 0 || this.holds > 0 || this.state !== 'open') return;
    this.saveUnsaved();
    const unused = () => this.peers.size === 0 && this.holds === 0 && this.state === 'open';
    this.saving = this.saving.then(() =>
      unused() && this.kept > this.options.compactAfter ? this.compact() : undefined,
    );
    void this.saving.then(() => unused() && this.unload());
  }

  private unload(): void {
    if (this.state === 'unloaded') return;
    this.state = 'unloaded';
    clearTimeout(this.compactTimer);
    this.unsaved = [];
    this.sendsAfterSave = [];
    this.copyWithoutInternal = undefined;
    this.awareness.off('update', this.shareAwareness);
    this.awareness.destroy();
    this.doc.destroy();
    this.options.onUnload(this);
  }

  /**
   * Gives up on the room without saving more: everyone is disconnected and reconnects to a fresh load from
   * storage, sending again whatever of theirs was not saved (their devices keep it).
   */
  private fail(problem: string, reason: string): void {
    this.failed = true;
    this.options.log.error({ room: this.name, problem }, 'room failed');
    this.closeAll(reconnectCodes.relayFailed, reason);
    this.unload();
  }

  private closeAll(code: number, reason: string): void {
    this.peers.forEach((_, peer) => peer.close(code, reason));
  }
}

function reportFullReason(kind: RoomKind, quotaBytes: number): string {
  const part = kind === 'comments' ? 'Its comments' : 'It';
  return `This report is full. ${part} may keep ${(quotaBytes / 1024 / 1024).toFixed(1)} MB; nothing more can be added.`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
