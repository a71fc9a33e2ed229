import { describe, expect, it } from 'vitest';
import { dueReports } from '../reports/assignment-reports.ts';
import { needsAction, progressDueDates, type AssignmentSchedule, type FiledReport } from './due-dates.ts';

const sam = { id: 'l1', name: 'Sam' };
const kit = { id: 'l2', name: 'Kit' };
const assignment: AssignmentSchedule = {
  id: 'a1',
  learners: [sam],
  startDate: '2026-11-02',
  endDate: '2027-01-29',
  firstSessionDate: '2026-11-03',
  secondSessionDate: '2026-11-05',
};
const filed = (
  id: string,
  kind: FiledReport['kind'],
  status: FiledReport['status'],
  createdAt = '2026-11-04T10:00:00Z',
  learnerId = 'l1',
): FiledReport => ({
  id,
  kind,
  learnerId,
  status,
  createdAt,
});
const summary = (today: string, reports: FiledReport[] = [], schedule = assignment) =>
  dueReports(schedule, reports, today).map(
    (due) =>
      `${due.learner.name} ${due.kind}${due.number ?? ''} ${due.dueDate ?? '-'} ${due.state}${due.reportId ? ` ${due.reportId}` : ''}`,
  );

describe('due dates', () => {
  it('puts progress reports every six weeks from the first session, before the end date', () => {
    expect(progressDueDates('2026-11-03', '2027-01-29')).toEqual(['2026-12-15', '2027-01-26']);
    expect(progressDueDates('2026-11-03', '2027-01-26')).toEqual(['2026-12-15']);
  });

  it('makes the plan due by the second session and overdue the day after', () => {
    expect(summary('2026-11-05')).toEqual([
      'Sam ilp 2026-11-05 due',
      'Sam progress-report1 2026-12-15 due',
      'Sam progress-report2 2027-01-26 due',
      'Sam final-report 2027-01-29 due',
    ]);
    expect(summary('2026-11-06')[0]).toBe('Sam ilp 2026-11-05 overdue');
    expect(summary('2026-11-06', [filed('p', 'ilp', 'submitted')])[0]).toBe('Sam ilp 2026-11-05 done p');
  });

  it('has no date for the plan, and no progress reports, before there are sessions', () => {
    expect(
      summary('2026-11-01', [], { ...assignment, firstSessionDate: undefined, secondSessionDate: undefined }),
    ).toEqual(['Sam ilp - due', 'Sam final-report 2027-01-29 due']);
  });

  it('counts a report as done only once submitted, approved or resubmitted', () => {
    for (const [status, state] of [
      ['draft', 'overdue'],
      ['rejected', 'overdue'],
      ['submitted', 'done'],
      ['approved', 'done'],
      ['resubmitted', 'done'],
    ] as const) {
      expect(summary('2026-12-16', [filed('r', 'progress-report', status)])[1], status).toBe(
        `Sam progress-report1 2026-12-15 ${state} r`,
      );
    }
  });

  it('matches progress reports to due dates in the order they were written', () => {
    const reports = [
      filed('second', 'progress-report', 'draft', '2027-01-20T00:00:00Z'),
      filed('first', 'progress-report', 'approved', '2026-12-14T00:00:00Z'),
    ];
    expect(summary('2027-01-27', reports).slice(1, 3)).toEqual([
      'Sam progress-report1 2026-12-15 done first',
      'Sam progress-report2 2027-01-26 overdue second',
    ]);
  });

  it('lists each learner of a group separately', () => {
    const group = { ...assignment, learners: [sam, kit] };
    const lines = summary('2026-11-04', [filed('k', 'ilp', 'approved', '2026-11-04T00:00:00Z', 'l2')], group);
    expect(lines.filter((line) => line.includes('ilp'))).toEqual([
      'Sam ilp 2026-11-05 due',
      'Kit ilp 2026-11-05 done k',
    ]);
  });

  it('asks for action when overdue or due within two weeks', () => {
    const [plan, first, , final] = dueReports(assignment, [], '2026-12-01');
    expect(needsAction(plan!, '2026-12-01')).toBe(true); // overdue
    expect(needsAction(first!, '2026-12-01')).toBe(true); // 14 days away
    expect(needsAction(first!, '2026-11-30')).toBe(false); // 15 days away
    expect(needsAction(final!, '2026-12-01')).toBe(false);
    expect(needsAction({ ...plan!, state: 'done' }, '2026-12-01')).toBe(false);
  });
});
