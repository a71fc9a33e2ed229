import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, mondayOf } from './calendar.ts';
import { bankHolidaysBetween, bankHolidaysIn, bankHolidayYears, isBankHoliday } from './bank-holidays.ts';

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm), ISO. */
function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((8 * b + 13) / 25)) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const weekday = (iso: string) => daysBetween(mondayOf(iso), iso); // 0 is Monday
const firstMonday = (iso: string) => (weekday(iso) === 0 ? iso : addDays(mondayOf(iso), 7));
const lastMonday = (lastDay: string) => mondayOf(lastDay);
/** The day itself, or the next weekday not taken already when it falls at a weekend. */
const substitute = (iso: string, taken: string[]) => {
  let day = iso;
  while (weekday(day) >= 5 || taken.includes(day)) day = addDays(day, 1);
  return day;
};

describe('England and Wales bank holidays', () => {
  it('covers 2024 to 2028, eight a year, each on a weekday', () => {
    expect(bankHolidayYears).toEqual([2024, 2025, 2026, 2027, 2028]);
    for (const year of bankHolidayYears) {
      expect(bankHolidaysIn(year)).toHaveLength(8);
      for (const day of bankHolidaysIn(year)) expect(weekday(day)).toBeLessThan(5);
    }
    expect(bankHolidaysIn(2031)).toEqual([]);
  });

  it('follows the rules: Easter, the first and last Mondays of May, the last of August, substitutes at weekends', () => {
    for (const year of bankHolidayYears) {
      const newYear = substitute(`${year}-01-01`, []);
      const christmas = substitute(`${year}-12-25`, []);
      const boxingDay = substitute(`${year}-12-26`, [christmas]);
      expect(bankHolidaysIn(year)).toEqual([
        newYear,
        addDays(easter(year), -2),
        addDays(easter(year), 1),
        firstMonday(`${year}-05-01`),
        lastMonday(`${year}-05-31`),
        lastMonday(`${year}-08-31`),
        christmas,
        boxingDay,
      ]);
    }
  });

  it('answers for one day and counts those in a span', () => {
    expect(isBankHoliday('2026-12-28')).toBe(true);
    expect(isBankHoliday('2026-12-26')).toBe(false); // a Saturday: Monday 28th is the holiday
    expect(bankHolidaysBetween('2026-12-24', '2027-01-04')).toBe(3);
    expect(bankHolidaysBetween('2026-12-25', '2026-12-25')).toBe(0);
  });
});
