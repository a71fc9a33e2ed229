// One report room: its document, the people connected to it, and the order things happen in.
// An update is applied to the document, saved (merged with the others that arrived in the same event-loop turn),
// and only then sent on. Anything sent from the document (a reply to a sync request) waits for the save of the
// updates it contains, so no one ever sees an edit the relay could still lose. The room loads on the first
// join and unloads, once saved, after the last person leaves.
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Room as ReportRoom } from '../shared/protocol/rooms.ts';
import { log } from './log.ts';
import {
  MalformedMessage,
  awarenessMessage,
  readClientMessage,
  syncStep1Message,
  syncStep2Message,
  syncUpdateMessage,
  type ClientMessage,
} from './messages.ts';
import { Peer, reconnectCodes } from './peer.ts';
import type { DocumentStore } from './storage/store.ts';

export interface RoomOptions {
  store: DocumentStore;
  /** Compact the room's saved updates into one snapshot once it keeps more than this many. */
  compactAfter: number;
  /** Called once the room has unloaded, after its last save. */
  onUnload(room: Room): void;
}

const couldNotSave = 'The relay could not save this report; your changes are still on your device';

interface UnsavedUpdate {
  update: Uint8Array;
  origin: unknown;
}

export class Room {
  readonly name: string;
  private readonly doc = new Y.Doc();
  private readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly peers = new Set<Peer>();
  /** The status room is written by the relay alone; people's updates to it are dropped. */
  private readonly peopleMayWrite: boolean;
  private state: 'loading' | 'open' | 'stopping' | 'unloaded' = 'loading';
  private arrivedWhileLoading: Array<{ peer: Peer; bytes: Uint8Array }> = [];
  private unsaved: UnsavedUpdate[] = [];
  private sendsAfterSave: Array<() => void> = [];
  private saveScheduled = false;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    room: ReportRoom,
    private readonly options: RoomOptions,
  ) {
    this.name = room.name;
    this.peopleMayWrite = room.kind !== 'status';
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.shareAwareness);
  }

  async load(): Promise<void> {
    try {
      const updates = await this.options.store.load(this.name);
      if (this.state !== 'loading') return;
      Y.transact(this.doc, () => updates.forEach((update) => Y.applyUpdate(this.doc, update)));
    } catch (error) {
      this.fail(`could not load the saved document: ${describe(error)}`, 'The relay could not open this report; it will try again');
      return;
    }
    this.doc.on('update', this.keepUnsaved);
    this.state = 'open';
    this.peers.forEach((peer) => this.greet(peer));
    const arrived = this.arrivedWhileLoading;
    this.arrivedWhileLoading = [];
    arrived.forEach(({ peer, bytes }) => this.receive(peer, bytes));
    if (this.peers.size === 0) this.unloadOnceSaved();
  }

  join(peer: Peer): void {
    this.peers.add(peer);
    if (this.state === 'open') this.greet(peer);
  }

  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessClients], null);
    if (this.peers.size === 0 && this.state === 'open') this.unloadOnceSaved();
  }

  receive(peer: Peer, bytes: Uint8Array): void {
    if (this.state === 'loading') this.arrivedWhileLoading.push({ peer, bytes });
    if (this.state !== 'open' || peer.ended) return;
    try {
      this.handle(peer, readClientMessage(bytes));
    } catch (error) {
      peer.refuseMalformed(error instanceof MalformedMessage ? error.problem : describe(error));
    }
  }

  /** Ends every connection (they reconnect once the relay is back), saves what is pending, and unloads. */
  async stop(): Promise<void> {
    if (this.state === 'unloaded') return;
    this.state = 'stopping';
    this.closeAll(reconnectCodes.relayStopping, 'The relay is stopping');
    this.saveUnsaved();
    await this.saving;
    this.unload();
  }

  private greet(peer: Peer): void {
    if (this.peopleMayWrite) peer.send(syncStep1Message(Y.encodeStateVector(this.doc)));
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) peer.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
  }

  private handle(peer: Peer, message: ClientMessage): void {
    switch (message.type) {
      case 'sync-step1': {
        const reply = syncStep2Message(Y.encodeStateAsUpdate(this.doc, message.stateVector));
        this.afterSave(() => peer.send(reply));
        return;
      }
      case 'sync-update':
        if (!this.peopleMayWrite) return;
        try {
          Y.applyUpdate(this.doc, message.update, peer);
        } catch (error) {
          peer.refuseMalformed(`a document update Yjs could not apply (${describe(error)})`);
        }
        return;
      case 'awareness':
        if (this.peers.has(peer)) awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, peer);
        return;
      case 'query-awareness': {
        const clients = [...this.awareness.getStates().keys()];
        peer.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
        return;
      }
    }
  }

  private readonly keepUnsaved = (update: Uint8Array, origin: unknown): void => {
    this.unsaved.push({ update, origin });
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
    this.sendsAfterSave = [];
    this.saving = this.saving
      .then(() => this.save(batch, sends))
      .catch((error) => this.fail(`could not save an update: ${describe(error)}`, couldNotSave));
  }

  private async save(batch: UnsavedUpdate[], sends: Array<() => void>): Promise<void> {
    if (this.state === 'unloaded') return;
    const update = batch.length === 1 ? batch[0].update : Y.mergeUpdates(batch.map((unsaved) => unsaved.update));
    const kept = await this.options.store.append(this.name, update);
    this.sendOn(update, batch);
    sends.forEach((send) => send());
    if (kept > this.options.compactAfter) await this.compact();
  }

  /** Sends a saved update to everyone, except to the one person it all came from. */
  private sendOn(update: Uint8Array, batch: UnsavedUpdate[]): void {
    const origins = new Set(batch.map((unsaved) => unsaved.origin));
    const onlySender = origins.size === 1 ? batch[0].origin : undefined;
    const message = syncUpdateMessage(update);
    for (const peer of this.peers) {
      if (peer !== onlySender) peer.send(message);
    }
  }

  private async compact(): Promise<void> {
    try {
      await this.options.store.compact(this.name);
    } catch (error) {
      log(`room ${this.name}: could not compact saved updates (they are kept as they were): ${describe(error)}`);
    }
  }

  private readonly shareAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin instanceof Peer) {
      [...added, ...updated].forEach((client) => origin.awarenessClients.add(client));
      removed.forEach((client) => origin.awarenessClients.delete(client));
    }
    // The sender gets its own state back too: y-websocket treats 30 s without a message as a dead connection.
    const message = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]));
    this.peers.forEach((peer) => peer.send(message));
  };

  private unloadOnceSaved(): void {
    this.saveUnsaved();
    void this.saving.then(() => {
      if (this.peers.size === 0 && this.state === 'open') this.unload();
    });
  }

  private unload(): void {
    if (this.state === 'unloaded') return;
    this.state = 'unloaded';
    this.unsaved = [];
    this.sendsAfterSave = [];
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
    log(`room ${this.name}: ${problem}`);
    this.closeAll(reconnectCodes.relayFailed, reason);
    this.unload();
  }

  private closeAll(code: number, reason: string): void {
    this.peers.forEach((peer) => peer.close(code, reason));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
