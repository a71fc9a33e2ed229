// Working days (Monday to Friday, except England and Wales bank holidays: bank-holidays.ts) between calendar dates, for
// how long a report has waited for review. Dates are ISO "YYYY-MM-DD" (shared/workflow/calendar.ts).
import { bankHolidaysBetween, isBankHoliday } from './bank-holidays.ts';
import { addDays, daysBetween, isIsoDate, mondayOf } from './calendar.ts';

/** The organisation's target for a review when it has set none: 2 working days. */
export const defaultReviewTargetDays = 2;

const isWeekend = (iso: string) => daysBetween(mondayOf(iso), iso) >= 5;

/** Whether people work on the day: Monday to Friday, not a bank holiday. */
export const isWorkingDay = (iso: string): boolean => !isWeekend(iso) && !isBankHoliday(iso);

/** Working days in (from, to]; 0 when `to` is not after `from`. Something that arrives at the weekend or on a bank
 *  holiday starts waiting on the next working morning, so Saturday to Monday is 0 working days, Friday to Monday 1. */
export function workingDaysBetween(from: string, to: string): number {
  if (!isIsoDate(from) || !isIsoDate(to)) throw new Error(`workingDaysBetween needs ISO dates, not ${from} and ${to}`);
  let start = from;
  while (!isWorkingDay(start)) start = addDays(start, 1);
  const days = daysBetween(start, to);
  if (days <= 0) return 0;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let day = addDays(start, weeks * 7 + 1); daysBetween(day, to) >= 0; day = addDays(day, 1)) {
    if (!isWeekend(day)) count += 1;
  }
  // Every bank holiday is a weekday (a substitute day when the day itself is at a weekend).
  return count - bankHolidaysBetween(start, to);
}

/** "1 working day", "3 working days", "less than a working day". */
export const workingDaysWords = (days: number) =>
  days === 0 ? 'less than a working day' : `${days} working day${days === 1 ? '' : 's'}`;

/** Whether something waiting `days` working days is past a target of `target` days. */
export const pastTarget = (days: number, target = defaultReviewTargetDays) => days > target;
