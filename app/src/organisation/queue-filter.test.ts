import { describe, expect, it } from 'vitest';
import type { OrganisationReportSummary } from '../../../shared/protocol/organisations.ts';
import { pastTarget } from '../../../shared/workflow/working-days.ts';
import { datesProblem, filterQueue, noFilter, toReview, waitedDays } from './queue-filter.ts';

/** Noon UTC, so the day is the same on any test machine's calendar from UTC-11 to UTC+11. */
const noon = (day: string) => `${day}T12:00:00.000Z`;

const report = (id: string, over: Partial<OrganisationReportSummary> = {}): OrganisationReportSummary => ({
  id,
  ownerName: 'Tom Tutor',
  status: 'submitted',
  role: 'reviewer',
  changedAt: noon('2030-01-07'),
  submittedAt: noon('2030-01-07'),
  ...over,
});

const queue = [
  report('a', {
    clientId: 'client-9',
    learners: ['Gus Hale'],
    submittedAt: noon('2030-01-07'),
    kind: 'Session report',
  }),
  report('b', { clientId: 'client-3', learners: ['Amy Lee'], submittedAt: noon('2030-01-09'), ownerName: 'Sam Ng' }),
  report('c', { learners: ['Gus Hale'], submittedAt: noon('2030-01-14'), title: 'Gus Hale: Maths' }),
];
const ids = (reports: OrganisationReportSummary[]) => reports.map((each) => each.id);

describe('the reviewer’s queue', () => {
  it('keeps submitted and resubmitted reports only, the one waiting longest first', () => {
    expect(
      ids(
        toReview([
          report('late', { submittedAt: noon('2030-01-09') }),
          report('draft', { status: 'draft' }),
          report('early', { status: 'resubmitted', submittedAt: noon('2030-01-02') }),
          report('done', { status: 'approved' }),
          report('observation', { kind: 'Quality observation' }),
        ]),
      ),
    ).toEqual(['early', 'late']);
  });

  it('filters by client, tutor, learner and kind, an empty field keeping everything', () => {
    expect(ids(filterQueue(queue, noFilter))).toEqual(['a', 'b', 'c']);
    expect(ids(filterQueue(queue, { ...noFilter, client: 'client-9' }))).toEqual(['a']);
    expect(ids(filterQueue(queue, { ...noFilter, client: 'client-3', tutor: 'Tom Tutor' }))).toEqual([]);
    expect(ids(filterQueue(queue, { ...noFilter, learner: 'Gus Hale' }))).toEqual(['a', 'c']);
    expect(ids(filterQueue(queue, { ...noFilter, kind: 'Session report' }))).toEqual(['a']);
    expect(ids(filterQueue(queue, { ...noFilter, search: 'MATHS' }))).toEqual(['c']);
  });

  it('filters by the day submitted, both days included, either one alone', () => {
    expect(ids(filterQueue(queue, { ...noFilter, from: '2030-01-09' }))).toEqual(['b', 'c']);
    expect(ids(filterQueue(queue, { ...noFilter, to: '2030-01-09' }))).toEqual(['a', 'b']);
    expect(ids(filterQueue(queue, { ...noFilter, from: '2030-01-08', to: '2030-01-13' }))).toEqual(['b']);
    expect(datesProblem({ ...noFilter, from: '2030-01-10', to: '2030-01-09' })).toBe(
      'The first day is after the last: no report fits.',
    );
    expect(datesProblem({ ...noFilter, from: '2030-01-09', to: '2030-01-09' })).toBeUndefined();
  });

  it('counts the working days waited, flagged past the organisation’s own target', () => {
    // Submitted on Monday 7 January 2030; on Friday the 11th it has waited 4 working days.
    const friday = new Date('2030-01-11T12:00:00.000Z');
    expect(waitedDays(queue[0]!, friday)).toBe(4);
    expect(pastTarget(waitedDays(queue[0]!, friday))).toBe(true);
    expect(pastTarget(waitedDays(queue[0]!, friday), 5)).toBe(false);
    expect(pastTarget(waitedDays(queue[0]!, friday), 3)).toBe(true);
  });
});
