// The copies of what is typed in large fields, kept in the extension's storage.local until the form is
// sent: one entry per page (origin, path and query) and field, dropped after a week so an abandoned
// form does not linger. Runs in the background; the content script asks through draft-messages.ts.
import { Draft } from './draft-messages.ts';

/** How long a copy is kept when the form is never sent. */
export const draftLifetimeMs = 7 * 24 * 60 * 60 * 1000;
/** Longer texts are not kept: storage.local holds a few megabytes for every site together. */
export const longestDraft = 200_000;

const prefix = 'draft:';

/** The part of browser.storage.local this needs, so tests can pass WXT's fake browser. */
export interface DraftStorage {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** The storage key of one field's copy: the page's address without its #fragment, then the field. */
export function draftKey(pageUrl: string, field: string): string {
  const url = new URL(pageUrl);
  return `${prefix}${url.origin}${url.pathname}${url.search} ${field}`;
}

export function createDraftStore(storage: DraftStorage, now: () => number = Date.now) {
  const expired = (draft: Draft) => now() - draft.savedAt > draftLifetimeMs;

  return {
    async save(pageUrl: string, field: string, text: string, label: string): Promise<void> {
      if (text.length > longestDraft)
        throw new Error(`the text is longer than ${longestDraft.toLocaleString('en-GB')} characters`);
      const draft: Draft = { text, savedAt: now(), label };
      await storage.set({ [draftKey(pageUrl, field)]: draft });
    },

    /** The field's copy, unless there is none, it has expired or it cannot be read (those are removed). */
    async load(pageUrl: string, field: string): Promise<Draft | undefined> {
      const key = draftKey(pageUrl, field);
      const stored = (await storage.get(key))[key];
      if (stored === undefined) return undefined;
      const parsed = Draft.safeParse(stored);
      if (parsed.success && !expired(parsed.data)) return parsed.data;
      await storage.remove(key);
      return undefined;
    },

    async clear(pageUrl: string, fields: string[]): Promise<void> {
      if (fields.length > 0) await storage.remove(fields.map((field) => draftKey(pageUrl, field)));
    },

    /** Removes every expired or unreadable copy; run when the background starts. */
    async prune(): Promise<number> {
      const all = await storage.get(null);
      const stale = Object.entries(all)
        .filter(([key, value]) => {
          if (!key.startsWith(prefix)) return false;
          const parsed = Draft.safeParse(value);
          return !parsed.success || expired(parsed.data);
        })
        .map(([key]) => key);
      if (stale.length > 0) await storage.remove(stale);
      return stale.length;
    },
  };
}

export type DraftStore = ReturnType<typeof createDraftStore>;
