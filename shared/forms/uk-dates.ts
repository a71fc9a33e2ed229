// Dates and times as people read and write them in Margin: always British, whatever the browser's locale.
// Browsers draw <input type="date"> and "time" in their own locale (12/03/2026, 04:00 PM in an en-US
// Chromium, even with lang="en-GB"), so the app's fields are text read here, and every moment the app
// shows is worded here. What the documents store does not change: dates "YYYY-MM-DD", times "HH:MM".
import { fail, ok, type Result } from '../result.ts';

/** What a date or time field holds: its stored value (undefined when left empty), or why it cannot be read. */
export type Typed = Result<string | undefined, string>;

export const dateExample = '03/12/2026';
export const timeExample = '16:00';

/** The hints the fields show under their labels. */
export const dateHint = `Day, month, year: for example ${dateExample}`;
export const timeHint = `24-hour clock: for example ${timeExample}`;

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number) => String(n).padStart(2, '0');

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** "2026-12-03" as a date field shows it: "03/12/2026". Anything else is shown as it is. */
export function dateFieldText(iso: string | undefined): string {
  const stored = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return stored ? `${stored[3]}/${stored[2]}/${stored[1]}` : (iso ?? '');
}

const monthOf = (word: string): number | undefined => {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return undefined;
  const index = monthNames.findIndex((name) => name.toLowerCase().startsWith(lower === 'sept' ? 'sep' : lower));
  return index < 0 ? undefined : index + 1;
};

function checkedDate(text: string, year: number, month: number, day: number, shortYear: boolean): Typed {
  if (shortYear) return fail(`Give the year in full, for example ${dateExample}.`);
  if (month < 1 || month > 12)
    return fail(`"${text}" has no month ${month}: write the date as dd/mm/yyyy, for example ${dateExample}.`);
  if (day < 1 || day > daysIn(year, month))
    return fail(`"${text}" is not a date: ${monthNames[month - 1]} ${year} has ${daysIn(year, month)} days.`);
  return ok(`${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`);
}

/**
 * A date as a person types it, day first: "03/12/2026", "3/12/2026", "3.12.2026", "3 Dec 2026",
 * "Thu 3 December 2026", or the stored form "2026-12-03".
 */
export function parseDate(typed: string): Typed {
  const text = typed.trim();
  if (text === '') return ok(undefined);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return checkedDate(text, Number(iso[1]), Number(iso[2]), Number(iso[3]), false);
  const numeric = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/.exec(text);
  if (numeric)
    return checkedDate(text, Number(numeric[3]), Number(numeric[2]), Number(numeric[1]), numeric[3]!.length === 2);
  const words = /^(?:[a-z]{3,9}\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9}\.?),?\s+(\d{2}|\d{4})$/i.exec(text);
  const month = words ? monthOf(words[2]!) : undefined;
  if (words && month) return checkedDate(text, Number(words[3]), month, Number(words[1]), words[3]!.length === 2);
  return fail(`"${text}" is not a date we can read: write it as dd/mm/yyyy, for example ${dateExample}.`);
}

const namedTimes: Record<string, string> = { noon: '12:00', midday: '12:00', midnight: '00:00' };

/** A time as a person types it: "16:00", "16.00", "1600", "16", "4pm", "4:30 pm", "noon". Stored as "HH:MM". */
export function parseTime(typed: string): Typed {
  const text = typed.trim();
  if (text === '') return ok(undefined);
  const compact = text
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/\./g, ':')
    .replace(/([ap]):?m:?$/, '$1m');
  const named = namedTimes[compact];
  if (named) return ok(named);
  const match = /^(\d{1,2})(?::?(\d{2}))?(am|pm)?$/.exec(compact);
  const unreadable = `"${text}" is not a time we can read: write it on the 24-hour clock as hh:mm, for example ${timeExample}.`;
  if (!match) return fail(unreadable);
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  const half = match[3];
  if (minutes > 59) return fail(`"${text}" has ${minutes} minutes: minutes go from 00 to 59.`);
  if (half) {
    if (hours < 1 || hours > 12) return fail(`"${text}" is not a time: with am or pm, the hour goes from 1 to 12.`);
    hours = (hours % 12) + (half === 'pm' ? 12 : 0);
  } else if (hours > 23) {
    return fail(`"${text}" is not a time: on the 24-hour clock the hour goes from 00 to 23.`);
  }
  return ok(`${pad(hours)}:${pad(minutes)}`);
}

// Moments (ISO timestamps) are shown in this device's time zone.
const momentFormats = {
  /** "4 Dec 2026, 09:30" */
  short: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  /** "4 December 2026 at 09:30" */
  long: { dateStyle: 'long', timeStyle: 'short' },
  /** "4 Dec, 09:30" */
  'this-year': { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  /** "4 December 2026" */
  day: { day: 'numeric', month: 'long', year: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type MomentStyle = keyof typeof momentFormats;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A moment as the app shows it; "short" is "4 Dec 2026, 09:30". The time zone is for tests. */
export function formatMoment(iso: string, style: MomentStyle = 'short', timeZone?: string): string {
  const key = `${style} ${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { ...momentFormats[style], timeZone });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}
