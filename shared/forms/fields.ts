// Field rules shared by every report form.
import { z } from 'zod';

/** Free-text fields in today's systems hold at most this many characters (the form shows e.g. 35/1024). */
export const freeTextLimit = 1024;

export const FreeText = z
  .string()
  .max(freeTextLimit, { error: (issue) => `This field holds at most 1,024 characters; it has ${String(issue.input).length}.` });

export const RequiredFreeText = FreeText.refine((text) => text.trim().length > 0, { error: 'This field is required.' });

export const IsoDate = z.iso.date({ error: 'Give a date as YYYY-MM-DD.' });
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Give a time as HH:MM (24-hour).' });

/** How a free-text field is described to the app: its label and whether clients may see it. */
export interface FreeTextField {
  key: string;
  label: string;
  hint?: string;
  internal?: boolean;
}
