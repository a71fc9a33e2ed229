import { describe, expect, it } from 'vitest';
import { fieldRole } from './field-role.ts';

describe('fieldRole', () => {
  it.each([
    ['learningObjective1', 'learning-objective'],
    ['learningObjective3', 'learning-objective'],
    ['progressComment', 'progress-comment'],
    ['progressAchieved', 'progress-comment'],
    ['engagementComment', 'comment'],
    ['assessmentComments', 'comment'],
    ['onTrackReasons', 'comment'],
    ['agencyComment', 'internal'],
    ['learnerComments', 'learner-words'],
    ['plan', 'other'],
    ['planToAchieveTarget', 'other'],
  ])('reads %s as %s', (field, role) => {
    expect(fieldRole({ field })).toBe(role);
  });

  it('takes the role a form gives over the key', () => {
    expect(fieldRole({ field: 'plan', role: 'comment' })).toBe('comment');
    expect(fieldRole({})).toBe('other');
  });
});
