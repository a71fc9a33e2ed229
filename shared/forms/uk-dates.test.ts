import { describe, expect, it } from 'vitest';
import { dateFieldText, formatMoment, parseDate, parseTime } from './uk-dates.ts';

const value = (typed: ReturnType<typeof parseDate>) => (typed.ok ? typed.value : `problem: ${typed.problem}`);

describe('dates as people type them', () => {
  it('reads the day first, in figures or words, and the stored form', () => {
    for (const typed of [
      '03/12/2026',
      '3/12/2026',
      ' 3.12.2026 ',
      '3-12-2026',
      '3 Dec 2026',
      'Thu 3 December 2026',
      '3rd Dec. 2026',
      '2026-12-03',
    ])
      expect(value(parseDate(typed)), typed).toBe('2026-12-03');
    expect(value(parseDate('12/03/2026'))).toBe('2026-03-12'); // 12 March, never 3 December
    expect(value(parseDate('1 Sept 2026'))).toBe('2026-09-01');
    expect(value(parseDate('29/02/2028'))).toBe('2028-02-29');
  });

  it('leaves an empty field empty', () => {
    expect(parseDate('   ')).toEqual({ ok: true, value: undefined });
  });

  it('says what is wrong, quoting what was typed', () => {
    expect(parseDate('next Tuesday')).toEqual({
      ok: false,
      problem: '"next Tuesday" is not a date we can read: write it as dd/mm/yyyy, for example 03/12/2026.',
    });
    expect(parseDate('31/02/2026')).toEqual({
      ok: false,
      problem: '"31/02/2026" is not a date: February 2026 has 28 days.',
    });
    expect(parseDate('03/13/2026')).toEqual({
      ok: false,
      problem: '"03/13/2026" has no month 13: write the date as dd/mm/yyyy, for example 03/12/2026.',
    });
    expect(parseDate('3/12/26')).toEqual({ ok: false, problem: 'Give the year in full, for example 03/12/2026.' });
    expect(parseDate('3 Smarch 2026').ok).toBe(false);
    expect(parseDate('2026-02-30').ok).toBe(false);
  });

  it('shows a stored date as dd/mm/yyyy', () => {
    expect(dateFieldText('2026-12-03')).toBe('03/12/2026');
    expect(dateFieldText(undefined)).toBe('');
    expect(dateFieldText('not a date')).toBe('not a date');
  });
});

describe('times as people type them', () => {
  it('reads the 24-hour clock, am and pm, and a few words', () => {
    const cases: Record<string, string> = {
      '16:00': '16:00',
      '16.00': '16:00',
      '1600': '16:00',
      '930': '09:30',
      '9:05': '09:05',
      '16': '16:00',
      '4pm': '16:00',
      '4 PM': '16:00',
      '4:30 p.m.': '16:30',
      '12am': '00:00',
      '12pm': '12:00',
      '00:00': '00:00',
      noon: '12:00',
      Midnight: '00:00',
    };
    for (const [typed, stored] of Object.entries(cases)) expect(value(parseTime(typed)), typed).toBe(stored);
    expect(parseTime('')).toEqual({ ok: true, value: undefined });
  });

  it('says what is wrong, quoting what was typed', () => {
    expect(parseTime('tea time')).toEqual({
      ok: false,
      problem: '"tea time" is not a time we can read: write it on the 24-hour clock as hh:mm, for example 16:00.',
    });
    expect(parseTime('25:00')).toEqual({
      ok: false,
      problem: '"25:00" is not a time: on the 24-hour clock the hour goes from 00 to 23.',
    });
    expect(parseTime('16:75')).toEqual({ ok: false, problem: '"16:75" has 75 minutes: minutes go from 00 to 59.' });
    expect(parseTime('13pm')).toEqual({
      ok: false,
      problem: '"13pm" is not a time: with am or pm, the hour goes from 1 to 12.',
    });
  });
});

describe('moments', () => {
  const moment = '2026-12-04T21:30:00Z';
  it('are British whatever the locale, in the time zone asked for', () => {
    expect(formatMoment(moment, 'short', 'Europe/London')).toBe('4 Dec 2026, 21:30');
    expect(formatMoment(moment, 'long', 'Europe/London')).toBe('4 December 2026 at 21:30');
    expect(formatMoment(moment, 'this-year', 'Europe/London')).toBe('4 Dec, 21:30');
    expect(formatMoment(moment, 'day', 'Europe/London')).toBe('4 December 2026');
    expect(formatMoment(moment, 'short', 'America/New_York')).toBe('4 Dec 2026, 16:30');
  });
});
