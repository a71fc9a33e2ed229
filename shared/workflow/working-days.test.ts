import { describe, expect, it } from 'vitest';
import { pastTarget, workingDaysBetween, workingDaysWords } from './working-days.ts';

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
    expect(workingDaysBetween('2026-12-31', '2027-01-04')).toBe(2); // Thursday to Monday
    expect(workingDaysBetween('2026-10-23', '2026-10-26')).toBe(1); // UK clocks go back on 25 October
    expect(workingDaysBetween('2026-01-01', '2026-12-31')).toBe(260);
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
