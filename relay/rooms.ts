// The rooms the relay has open: a room is created and loaded on its first join (or when the relay itself needs
// it) and forgotten once it unloads. A status change reaches the report's open rooms from here, and so does
// what other relay nodes say about a room (relay/cluster/): each open room follows its channel while it is open.
import { reconnectCodes, refusalReasons } from '../shared/protocol/limits.ts';
import { parseRoomName, roomName, roomKinds, type Room as ReportRoom } from '../shared/protocol/rooms.ts';
import type * as Y from 'yjs';
import type { ReportStatus } from '../shared/workflow/status.ts';
import type { FanOut } from './cluster/fan-out.ts';
import type { WrittenComment } from './comments-check.ts';
import type { Log } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { Peer } from './peer.ts';
import { Room } from './room.ts';
import type { ReportStatuses } from './statuses.ts';
import type { DocumentStore } from './storage/store.ts';

export interface RoomsOptions {
  store: DocumentStore;
  statuses: ReportStatuses;
  compactAfter: number;
  fanOut: FanOut;
  log: Log;
  metrics: Metrics;
  /** The most a report's content and comments rooms may each keep, in bytes. */
  quotas: { content: number; comments: number };
  /** Told of the comments someone adds to a report's comments room (for their notifications). */
  onCommentsWritten?(reportId: string, comments: WrittenComment[]): void;
  /** Told each time a report's content room has saved changes, with its document (for the report directory). */
  onContentSaved?(reportId: string, doc: Y.Doc): void;
}

export class Rooms {
  private readonly open = new Map<string, Room>();
  private stopping = false;

  constructor(private readonly options: RoomsOptions) {
    options.statuses.onChange((reportId, status) => this.statusChanged(reportId, status));
    options.fanOut.onCatchUp(() => this.catchUp());
  }

  get count(): number {
    return this.open.size;
  }

  /** Adds a person to a room, opening the room if no one is in it; undefined if they are refused or the relay is stopping. */
  join(address: ReportRoom, peer: Peer): Room | undefined {
    if (this.stopping) {
      peer.close(reconnectCodes.relayRestarting, refusalReasons.relayRestarting);
      return undefined;
    }
    const room = this.roomFor(address);
    return room.join(peer) ? room : undefined;
  }

  /** Opens a room for the relay's own use, loaded; call `release` when done so it can unload. */
  async hold(address: ReportRoom): Promise<{ room: Room; release: () => void }> {
    if (this.stopping) throw new Error('the relay is stopping');
    const room = this.roomFor(address);
    const release = room.hold();
    if (!(await room.loaded)) {
      release();
      throw new Error(`the relay could not open ${address.name}`);
    }
    return { room, release };
  }

  /** Closes every connection, saves every room and unloads them. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.open.values()].map((room) => room.stop()));
  }

  /** The reports with a room open here. */
  reportIds(): string[] {
    const ids = [...this.open.keys()].flatMap((name) => {
      const parsed = parseRoomName(name);
      return parsed.ok ? [parsed.value.reportId] : [];
    });
    return [...new Set(ids)];
  }

  /** Closes the report's open rooms for good (its erasure), once saves under way have finished. */
  async closeReport(reportId: string, code: number, reason: string): Promise<void> {
    await Promise.all(roomKinds.map((kind) => this.open.get(roomName(reportId, kind))?.closeForGood(code, reason)));
  }

  private roomFor(address: ReportRoom): Room {
    let room = this.open.get(address.name);
    if (!room) {
      const { reportId, name } = address;
      const { fanOut } = this.options;
      let unfollow = () => {};
      const opened = new Room(address, {
        ...this.options,
        status: () => this.options.statuses.current(reportId),
        ...(address.kind === 'status' ? {} : { quotaBytes: this.options.quotas[address.kind] }),
        cluster: {
          updateSaved: (update) => fanOut.updateSaved(name, update),
          presenceChanged: (update) => fanOut.presenceChanged(name, update),
        },
        commentsWritten: (comments) => this.options.onCommentsWritten?.(reportId, comments),
        contentSaved: (doc) => this.options.onContentSaved?.(reportId, doc),
        onUnload: (unloaded) => {
          unfollow();
          this.forget(unloaded);
        },
      });
      // Followed before it loads, so an update saved elsewhere meanwhile is not missed.
      unfollow = fanOut.follow(name, {
        update: (update) => opened.updateFromCluster(update),
        presence: (update) => opened.presenceFromCluster(update),
      });
      room = opened;
      this.open.set(name, room);
      void room.load();
    }
    return room;
  }

  private statusChanged(reportId: string, status: ReportStatus): void {
    for (const kind of roomKinds) this.open.get(roomName(reportId, kind))?.statusChanged(status);
  }

  /** Reads every open room again from the store, after messages from other nodes may have been missed. */
  catchUp(): Promise<void> {
    return Promise.all(
      [...this.open.values()].map((room) =>
        room
          .catchUp()
          .catch((error: unknown) =>
            this.options.log.error(
              { room: room.name, problem: error instanceof Error ? error.message : String(error) },
              'could not catch up from the store',
            ),
          ),
      ),
    ).then(() => undefined);
  }

  private forget(room: Room): void {
    if (this.open.get(room.name) === room) this.open.delete(room.name);
  }
}
