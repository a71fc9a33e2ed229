// Two questions the relay asks of documents without changing them: would this update change the document
// (so a refused change is worth telling its sender about), and what is the document without its internal
// fields (what a client or teacher is sent).
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
 * The whole document as one update, with the content of internal fields garbage-collected: the items keep
 * their ids (so copies made at different times agree with each other and with the real document) but carry
 * no text. Those items arrive deleted; only their lengths can be told.
 */
export function withoutInternalFields(doc: Y.Doc, internal: readonly string[] = internalFields): Uint8Array {
  const copy = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
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
