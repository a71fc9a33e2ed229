// The rooms the relay has open: a room is created and loaded on its first join and forgotten once it unloads.
import type { Room as ReportRoom } from '../shared/protocol/rooms.ts';
import { reconnectCodes, type Peer } from './peer.ts';
import { Room } from './room.ts';
import type { DocumentStore } from './storage/store.ts';

export class Rooms {
  private readonly open = new Map<string, Room>();
  private stopping = false;

  constructor(private readonly options: { store: DocumentStore; compactAfter: number }) {}

  get count(): number {
    return this.open.size;
  }

  /** Adds a person to a room, opening the room if no one is in it; undefined once the relay is stopping. */
  join(address: ReportRoom, peer: Peer): Room | undefined {
    if (this.stopping) {
      peer.close(reconnectCodes.relayStopping, 'The relay is stopping');
      return undefined;
    }
    let room = this.open.get(address.name);
    if (!room) {
      room = new Room(address, { ...this.options, onUnload: (unloaded) => this.forget(unloaded) });
      this.open.set(address.name, room);
      void room.load();
    }
    room.join(peer);
    return room;
  }

  /** Closes every connection, saves every room and unloads them. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.open.values()].map((room) => room.stop()));
  }

  private forget(room: Room): void {
    if (this.open.get(room.name) === room) this.open.delete(room.name);
  }
}
