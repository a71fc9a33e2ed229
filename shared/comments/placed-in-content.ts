// What the thread store and the suggestion store share: things kept in the comments document (threads, suggestions),
// each placed in the content document, read again only after either document changed, and told to listeners once
// per turn (a keystroke, a remote update) after it. No DOM and no connection.
import type * as Y from 'yjs';

export function placedInContent<Placed>(
  comments: Y.Doc,
  /** Reads and places every one of them; `fragmentOf` is a field of the content document, when it holds one. */
  place: (fragmentOf: (field: string) => Y.XmlFragment | undefined) => Placed[],
) {
  let content: Y.Doc | undefined;
  /** Undefined when either document changed since they were last placed. */
  let placed: Placed[] | undefined;
  let notifying = false;
  let destroyed = false;
  const listeners = new Set<(placed: Placed[]) => void>();

  const fragmentOf = (field: string): Y.XmlFragment | undefined => {
    if (!content?.share.has(field)) return undefined;
    try {
      return content.getXmlFragment(field);
    } catch {
      // The content document holds something else under this name: nothing can be placed in it.
      return undefined;
    }
  };

  function current(): Placed[] {
    placed ??= place(fragmentOf);
    return placed;
  }

  function changed(): void {
    placed = undefined;
    if (notifying || destroyed) return;
    notifying = true;
    queueMicrotask(() => {
      notifying = false;
      if (destroyed) return;
      const now = current();
      for (const listener of listeners) listener(now);
    });
  }
  comments.on('update', changed);

  return {
    /** Everything as the documents hold it now. */
    current,
    /** The content document they are placed in, while one is open. */
    content: (): Y.Doc | undefined => content,
    /** Places them again, and tells the listeners after this turn. */
    changed,

    /** Calls `listener` with them after each turn in which they changed; returns the way to stop. */
    subscribe(listener: (placed: Placed[]) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** The content document they are placed in (again after it is replaced). */
    setContent(doc: Y.Doc | undefined): void {
      if (doc === content) return;
      content?.off('update', changed);
      content = doc;
      doc?.on('update', changed);
      changed();
    },

    destroy(): void {
      destroyed = true;
      listeners.clear();
      comments.off('update', changed);
      content?.off('update', changed);
    },
  };
}
