import { describe, expect, it } from 'vitest';
import { isWorkingDay, pastTarget, workingDaysBetween, workingDaysWords } from './working-days.ts';

describe('working days', () => {
  it('counts Monday to Friday after the first date up to the second', () => {
    expect(workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0); // same Monday
    expect(workingDaysBetween('2026-11-23', '2026-11-25')).toBe(2); // Monday to Wednesday
    expect(workingDaysBetween('2026-11-27', '2026-11-30')).toBe(1); // Friday to Monday
    expect(workingDaysBetween('2026-11-26', '2026-12-01')).toBe(3); // Thursday to Tuesday
    expect(workingDaysBetween('2026-11-23', '2026-12-07')).toBe(10); // two whole weeks
  });

  it('starts something arriving at the weekend on Monday', () => {
    expect(workingDaysBetween('2026-11-28', '2026-11-30')).toBe(0); // Saturday to Monday
    expect(workingDaysBetween('2026-11-29', '2026-12-01')).toBe(1); // Sunday to Tuesday
    expect(workingDaysBetween('2026-11-28', '2026-11-29')).toBe(0); // within the weekend
  });

  it('is 0 backwards, and counts across years and clock changes', () => {
    expect(workingDaysBetween('2026-11-25', '2026-11-23')).toBe(0);
    expect(workingDaysBetween('2026-12-31', '2027-01-04')).toBe(1); // Thursday to Monday, New Year's Day between
    expect(workingDaysBetween('2026-10-23', '2026-10-26')).toBe(1); // UK clocks go back on 25 October
    // 261 weekdays; waiting starts on Friday 2 January (1 January is a bank holiday), less 7 more bank holidays.
    expect(workingDaysBetween('2026-01-01', '2026-12-31')).toBe(252);
  });

  it('does not count England and Wales bank holidays, and starts something arriving on one the next working day', () => {
    expect(workingDaysBetween('2025-12-24', '2025-12-29')).toBe(1); // Christmas and Boxing Day between
    expect(workingDaysBetween('2026-04-02', '2026-04-07')).toBe(1); // Good Friday and Easter Monday between
    expect(workingDaysBetween('2026-05-04', '2026-05-05')).toBe(0); // arrived on the early May bank holiday
    expect(workingDaysBetween('2026-12-24', '2026-12-29')).toBe(1); // Boxing Day's substitute, Monday 28th
    expect(isWorkingDay('2026-08-31')).toBe(false);
    expect(isWorkingDay('2026-09-01')).toBe(true);
  });

  it('refuses what is not a date', () => {
    expect(() => workingDaysBetween('2026-02-30', '2026-03-02')).toThrow(/ISO dates/);
  });

  it('words the wait and flags it past the target', () => {
    expect(workingDaysWords(0)).toBe('less than a working day');
    expect(workingDaysWords(1)).toBe('1 working day');
    expect(workingDaysWords(3)).toBe('3 working days');
    expect(pastTarget(2)).toBe(false);
    expect(pastTarget(3)).toBe(true);
    expect(pastTarget(1, 0)).toBe(true);
  });
});
