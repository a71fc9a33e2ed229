// Coaching cycles finished each week (domain guide 001: the induction coordinator sees the coaching done each
// week). Weeks are ISO weeks (Monday to Sunday, numbered as ISO 8601 does) of the school's calendar, so "this week"
// is decided by the date in Europe/London, whatever the server's or the browser's own time zone.
import { addDays, isIsoDate, mondayOf } from '../workflow/calendar.ts';

export const schoolTimeZone = 'Europe/London';
/** How many weeks the coordinator's overview shows, this week included. */
export const overviewWeeks = 8;

const londonDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: schoolTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in the UK at the moment `now`, `YYYY-MM-DD`. */
export const londonDate = (now: Date): string => londonDay.format(now);

/** The ISO 8601 week of a date: its week-numbering year and week, e.g. "2026-W53". */
export function isoWeek(iso: string): string {
  // The ISO year of a week is the year its Thursday falls in; its week 1 holds the year's first Thursday.
  const thursday = addDays(mondayOf(iso), 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(mondayOf(`${year}-01-04`), 3);
  const week = Math.round((Date.parse(thursday) - Date.parse(firstThursday)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface CoachingWeek {
  /** The Monday that starts it, `YYYY-MM-DD`. */
  monday: string;
  /** Its ISO week, e.g. "2026-W49". */
  isoWeek: string;
}

/** The `count` weeks up to and including the one `today` falls in, oldest first. */
export function lastWeeks(today: string, count = overviewWeeks): CoachingWeek[] {
  const thisMonday = mondayOf(today);
  return Array.from({ length: count }, (_, index) => {
    const monday = addDays(thisMonday, -7 * (count - 1 - index));
    return { monday, isoWeek: isoWeek(monday) };
  });
}

/** How many of the cycles finished on `finishedOn` (each `YYYY-MM-DD`) fall in each of `weeks`; others are left out. */
export function cyclesPerWeek(finishedOn: readonly string[], weeks: readonly CoachingWeek[]): number[] {
  const counts = weeks.map(() => 0);
  const at = new Map(weeks.map((week, index) => [week.monday, index]));
  for (const day of finishedOn) {
    if (!isIsoDate(day)) continue;
    const index = at.get(mondayOf(day));
    if (index !== undefined) counts[index]! += 1;
  }
  return counts;
}
