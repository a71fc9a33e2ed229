// A store that forgets everything when the process ends: for tests and trying the relay out.
import * as Y from 'yjs';
import type { DocumentStore } from './store.ts';

export function openMemoryStore(): DocumentStore {
  const rooms = new Map<string, Uint8Array[]>();
  return {
    async load(room) {
      return [...(rooms.get(room) ?? [])];
    },
    async append(room, update) {
      const updates = rooms.get(room) ?? [];
      updates.push(update);
      rooms.set(room, updates);
      return updates.length;
    },
    async compact(room) {
      const updates = rooms.get(room);
      if (updates && updates.length > 1) rooms.set(room, [Y.mergeUpdates(updates)]);
    },
    async close() {
      rooms.clear();
    },
  };
}
