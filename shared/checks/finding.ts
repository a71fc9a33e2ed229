// What every check returns: one finding per problem, with offsets into the checked text.
import { z } from 'zod';

export const FindingKind = z.enum(['spelling', 'grammar', 'prompt']);
export type FindingKind = z.infer<typeof FindingKind>;

export const Finding = z.object({
  kind: FindingKind,
  /** The id of the rule that found it, e.g. "spelling/unknown-word". */
  rule: z.string(),
  /** Offsets in UTF-16 code units of the checked text; end is exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The text between start and end. */
  text: z.string(),
  /** What is wrong, in plain British English. */
  message: z.string(),
  suggestions: z.array(z.string()),
});
export type Finding = z.infer<typeof Finding>;
