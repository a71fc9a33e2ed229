import { describe as group, expect, it } from 'vitest';
import type { AuditEntryView, MemberView } from '../../../shared/protocol/organisations.ts';
import { aboutWhat, describe, kindOf, whoActed } from './audit-events.ts';

const members = new Map<string, MemberView>([
  ['m-ada', { id: 'm-ada', name: 'Ada Admin', role: 'administrator', createdAt: '2030-01-01T00:00:00Z' }],
  [
    'm-tom',
    {
      id: 'm-tom',
      name: 'Tom Tutor',
      role: 'tutor',
      createdAt: '2030-01-01T00:00:00Z',
      removedAt: '2030-02-01T00:00:00Z',
    },
  ],
]);
const entry = (fields: Partial<AuditEntryView> & { action: string }): AuditEntryView => ({
  at: '2030-01-02T09:30:00Z',
  ...fields,
});

group('an audit log entry as the page shows it', () => {
  it('sorts every action the relay writes into a kind of event', () => {
    expect(kindOf(entry({ action: 'member invited' }))).toBe('invitations');
    expect(kindOf(entry({ action: 'member invited again' }))).toBe('invitations');
    expect(kindOf(entry({ action: 'signed in' }))).toBe('sign-ins');
    expect(kindOf(entry({ action: 'role changed' }))).toBe('roles');
    expect(kindOf(entry({ action: 'member removed' }))).toBe('removals');
    expect(kindOf(entry({ action: 'link made' }))).toBe('links');
    expect(kindOf(entry({ action: 'link withdrawn' }))).toBe('links');
    expect(kindOf(entry({ action: 'decision' }))).toBe('decisions');
    expect(kindOf(entry({ action: 'word added' }))).toBe('words');
    expect(kindOf(entry({ action: 'word removed' }))).toBe('words');
    expect(kindOf(entry({ action: 'something new' }))).toBe('other');
  });

  it('says what happened to a learner’s data: the format and how many reports, and where the learner is named', () => {
    const exported = entry({ action: 'learner exported', subject: 'Gus Hale', detail: { reports: 2, format: 'pdf' } });
    expect(kindOf(exported)).toBe('learners');
    expect(describe(exported)).toBe('Learner’s data exported (PDF, 2 reports)');
    expect(describe(entry({ action: 'learner erased', detail: { reports: 1 } }))).toBe('Learner erased (1 report)');
    expect(aboutWhat(exported, members)).toBe('Gus Hale');
  });

  it('says what happened in words, from the entry’s details', () => {
    expect(describe(entry({ action: 'settings changed', detail: { reviewTargetDays: 3 } }))).toBe(
      'Review target now 3 working days',
    );
    expect(
      describe(entry({ action: 'settings changed', detail: { sessionIdleMinutes: 30, reviewTargetDays: 1 } })),
    ).toBe('Sessions now end after 30 minutes unused; Review target now 1 working day');
    expect(describe(entry({ action: 'report client set', detail: { clientId: 'client-9' } }))).toBe(
      'Client set to client-9',
    );
    expect(kindOf(entry({ action: 'report client set' }))).toBe('reports');
    expect(
      describe(
        entry({
          action: 'decision',
          detail: { decision: 'approve', from: 'submitted', to: 'approved', name: 'Rita', bulk: true },
        }),
      ),
    ).toBe('Approved, from submitted to approved, with others at once (signed as Rita)');
    expect(describe(entry({ action: 'member invited', detail: { name: 'Tom', role: 'quality-reviewer' } }))).toBe(
      'Invited as quality reviewer',
    );
    expect(describe(entry({ action: 'role changed', detail: { from: 'tutor', to: 'mentor' } }))).toBe(
      'Role changed from tutor to mentor',
    );
    expect(describe(entry({ action: 'link withdrawn', detail: { role: 'reviewer', alsoWithdrawn: 2 } }))).toBe(
      'A reviewer link withdrawn, with 2 made from it',
    );
    expect(
      describe(
        entry({ action: 'decision', detail: { decision: 'submit', from: 'draft', to: 'submitted', name: 'Tom' } }),
      ),
    ).toBe('Submitted, from draft to submitted (signed as Tom)');
    expect(describe(entry({ action: 'decision', detail: { decision: 'teacher-sign' } }))).toBe('Teacher sign');
    expect(describe(entry({ action: 'signed in' }))).toBe('Signed in');
    expect(describe(entry({ action: 'signed in', detail: { with: 'invitation' } }))).toBe(
      'Signed in for the first time, with their invitation',
    );
    expect(describe(entry({ action: 'word added', detail: { word: 'Okafor' } }))).toBe('Word added: Okafor');
    expect(describe(entry({ action: 'word removed', detail: { word: 'Ofsted' } }))).toBe('Word removed: Ofsted');
    expect(describe(entry({ action: 'something new' }))).toBe('Something new');
  });

  it('names members, removed ones too, and a report by its id', () => {
    expect(whoActed(entry({ action: 'signed in', actor: 'm-ada' }), members)).toBe('Ada Admin');
    expect(whoActed(entry({ action: 'member invited' }), members)).toBe('Margin (from a shell, or the set-up)');
    expect(whoActed(entry({ action: 'link made', detail: { withRole: 'tutor' } }), members)).toBe(
      'Someone with a tutor link',
    );
    expect(aboutWhat(entry({ action: 'member removed', subject: 'm-tom' }), members)).toBe('Tom Tutor (removed)');
    expect(aboutWhat(entry({ action: 'decision', subject: 'report-7' }), members)).toBe('Report report-7');
    expect(aboutWhat(entry({ action: 'settings changed' }), members)).toBe('');
  });
});

group('timesheet events in the audit log', () => {
  it('are their own kind, and say which month and how it was exported', () => {
    expect(kindOf(entry({ action: 'timesheet exported' }))).toBe('timesheets');
    expect(kindOf(entry({ action: 'month closed' }))).toBe('timesheets');
    expect(describe(entry({ action: 'timesheet exported', detail: { month: '2030-01', format: 'pdf' } }))).toBe(
      'Payroll for 2030-01 exported (PDF)',
    );
    expect(describe(entry({ action: 'month closed', detail: { month: '2030-01', rows: [] } }))).toBe(
      'Timesheets for 2030-01 closed',
    );
  });
});
