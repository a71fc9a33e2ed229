// What the content script and the background say to each other about the copies kept of what is typed.
// The page a draft belongs to is never in the message: the background takes it from the sender's own
// address, so one site's text is never handed to another.
import { z } from 'zod';
import type { Result } from '../../shared/result.ts';

export const Draft = z.object({
  text: z.string(),
  /** When it was last saved, in milliseconds since 1970. */
  savedAt: z.number(),
  /** The field's label, to name it in the restore prompt. */
  label: z.string(),
});
export type Draft = z.infer<typeof Draft>;

export type DraftRequest =
  | { to: 'drafts'; type: 'save-draft'; field: string; text: string; label: string }
  | { to: 'drafts'; type: 'load-draft'; field: string }
  | { to: 'drafts'; type: 'clear-drafts'; fields: string[] };

/** The draft asked for (undefined when none is kept, or for a save or a clear), or why it could not be reached. */
export type DraftReply = Result<Draft | undefined>;
