import { describe, expect, it } from 'vitest';
import { parseMonth } from '../protocol/timesheets.ts';
import type { SessionReportDraft } from '../reports/session-report/doc.ts';
import { hoursAndMinutes, sessionMinutes, timesheetCells, timesheetRow, timesheetTotals } from './rows.ts';

const facts = { reportId: 'r1', tutorId: 't1', tutorName: 'Tom Tutor', status: 'approved' as const };
const report = (changes: Partial<SessionReportDraft> = {}) =>
  ({
    date: '2030-01-07',
    start: '13:00',
    finish: '14:30',
    subject: 'Maths',
    sessionType: 'Tuition',
    learners: [{ id: 'l1', name: 'Gus Hale' }],
    attendance: { l1: { code: 'Present' } },
    ...changes,
  }) as SessionReportDraft;

describe('a session as a timesheet row', () => {
  it('takes its date, times, duration, type and attendance from the report', () => {
    expect(timesheetRow(report({ sessionType: 'Assessment' }), facts)).toEqual({
      ...facts,
      date: '2030-01-07',
      start: '13:00',
      finish: '14:30',
      minutes: 90,
      sessionType: 'Assessment',
      attendance: 'Present',
      paid: true,
      counted: true,
    });
  });

  it('measures a duration in whole minutes, and none for missing times or a finish not after the start', () => {
    expect(sessionMinutes('09:05', '09:50')).toBe(45);
    expect(sessionMinutes('23:00', '23:59')).toBe(59);
    expect(sessionMinutes('14:00', '13:00')).toBe(0);
    expect(sessionMinutes('14:00', '14:00')).toBe(0);
    expect(sessionMinutes('', '14:00')).toBe(0);
    expect(sessionMinutes('9:00', '10:00')).toBe(0);
  });

  it('pays Present, Absent, Late and Unauthorised Cancellation, and never the other codes', () => {
    for (const code of ['Present', 'Absent', 'Late', 'Unauthorised Cancellation'])
      expect(timesheetRow(report({ attendance: { l1: { code } } } as never), facts)).toMatchObject({
        paid: true,
        counted: true,
      });
    for (const code of ['Rescheduled', 'Tutor Absent', 'Authorised Cancellation', 'Tutor Cancellation'])
      expect(timesheetRow(report({ attendance: { l1: { code } } } as never), facts)).toMatchObject({
        attendance: code,
        paid: false,
        counted: false,
      });
    expect(timesheetRow(report({ attendance: {} }), facts)).toMatchObject({ attendance: '', paid: false });
  });

  it('takes a group’s code from the group, not from one learner', () => {
    const group = report({
      learners: [
        { id: 'l1', name: 'Gus Hale' },
        { id: 'l2', name: 'Amy Lee' },
      ],
      attendance: { l1: { code: 'Present' }, l2: { code: 'Absent' } } as never,
      groupAttendance: 'Tutor Cancellation',
    });
    expect(timesheetRow(group, facts)).toMatchObject({ attendance: 'Tutor Cancellation', paid: false });
  });

  it('counts only approved sessions, and totals the rest not yet approved apart', () => {
    const rows = [
      timesheetRow(report(), facts),
      timesheetRow(report({ attendance: { l1: { code: 'Rescheduled' } } } as never), facts),
      timesheetRow(report({ start: '10:00', finish: '11:00' }), { ...facts, status: 'submitted' }),
      timesheetRow(report({ start: '10:00', finish: '10:30' }), { ...facts, status: 'draft' }),
    ];
    expect(rows.map((row) => row.counted)).toEqual([true, false, false, false]);
    expect(timesheetTotals(rows)).toEqual({
      countedSessions: 1,
      countedMinutes: 90,
      pendingSessions: 2,
      pendingMinutes: 90,
    });
    expect(hoursAndMinutes(90)).toBe('1:30');
    expect(hoursAndMinutes(5)).toBe('0:05');
  });

  it('gives its cells in the columns’ order, with the status as people read it', () => {
    expect(timesheetCells(timesheetRow(report(), { ...facts, status: 'resubmitted' }))).toEqual([
      'Tom Tutor',
      '2030-01-07',
      '13:00',
      '14:30',
      '90',
      'Tuition',
      'Present',
      'Yes',
      'Amended and resubmitted',
      'No',
      'r1',
    ]);
  });
});

describe('a month in the address', () => {
  it('is YYYY-MM, a real month, and says how to write it otherwise', () => {
    expect(parseMonth('2030-01')).toEqual({ ok: true, value: '2030-01' });
    for (const bad of ['2030-13', '2030-00', '2030-1', '30-01', '2030-01-07', 'January', '1999-12', ' 2030-01'])
      expect(parseMonth(bad)).toMatchObject({ ok: false, problem: expect.stringContaining('YYYY-MM') });
    expect(parseMonth(null)).toMatchObject({ ok: false, problem: expect.stringContaining('?month=YYYY-MM') });
  });
});
