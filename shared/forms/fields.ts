// Field rules shared by every report form.
import { z } from 'zod';
import { dateExample, timeExample } from './uk-dates.ts';
import { freeTextLimit } from './free-text-limit.ts';

export { freeTextLimit };

export const FreeText = z.string().max(freeTextLimit, {
  error: (issue) => `This field holds at most 1,024 characters; it has ${String(issue.input).length}.`,
});

export const RequiredFreeText = FreeText.refine((text) => text.trim().length > 0, { error: 'This field is required.' });

// Stored as "YYYY-MM-DD" and "HH:MM"; the messages speak of the British form the fields show (uk-dates.ts).
export const IsoDate = z.iso.date({ error: `Give the date, for example ${dateExample}.` });
export const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `Give the time on the 24-hour clock, for example ${timeExample}.` });

export const Subject = z
  .string()
  .trim()
  .min(1, { error: 'Give the subject.' })
  .max(120, { error: 'A subject holds at most 120 characters.' });

export const Learner = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, { error: 'Give the learner a name.' }).max(120),
});
export type Learner = z.infer<typeof Learner>;

/** Sessions are one to one, or a group of two or three (1:2, 1:3) with one report for the group. */
export const maxGroupSize = 3;
export const groupLabel = (learnerCount: number) => `1:${Math.max(1, learnerCount)}`;

/** A whole-number percentage from 0 to 100, named in its messages ("Give the target."). */
export function Percent(what: string) {
  return z
    .number({
      error: (issue) =>
        issue.input === undefined ? `Give the ${what}.` : `Give the ${what} as a number from 0 to 100.`,
    })
    .int({ error: `Give the ${what} as a whole number.` })
    .min(0, { error: `The ${what} cannot be below 0%.` })
    .max(100, { error: `The ${what} cannot be above 100%.` });
}

/**
 * Cross-field rules are written with this so they run even when another field is missing: the
 * submission checks list every problem at once, not only the first kind found.
 */
export const evenWithOtherProblems = { when: () => true };

/** How a free-text field is described to the app: its label and whether clients may see it. */
export interface FreeTextField {
  key: string;
  label: string;
  hint?: string;
  internal?: boolean;
}
