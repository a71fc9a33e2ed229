import { describe, expect, it } from 'vitest';
import { cyclesPerWeek, isoWeek, lastWeeks, londonDate } from './weekly-cycles.ts';

describe('ISO weeks', () => {
  it('number weeks as ISO 8601 does, across the turn of the year', () => {
    expect(isoWeek('2026-12-04')).toBe('2026-W49');
    // 2026 has 53 weeks: its 31 December is a Thursday.
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    // 1 January 2025 is a Wednesday, so it is in week 1 of 2025, as are the two days of 2024 before it.
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2025-01-01')).toBe('2025-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
  });
});

describe('today in Europe/London', () => {
  it('is the UK date, whether British Summer Time or not', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST, UTC+1).
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    // In winter London is on UTC: 23:30 UTC on 6 December is still 6 December.
    expect(londonDate(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-06');
    // Sunday night 23:30 UTC in BST is Monday in London: a new ISO week.
    expect(isoWeek(londonDate(new Date('2026-05-10T23:30:00Z')))).toBe('2026-W20');
    expect(isoWeek('2026-05-10')).toBe('2026-W19');
  });
});

describe('cycles finished each week', () => {
  it('are counted in the last 8 weeks, oldest first, this week last', () => {
    const weeks = lastWeeks('2027-01-06');
    expect(weeks).toHaveLength(8);
    expect(weeks[0]).toEqual({ monday: '2026-11-16', isoWeek: '2026-W47' });
    expect(weeks.at(-1)).toEqual({ monday: '2027-01-04', isoWeek: '2027-W01' });
    expect(weeks.map((week) => week.isoWeek)).toContain('2026-W53');
    const counts = cyclesPerWeek(
      [
        '2027-01-06',
        '2027-01-04',
        '2027-01-03', // Sunday: the week before
        '2026-11-16', // the first day counted
        '2026-11-15', // the day before it: left out
        '2027-01-11', // next week: left out
        'not a date',
      ],
      weeks,
    );
    expect(counts).toEqual([1, 0, 0, 0, 0, 0, 1, 2]);
  });
});
