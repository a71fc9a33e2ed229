// What the reviewer's queue ("Reports to review") asks the relay for: the organisation's submitted and resubmitted
// reports, the one waiting longest first, narrowed by the reviewer's filter (tutor, learner, client, kind, submitted
// between two days of their own calendar, and a search), each with how many working days it has waited.
import type {
  OrganisationReportQuery,
  OrganisationReportSummary,
  ReportChoices,
} from '../../../shared/protocol/organisations.ts';
import { qaObservation } from '../../../shared/reports/qa-observation/index.ts';
import { addDays, localDate, startOfLocalDay } from '../../../shared/workflow/calendar.ts';
import { workingDaysBetween } from '../../../shared/workflow/working-days.ts';

export interface QueueFilter {
  /** The owner's member id, or '' for any. */
  tutor: string;
  learner: string;
  client: string;
  /** A kind's id ("session-report"). */
  kind: string;
  /** Submitted on or after this day (ISO "YYYY-MM-DD", the reviewer's calendar), or '' for any. */
  from: string;
  /** Submitted on or before this day, or '' for any. */
  to: string;
  search: string;
}

export const noFilter: QueueFilter = { tutor: '', learner: '', client: '', kind: '', from: '', to: '', search: '' };

export const isFiltered = (filter: QueueFilter): boolean => Object.values(filter).some((value) => value.trim() !== '');

/** Whether two filters choose the same. */
export const sameFilter = (a: QueueFilter, b: QueueFilter): boolean =>
  (Object.keys(noFilter) as (keyof QueueFilter)[]).every((key) => a[key] === b[key]);

/**
 * The relay's query for the reports waiting that the filter keeps: submitted for review (a quality observation's
 * "submitted" is its feedback sent to the tutor, with nothing to decide), longest waiting first. The days submitted
 * are the reviewer's own: from the start of the first to the start of the day after the last, as moments.
 */
export function queueQuery(filter: QueueFilter): OrganisationReportQuery {
  const search = filter.search.trim();
  return {
    status: ['submitted', 'resubmitted'],
    notKind: qaObservation.kind,
    order: 'submitted',
    ...(filter.tutor ? { tutor: filter.tutor } : {}),
    ...(filter.learner ? { learner: filter.learner } : {}),
    ...(filter.client ? { client: filter.client } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.from ? { submittedFrom: startOfLocalDay(filter.from).toISOString() } : {}),
    ...(filter.to ? { submittedBefore: startOfLocalDay(addDays(filter.to, 1)).toISOString() } : {}),
    ...(search ? { q: search } : {}),
  };
}

/**
 * What the selects offer once the relay sends new choices: its choices, and the filter's own choice from `before`
 * when no report waiting has it any more (the last of a tutor's approved), so the select still shows what it holds.
 */
export function keepChosen(choices: ReportChoices, before: ReportChoices, filter: QueueFilter): ReportChoices {
  const kept = <T>(now: T[], then: T[], chosen: string, id: (each: T) => string) =>
    chosen && !now.some((each) => id(each) === chosen) ? [...now, ...then.filter((each) => id(each) === chosen)] : now;
  const itself = (each: string) => each;
  return {
    tutors: kept(choices.tutors, before.tutors, filter.tutor, (each) => each.id),
    learners: kept(choices.learners, before.learners, filter.learner, itself),
    clients: kept(choices.clients, before.clients, filter.client, itself),
    kinds: kept(choices.kinds, before.kinds, filter.kind, (each) => each.id),
  };
}

/** Why the dates cannot both hold, or undefined when they can. */
export const datesProblem = (filter: QueueFilter): string | undefined =>
  filter.from && filter.to && filter.from > filter.to ? 'The first day is after the last: no report fits.' : undefined;

/** How many working days a report has waited since it was submitted, by the reviewer's own calendar. */
export const waitedDays = (report: OrganisationReportSummary, now: Date): number =>
  workingDaysBetween(localDate(new Date(report.submittedAt ?? report.changedAt)), localDate(now));
