import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatDate,
  isIsoDate,
  localDate,
  mondayOf,
  sessionGroupOf,
  sessionsHomeRange,
} from './calendar.ts';

describe('calendar', () => {
  it('starts weeks on Monday, Sunday included in the week before', () => {
    expect(mondayOf('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // the Sunday after
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28'); // across a year
  });

  it('adds and counts days across month ends and the clocks changing', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // UK clocks go forward on 29 March 2026
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2); // and back on 25 October
    expect(addDays('2026-11-02', 42)).toBe('2026-12-14');
    expect(daysBetween('2026-12-14', '2026-11-02')).toBe(-42);
  });

  it('groups sessions around a week boundary', () => {
    const monday = '2026-11-23';
    expect(sessionGroupOf('2026-11-23', monday)).toBe('today');
    expect(sessionGroupOf('2026-11-29', monday)).toBe('this-week');
    expect(sessionGroupOf('2026-11-22', monday)).toBe('last-week');
    expect(sessionGroupOf('2026-11-16', monday)).toBe('last-week');
    expect(sessionGroupOf('2026-11-15', monday)).toBeUndefined();
    expect(sessionGroupOf('2026-11-30', monday)).toBe('next-week');
    expect(sessionGroupOf('2026-12-06', monday)).toBe('next-week');
    expect(sessionGroupOf('2026-12-07', monday)).toBeUndefined();
    const sunday = '2026-11-29';
    expect(sessionGroupOf('2026-11-23', sunday)).toBe('this-week');
    expect(sessionGroupOf('2026-11-30', sunday)).toBe('next-week');
    expect(sessionGroupOf('2026-11-22', sunday)).toBe('last-week');
    expect(sessionsHomeRange(sunday)).toEqual({ from: '2026-11-16', to: '2026-12-06' });
  });

  it('reads dates in UK form and the device’s local day', () => {
    expect(formatDate('2026-11-23')).toBe('Mon 23 Nov 2026');
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-02-28')).toBe(true);
  });
});
