// Finds the page's text fields, now and as they come and go (a report form drawn by a script, an
// editor switched to read-only), keeps each one checked, and says how it is going for the popup.
import type { CheckReply, PageStatus } from '../messages.ts';
import { checkableField, findCheckableFields } from './fields.ts';
import { createSpellingHighlights } from './spelling-highlights.ts';
import { watchField } from './watched-field.ts';

export interface SpellingOnPageOptions {
  check(text: string): Promise<CheckReply>;
  quietMs?: number;
}

// Attribute changes that can make a field start or stop being checked.
const FIELD_ATTRIBUTES = ['contenteditable', 'readonly', 'disabled', 'spellcheck', 'data-margin-checks'];

export function checkSpellingOnPage(document: Document, { check, quietMs = 300 }: SpellingOnPageOptions) {
  const highlights = createSpellingHighlights();
  const watched = new Map<HTMLElement, ReturnType<typeof watchField>>();
  let problem: string | null = null;
  const answered = (reply: CheckReply) => {
    problem = reply.ok ? null : reply.problem;
  };

  const update = () => {
    const fields = new Set(findCheckableFields(document));
    for (const [element, field] of watched) {
      if (fields.has(element)) continue;
      field.stop();
      watched.delete(element);
    }
    for (const element of fields) {
      if (!watched.has(element)) watched.set(element, watchField(checkableField(element), { check, highlights, answered, quietMs }));
    }
  };
  const observer = new MutationObserver(update);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: FIELD_ATTRIBUTES });
  update();

  return {
    status: (): PageStatus => ({ fields: watched.size, underlined: highlights.count(), problem }),
    /** Checks every field again; resolves when all have been checked and drawn. */
    async checkAgain() {
      await Promise.all([...watched.values()].map((field) => field.checkAgain()));
    },
    stop() {
      observer.disconnect();
      for (const field of watched.values()) field.stop();
      watched.clear();
    },
  };
}
