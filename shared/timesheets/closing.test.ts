import { describe, expect, it } from 'vitest';
import type { TimesheetRow } from '../protocol/timesheets.ts';
import { changesSinceClosing } from './closing.ts';

const row = (changes: Partial<TimesheetRow> = {}): TimesheetRow => ({
  reportId: 'r1',
  tutorId: 't1',
  tutorName: 'Tom Tutor',
  date: '2030-01-07',
  start: '13:00',
  finish: '14:00',
  minutes: 60,
  sessionType: 'Tuition',
  attendance: 'Present',
  paid: true,
  status: 'submitted',
  counted: false,
  ...changes,
});

describe('changes to a closed month', () => {
  it('are none while every session is as it was counted', () => {
    expect(changesSinceClosing([row()], [row()])).toEqual([]);
  });

  it('name the session and each difference: approved after closing, times edited', () => {
    const changes = changesSinceClosing(
      [row(), row({ reportId: 'r2', start: '15:00', finish: '16:00' })],
      [
        row({ status: 'approved', counted: true }),
        row({ reportId: 'r2', start: '15:00', finish: '16:30', minutes: 90 }),
      ],
    );
    expect(changes).toEqual([
      {
        reportId: 'r1',
        tutorName: 'Tom Tutor',
        date: '2030-01-07',
        what: ['status Submitted → Approved', 'counted no → yes'],
      },
      {
        reportId: 'r2',
        tutorName: 'Tom Tutor',
        date: '2030-01-07',
        what: ['finish 16:00 → 16:30', 'duration 1:00 → 1:30'],
      },
    ]);
  });

  it('flag sessions added after closing and sessions gone from the month', () => {
    const changes = changesSinceClosing([row()], [row({ reportId: 'late', status: 'approved', counted: true })]);
    expect(changes.map((change) => [change.reportId, change.what])).toEqual([
      ['late', ['added after closing (approved)']],
      ['r1', ['no longer in this month (moved to another date or removed)']],
    ]);
  });
});
