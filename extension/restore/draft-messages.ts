// What the content script and the background say to each other about the copies kept of what is typed.
// The background takes the page a draft belongs to from the sender's own address, so one site's text is
// never handed to another. A frame with no address of its own (about:blank, about:srcdoc: where TinyMCE
// and CKEditor 4 keep their editable body) names the page it is in, which the background takes only when
// it is on the sender's own origin (answer-drafts.ts).
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

export type DraftRequest = {
  to: 'drafts';
  /** The address of the page a frame with no address of its own is in; absent elsewhere. */
  page?: string;
} & (
  | { type: 'save-draft'; field: string; text: string; label: string }
  | { type: 'load-draft'; field: string }
  | { type: 'clear-drafts'; fields: string[] }
);

/** The draft asked for (undefined when none is kept, or for a save or a clear), or why it could not be reached. */
export type DraftReply = Result<Draft | undefined>;
