// A closed month keeps what was counted when it was closed (a snapshot of its rows). Anything different about the
// month's sessions since (a report approved, edited or decided again, added or gone) is a change to flag, never a
// silent change to what was paid.
import type { TimesheetChange, TimesheetRow } from '../protocol/timesheets.ts';
import { statusLabels } from '../workflow/status.ts';
import { hoursAndMinutes } from './rows.ts';

const described: { key: keyof TimesheetRow; label: string; shown: (row: TimesheetRow) => string }[] = [
  { key: 'date', label: 'date', shown: (row) => row.date },
  { key: 'start', label: 'start', shown: (row) => row.start },
  { key: 'finish', label: 'finish', shown: (row) => row.finish },
  { key: 'minutes', label: 'duration', shown: (row) => hoursAndMinutes(row.minutes) },
  { key: 'sessionType', label: 'session type', shown: (row) => row.sessionType },
  { key: 'attendance', label: 'attendance', shown: (row) => row.attendance || 'not recorded' },
  { key: 'status', label: 'status', shown: (row) => statusLabels[row.status] },
  { key: 'counted', label: 'counted', shown: (row) => (row.counted ? 'yes' : 'no') },
];

/** What differs between the rows counted when the month was closed and its rows now, one change per report. */
export function changesSinceClosing(closed: readonly TimesheetRow[], now: readonly TimesheetRow[]): TimesheetChange[] {
  const before = new Map(closed.map((row) => [row.reportId, row]));
  const after = new Map(now.map((row) => [row.reportId, row]));
  const changes: TimesheetChange[] = [];
  for (const row of now) {
    const was = before.get(row.reportId);
    const what = was
      ? described
          .filter(({ key }) => was[key] !== row[key])
          .map(({ label, shown }) => `${label} ${shown(was)} → ${shown(row)}`)
      : [`added after closing (${statusLabels[row.status].toLowerCase()})`];
    if (what.length > 0) changes.push({ reportId: row.reportId, tutorName: row.tutorName, date: row.date, what });
  }
  for (const was of closed)
    if (!after.has(was.reportId))
      changes.push({
        reportId: was.reportId,
        tutorName: was.tutorName,
        date: was.date,
        what: ['no longer in this month (moved to another date or removed)'],
      });
  return changes;
}
