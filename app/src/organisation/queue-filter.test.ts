import { afterEach, describe, expect, it } from 'vitest';
import { OrganisationReportQuery, reportListPath } from '../../../shared/protocol/organisations.ts';
import type { OrganisationReportSummary } from '../../../shared/protocol/organisations.ts';
import { pastTarget } from '../../../shared/workflow/working-days.ts';
import { datesProblem, isFiltered, keepChosen, noFilter, queueQuery, waitedDays } from './queue-filter.ts';

/** Noon UTC, so the day is the same on any test machine's calendar from UTC-11 to UTC+11. */
const noon = (day: string) => `${day}T12:00:00.000Z`;

const report: OrganisationReportSummary = {
  id: 'a',
  ownerId: 'tom',
  ownerName: 'Tom Tutor',
  status: 'submitted',
  role: 'reviewer',
  changedAt: noon('2030-01-07'),
  submittedAt: noon('2030-01-07'),
};

const zone = process.env.TZ;
afterEach(() => {
  process.env.TZ = zone;
});

describe('the reviewer’s queue', () => {
  it('asks the relay for the reports waiting for review, longest waiting first, leaving out quality observations', () => {
    expect(queueQuery(noFilter)).toEqual({
      status: ['submitted', 'resubmitted'],
      notKind: 'qa-observation',
      order: 'submitted',
    });
    expect(isFiltered(noFilter)).toBe(false);
  });

  it('passes each filter on to the relay, the search trimmed, an empty one left out', () => {
    const filter = { ...noFilter, tutor: 'm-1', learner: 'Gus Hale', client: 'client-9', kind: 'session-report' };
    expect(queueQuery({ ...filter, search: '  maths ' })).toMatchObject({
      tutor: 'm-1',
      learner: 'Gus Hale',
      client: 'client-9',
      kind: 'session-report',
      q: 'maths',
    });
    expect(queueQuery({ ...noFilter, search: '   ' })).not.toHaveProperty('q');
    expect(isFiltered({ ...noFilter, search: 'x' })).toBe(true);
  });

  it('turns the days submitted into moments on the reviewer’s own calendar, the last day whole', () => {
    process.env.TZ = 'Europe/London';
    // British Summer Time: the day starts an hour before midnight in UTC.
    expect(queueQuery({ ...noFilter, from: '2030-07-01', to: '2030-07-01' })).toMatchObject({
      submittedFrom: '2030-06-30T23:00:00.000Z',
      submittedBefore: '2030-07-01T23:00:00.000Z',
    });
    // The day the clocks go back is 25 hours long.
    expect(queueQuery({ ...noFilter, from: '2030-10-27', to: '2030-10-27' })).toMatchObject({
      submittedFrom: '2030-10-26T23:00:00.000Z',
      submittedBefore: '2030-10-28T00:00:00.000Z',
    });
    process.env.TZ = 'Pacific/Auckland';
    expect(queueQuery({ ...noFilter, to: '2030-01-09' })).toEqual(
      expect.objectContaining({ submittedBefore: '2030-01-09T11:00:00.000Z' }),
    );
    expect(queueQuery({ ...noFilter, to: '2030-01-09' })).not.toHaveProperty('submittedFrom');
  });

  it('makes an address the relay reads back as the same query', () => {
    const query = queueQuery({ ...noFilter, from: '2030-01-07', to: '2030-01-09', search: 'Ann & co' });
    const address = new URL(reportListPath({ ...query, choices: true, limit: 50 }), 'http://relay');
    expect(OrganisationReportQuery.parse(Object.fromEntries(address.searchParams))).toEqual({
      ...query,
      choices: true,
      limit: 50,
    });
  });

  it('keeps offering the filter’s own choice once no report waiting has it, and nothing else of before', () => {
    const before = {
      tutors: [
        { id: 'm-1', name: 'Tess Tutor' },
        { id: 'm-2', name: 'Tom Tutor' },
      ],
      learners: ['Gus Hale', 'Zoe Quill'],
      clients: ['client-3'],
      kinds: [{ id: 'ilp', label: 'Learning plan' }],
    };
    const now = { tutors: [{ id: 'm-2', name: 'Tom Tutor' }], learners: ['Gus Hale'], clients: [], kinds: [] };
    expect(keepChosen(now, before, noFilter)).toEqual(now);
    expect(keepChosen(now, before, { ...noFilter, tutor: 'm-1', learner: 'Zoe Quill', kind: 'ilp' })).toEqual({
      tutors: [
        { id: 'm-2', name: 'Tom Tutor' },
        { id: 'm-1', name: 'Tess Tutor' },
      ],
      learners: ['Gus Hale', 'Zoe Quill'],
      clients: [],
      kinds: [{ id: 'ilp', label: 'Learning plan' }],
    });
    expect(keepChosen(now, before, { ...noFilter, tutor: 'm-2' })).toEqual(now);
  });

  it('says when the first day is after the last', () => {
    expect(datesProblem({ ...noFilter, from: '2030-01-10', to: '2030-01-09' })).toBe(
      'The first day is after the last: no report fits.',
    );
    expect(datesProblem({ ...noFilter, from: '2030-01-09', to: '2030-01-09' })).toBeUndefined();
  });

  it('counts the working days waited, flagged past the organisation’s own target', () => {
    // Submitted on Monday 7 January 2030; on Friday the 11th it has waited 4 working days.
    const friday = new Date('2030-01-11T12:00:00.000Z');
    expect(waitedDays(report, friday)).toBe(4);
    expect(pastTarget(waitedDays(report, friday))).toBe(true);
    expect(pastTarget(waitedDays(report, friday), 5)).toBe(false);
    expect(pastTarget(waitedDays(report, friday), 3)).toBe(true);
  });
});
