// Calendar dates as ISO "YYYY-MM-DD" strings, as the reports store them. Arithmetic is done in UTC, so
// clock changes never shift a date. Weeks start on Monday, as in the UK.

const dayMs = 86_400_000;

function toUtc(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

const fromUtc = (time: number) => new Date(time).toISOString().slice(0, 10);

export const isIsoDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && fromUtc(toUtc(value)) === value;

export const addDays = (iso: string, days: number) => fromUtc(toUtc(iso) + days * dayMs);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((toUtc(to) - toUtc(from)) / dayMs);

/** The Monday that starts the week `iso` falls in. */
export function mondayOf(iso: string): string {
  const weekday = new Date(toUtc(iso)).getUTCDay(); // 0 is Sunday
  return addDays(iso, -((weekday + 6) % 7));
}

/** Today's date where the user is, from the device's clock and time zone. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The moment a day (YYYY-MM-DD) starts where the user is, by the device's time zone (its midnight, or after a gap). */
export function startOfLocalDay(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(year!, month! - 1, day!);
}

/** The time of day where the user is, as "HH:MM". */
export const localTime = (now: Date) =>
  `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;

const ukDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** "Mon 23 Nov 2026". */
export const formatDate = (iso: string) => (isIsoDate(iso) ? ukDate.format(toUtc(iso)).replace(',', '') : iso);

export interface DateRange {
  from: string;
  to: string;
}

/** The sessions home's four groups, in the order it shows them. */
export const sessionGroups = ['today', 'this-week', 'last-week', 'next-week'] as const;
export type SessionGroup = (typeof sessionGroups)[number];

export const sessionGroupLabels: Record<SessionGroup, string> = {
  today: 'Today',
  'this-week': 'Other days this week',
  'last-week': 'Last week',
  'next-week': 'Next week',
};

/** The dates the sessions home covers: last week's Monday to next week's Sunday. */
export function sessionsHomeRange(today: string): DateRange {
  const monday = mondayOf(today);
  return { from: addDays(monday, -7), to: addDays(monday, 13) };
}

/** Which group of the sessions home a session on `date` belongs to, or undefined when it is outside them. */
export function sessionGroupOf(date: string, today: string): SessionGroup | undefined {
  if (date === today) return 'today';
  const offset = daysBetween(mondayOf(today), date);
  if (offset >= 0 && offset < 7) return 'this-week';
  if (offset >= -7 && offset < 0) return 'last-week';
  if (offset >= 7 && offset < 14) return 'next-week';
  return undefined;
}
