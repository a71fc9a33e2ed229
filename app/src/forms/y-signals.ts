// Solid signals that follow a Y.Map, so selects and inputs stay in step with collaborators.
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';

/** One key of a Y.Map as a signal, with a setter that writes it back (undefined deletes it). */
export function createYValue<T>(
  map: Y.Map<unknown>,
  key: string,
): [Accessor<T | undefined>, (value: T | undefined) => void] {
  const [value, setValue] = createSignal(map.get(key) as T | undefined, { equals: false });
  const observe = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has(key)) setValue(() => map.get(key) as T | undefined);
  };
  map.observe(observe);
  onCleanup(() => map.unobserve(observe));
  const write = (next: T | undefined) => {
    if (next === undefined || next === '') map.delete(key);
    else map.set(key, next);
  };
  return [value, write];
}

/** A whole Y.Map as a plain-object signal. */
export function createYMap<T>(map: Y.Map<T>): Accessor<Record<string, T>> {
  const [value, setValue] = createSignal(map.toJSON() as Record<string, T>);
  const observe = () => setValue(() => map.toJSON() as Record<string, T>);
  map.observe(observe);
  onCleanup(() => map.unobserve(observe));
  return value;
}
