import { describe, expect, it } from 'vitest';
import { dueRules } from '../reports/registry.ts';
import type { DueReport } from './due-dates.ts';
import { pendingActions, sessionAwaitingReport } from './pending-actions.ts';

const sam = { id: 'l1', name: 'Sam' };
const due = ({ kind = 'ilp', ...over }: Partial<DueReport>): DueReport => ({
  assignmentId: 'a1',
  kind,
  rule: dueRules.find((rule) => rule.kind === kind)!,
  learner: sam,
  state: 'due',
  ...over,
});

describe('pending actions', () => {
  it('lists a session once it has finished, until its report is submitted', () => {
    const session = { date: '2026-11-23', finish: '13:45' };
    expect(sessionAwaitingReport(session, 'draft', '2026-11-23', '13:44')).toBe(false);
    expect(sessionAwaitingReport(session, 'draft', '2026-11-23', '13:45')).toBe(true);
    expect(sessionAwaitingReport(session, 'draft', '2026-11-24', '09:00')).toBe(true);
    expect(sessionAwaitingReport(session, 'submitted', '2026-11-24', '09:00')).toBe(false);
    expect(sessionAwaitingReport(session, 'rejected', '2026-11-24', '09:00')).toBe(false);
    expect(sessionAwaitingReport({ date: '2026-11-30', finish: '10:00' }, 'draft', '2026-11-23', '23:00')).toBe(false);
  });

  it('puts rejected reports first with the reviewer’s reason, then overdue, unreported and due, each saying where to act', () => {
    const actions = pendingActions({
      rejected: [{ id: 'r1', title: 'Session report: Sam: Maths', rejectionReason: 'Objective 2 is not measurable.' }],
      due: [
        { due: due({ kind: 'final-report', dueDate: '2026-12-01' }), subject: 'Maths' },
        {
          due: due({
            kind: 'progress-report',
            number: 1,
            dueDate: '2026-11-20',
            state: 'overdue',
            reportId: 'p1',
            status: 'draft',
          }),
          subject: 'Maths',
        },
        {
          due: due({ kind: 'ilp', state: 'overdue', dueDate: '2026-11-05', reportId: 'i1', status: 'rejected' }),
          subject: 'Maths',
        },
        { due: due({ kind: 'ilp', state: 'done', reportId: 'i2', status: 'approved' }), subject: 'Maths' },
      ],
      unreported: [{ reportId: 's1', date: '2026-11-19', start: '10:00', learnerNames: ['Sam'], subject: 'Maths' }],
    });
    expect(actions).toEqual([
      {
        kind: 'rejected',
        about: 'Session report: Sam: Maths',
        detail: 'Rejected: Objective 2 is not measurable.',
        step: 'Amend the report',
        reportId: 'r1',
      },
      {
        kind: 'overdue',
        about: 'Progress report 1: Sam, Maths',
        detail: 'Overdue: it was due on Fri 20 Nov 2026.',
        step: 'Continue the draft',
        reportId: 'p1',
      },
      {
        kind: 'unreported',
        about: 'Session: Sam, Maths',
        detail: 'The session on Thu 19 Nov 2026 at 10:00 has no submitted report.',
        step: 'Write the report',
        reportId: 's1',
      },
      {
        kind: 'due',
        about: 'Final progress report: Sam, Maths',
        detail: 'Due by Tue 1 Dec 2026.',
        step: 'Write the final report',
        assignmentId: 'a1',
      },
    ]);
  });

  it('says a plan with no second session yet is due by the second session', () => {
    expect(
      pendingActions({ rejected: [], due: [{ due: due({}), subject: 'Maths' }], unreported: [] })[0],
    ).toMatchObject({
      detail: 'Due by the second session.',
      step: 'Write the plan',
      assignmentId: 'a1',
    });
  });
});
