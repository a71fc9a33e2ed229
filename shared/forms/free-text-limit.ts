// Kept apart from fields.ts (which builds zod schemas) so the extension's content script can read the
// limit without loading zod on every page.

/** Free-text fields in today's systems hold at most this many characters (the form shows e.g. 35/1024). */
export const freeTextLimit = 1024;
