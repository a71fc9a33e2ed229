import { describe, expect, it } from 'vitest';
import type { OrganisationReportSummary } from '../../../shared/protocol/organisations.ts';
import { byLearner, learnerRecordPath, noLearner } from './by-learner.ts';

const report = (id: string, changedAt: string, learners?: string[]): OrganisationReportSummary => ({
  id,
  ownerId: 'tom',
  ownerName: 'Tom Tutor',
  ...(learners ? { learners } : {}),
  status: 'approved',
  role: 'client',
  changedAt,
});

describe('byLearner', () => {
  it('groups by learner in alphabetical order, each newest first, a report with two learners in both', () => {
    const groups = byLearner([
      report('old', '2030-01-01T10:00:00.000Z', ['Gus Hale']),
      report('both', '2030-02-01T10:00:00.000Z', ['Gus Hale', 'Amy Lee']),
      report('new', '2030-03-01T10:00:00.000Z', ['Gus Hale']),
    ]);
    expect(groups.map((group) => [group.learner, group.reports.map((each) => each.id)])).toEqual([
      ['Amy Lee', ['both']],
      ['Gus Hale', ['new', 'both', 'old']],
    ]);
  });

  it('puts reports that name no learner last, in a group of their own', () => {
    const groups = byLearner([
      report('blank', '2030-05-01T10:00:00.000Z'),
      report('a', '2030-01-01T10:00:00.000Z', ['Zoe Ng']),
    ]);
    expect(groups.map((group) => group.learner)).toEqual(['Zoe Ng', noLearner]);
  });

  it('makes a learner record address that survives any name', () => {
    expect(learnerRecordPath('Anne-Marie O’Neil & co')).toBe(
      '/learner-record?learner=Anne-Marie%20O%E2%80%99Neil%20%26%20co',
    );
  });
});
