import { describe, expect, it } from 'vitest';
import { powers, roles } from '../protocol/roles.ts';
import { contentLocked, reportStatuses, transition, workflowActions } from './status.ts';

const allowed = new Set([
  'draft submit tutor',
  'submitted approve reviewer',
  'submitted reject reviewer',
  'resubmitted approve reviewer',
  'resubmitted reject reviewer',
  'rejected resubmit tutor',
]);

describe('report status machine', () => {
  it('allows exactly the listed transitions, for exactly the listed roles', () => {
    for (const from of reportStatuses) {
      for (const action of workflowActions) {
        for (const role of roles) {
          const result = transition(from, action, role, 'Spelling in objective 2.');
          expect(result.ok, `${from} ${action} ${role}`).toBe(allowed.has(`${from} ${action} ${role}`));
        }
      }
    }
  });

  it('moves to the right status', () => {
    expect(transition('draft', 'submit', 'tutor')).toEqual({ ok: true, value: { to: 'submitted' } });
    expect(transition('submitted', 'approve', 'reviewer')).toEqual({ ok: true, value: { to: 'approved' } });
    expect(transition('submitted', 'reject', 'reviewer', 'Objective 1 is not measurable.')).toEqual({
      ok: true,
      value: { to: 'rejected' },
    });
    expect(transition('rejected', 'resubmit', 'tutor')).toEqual({ ok: true, value: { to: 'resubmitted' } });
  });

  it('says why a transition is refused', () => {
    expect(transition('draft', 'approve', 'tutor')).toEqual({
      ok: false,
      problem: 'A tutor cannot approve a report; only a reviewer can.',
    });
    expect(transition('approved', 'reject', 'reviewer', 'late')).toEqual({
      ok: false,
      problem: 'A report that is approved cannot be rejected.',
    });
    expect(transition('submitted', 'reject', 'reviewer', '  ')).toEqual({
      ok: false,
      problem: 'Say why the report is rejected, so the tutor knows what to fix.',
    });
  });

  it('locks content while a report is with the reviewer or approved', () => {
    expect(reportStatuses.filter(contentLocked)).toEqual([
      'submitted',
      'approved',
      'resubmitted',
      'teacher-to-comment',
      'needs-signatures',
      'with-reviewer',
      'reviewed',
    ]);
  });
});

describe('the roles that review', () => {
  it('are exactly those that may approve or send back a report (so no link for an organisation’s report carries one)', () => {
    for (const role of roles) {
      expect(transition('submitted', 'approve', role).ok).toBe(powers[role].reviews);
      expect(transition('submitted', 'reject', role, 'Missing objectives').ok).toBe(powers[role].reviews);
    }
  });
});
