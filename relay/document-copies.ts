// Questions the relay asks of documents without changing them: would this update change the document (so a
// refused change is worth telling its sender about), does it build on changes the document lacks (so it would be
// held pending), what the document holds once integrated (never what is pending), and what it is without its
// internal fields (what a client or teacher is sent).
import * as Y from 'yjs';
import { internalFieldKeys } from '../shared/reports/registry.ts';

/** Top-level types people without `seesInternal` never receive: every kind's free-text fields marked internal. */
export const internalFields: readonly string[] = internalFieldKeys;

/** Whether applying `update` would add anything to `doc`: an item it lacks, or a deletion it has not made. */
export function wouldChange(doc: Y.Doc, update: Uint8Array): boolean {
  const known = Y.decodeStateVector(Y.encodeStateVector(doc));
  const { to } = Y.parseUpdateMeta(update);
  for (const [client, clock] of to) if (clock > (known.get(client) ?? 0)) return true;
  const { ds } = Y.decodeUpdate(update);
  if (ds.clients.size === 0) return false;
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of ds.clients) {
    const done = deleted.clients.get(client) ?? [];
    for (const range of ranges) {
      if (range.len > 0 && !done.some((d) => d.clock <= range.clock && range.clock + range.len <= d.clock + d.len))
        return true;
    }
  }
  return false;
}

/**
 * The document as an update (from `stateVector` on), integrated content alone: Yjs would append the updates it
 * holds pending, which are nobody's to read but their sender's.
 */
export function encodeIntegrated(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const { pendingStructs, pendingDs } = doc.store;
  if (!pendingStructs && !pendingDs) return Y.encodeStateAsUpdate(doc, stateVector);
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  try {
    return Y.encodeStateAsUpdate(doc, stateVector);
  } finally {
    doc.store.pendingStructs = pendingStructs;
    doc.store.pendingDs = pendingDs;
  }
}

/**
 * Whether `update` builds on something neither `doc` nor the update holds: a gap in a client's clock, an item
 * placed next to or inside an unknown item, or a deletion of one. Applied, such an update would wait pending.
 */
export function dependsOnMissing(doc: Y.Doc, update: Uint8Array): boolean {
  // Only the clients the update names are looked up: a room's document may know thousands.
  const known = (client: number) => Y.getState(doc.store, client);
  const { from, to } = Y.parseUpdateMeta(update);
  for (const [client, clock] of from) if (clock > known(client)) return true;
  const reach = (client: number) => Math.max(known(client), to.get(client) ?? 0);
  const has = (id: Y.ID | null | undefined) => !id || id.clock < reach(id.client);
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (struct instanceof Y.GC) continue;
    if (!(struct instanceof Y.Item)) return true; // a Skip: the update itself has a hole
    if (!has(struct.origin) || !has(struct.rightOrigin)) return true;
    if (struct.parent instanceof Y.ID && !has(struct.parent)) return true;
  }
  for (const [client, ranges] of ds.clients)
    for (const range of ranges) if (range.len > 0 && range.clock + range.len > reach(client)) return true;
  return false;
}

/**
 * The whole document as one update, with the content of internal fields garbage-collected: the items keep
 * their ids (so copies made at different times agree with each other and with the real document) but carry
 * no text. Those items arrive deleted; only their lengths can be told.
 */
export function withoutInternalFields(doc: Y.Doc, internal: readonly string[] = internalFields): Uint8Array {
  const copy = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(copy, encodeIntegrated(doc));
    copy.transact(() => {
      for (const key of internal) {
        if (!copy.share.has(key)) continue;
        const fragment = copy.getXmlFragment(key);
        fragment.delete(0, fragment.length);
      }
    });
    return Y.encodeStateAsUpdate(copy);
  } finally {
    copy.destroy();
  }
}
