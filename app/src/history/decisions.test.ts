import { describe, expect, it } from 'vitest';
import type { Decision } from '../../../shared/doc/status-doc.ts';
import { decisionName, sentBackAndResubmitted } from './decisions.ts';

const decision = (action: Decision['action'], at = '2030-03-04T10:05:00.000Z'): Decision => ({
  action,
  from: 'draft',
  to: 'submitted',
  by: { name: 'Rita Reviewer', role: 'reviewer' },
  at,
  contentHash: 'ab',
});

describe('the versions a reviewer compares first', () => {
  it('are the last send-back’s and the resubmission’s, only while the report is resubmitted', () => {
    expect(sentBackAndResubmitted([])).toBeUndefined();
    expect(sentBackAndResubmitted([decision('submit')])).toBeUndefined();
    expect(sentBackAndResubmitted([decision('submit'), decision('reject')])).toBeUndefined();
    expect(sentBackAndResubmitted([decision('submit'), decision('reject'), decision('resubmit')])).toEqual({
      sentBack: 2,
      resubmitted: 3,
    });
    const twice = ['submit', 'reject', 'resubmit', 'reject', 'resubmit'] as const;
    expect(sentBackAndResubmitted(twice.map((action) => decision(action)))).toEqual({ sentBack: 4, resubmitted: 5 });
    expect(
      sentBackAndResubmitted(['submit', 'reject', 'resubmit', 'approve'].map((a) => decision(a as 'submit'))),
    ).toBeUndefined();
  });

  it('are named with their number, what was decided, by whom in their role’s words, and when', () => {
    expect(decisionName(decision('reject'), 2, (role) => `quality ${role}`)).toMatch(
      /^2\. Sent back by Rita Reviewer \(quality reviewer\), 4 March 2030 at \d{2}:05$/,
    );
  });
});
