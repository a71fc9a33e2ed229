// Dexie live queries as Solid signals: lists update when the index changes, in this tab or another.
import { liveQuery } from 'dexie';
import { from, type Accessor } from 'solid-js';

export function createLiveQuery<T>(query: () => T | Promise<T>): Accessor<T | undefined> {
  return from(liveQuery(query));
}
