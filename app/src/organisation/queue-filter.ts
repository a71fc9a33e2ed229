// What the reviewer's queue ("Reports to review") shows: the organisation's submitted and resubmitted reports, the one
// waiting longest first, kept by the reviewer's filter (tutor, learner, client, kind, submitted between two dates,
// and a search), each with how many working days it has waited.
import type { OrganisationReportSummary } from '../../../shared/protocol/organisations.ts';
import { qaObservation } from '../../../shared/reports/qa-observation/index.ts';
import { localDate } from '../../../shared/workflow/calendar.ts';
import { workingDaysBetween } from '../../../shared/workflow/working-days.ts';

/** Submitted for review; a quality observation's "submitted" is its feedback sent to the tutor, with nothing to decide. */
const waiting = (report: OrganisationReportSummary) =>
  (report.status === 'submitted' || report.status === 'resubmitted') && report.kind !== qaObservation.label;

const submittedAt = (report: OrganisationReportSummary) => report.submittedAt ?? report.changedAt;

/** Oldest submitted first: the report that has waited longest is reviewed first. */
export const toReview = (reports: OrganisationReportSummary[]): OrganisationReportSummary[] =>
  reports.filter(waiting).sort((a, b) => submittedAt(a).localeCompare(submittedAt(b)));

export interface QueueFilter {
  tutor: string;
  learner: string;
  client: string;
  kind: string;
  /** Submitted on or after this day (ISO "YYYY-MM-DD", the reviewer's calendar), or '' for any. */
  from: string;
  /** Submitted on or before this day, or '' for any. */
  to: string;
  search: string;
}

export const noFilter: QueueFilter = { tutor: '', learner: '', client: '', kind: '', from: '', to: '', search: '' };

/** The day a report was submitted, on the reviewer's own calendar. */
const submittedOn = (report: OrganisationReportSummary) => localDate(new Date(submittedAt(report)));

/** The reports a reviewer's filter keeps: an empty field keeps every report; the search looks in title, tutor and
 *  learners, ignoring case; the dates keep those submitted from the first day to the last, both included. */
export function filterQueue(reports: OrganisationReportSummary[], filter: QueueFilter): OrganisationReportSummary[] {
  const words = filter.search.trim().toLocaleLowerCase('en-GB');
  return reports.filter(
    (report) =>
      (!filter.tutor || report.ownerName === filter.tutor) &&
      (!filter.learner || (report.learners ?? []).includes(filter.learner)) &&
      (!filter.client || report.clientId === filter.client) &&
      (!filter.kind || report.kind === filter.kind) &&
      (!filter.from || submittedOn(report) >= filter.from) &&
      (!filter.to || submittedOn(report) <= filter.to) &&
      (!words ||
        [report.title ?? '', report.ownerName, ...(report.learners ?? [])]
          .join(' ')
          .toLocaleLowerCase('en-GB')
          .includes(words)),
  );
}

/** Why the dates cannot both hold, or undefined when they can. */
export const datesProblem = (filter: QueueFilter): string | undefined =>
  filter.from && filter.to && filter.from > filter.to ? 'The first day is after the last: no report fits.' : undefined;

/** How many working days a report has waited since it was submitted, by the reviewer's own calendar. */
export const waitedDays = (report: OrganisationReportSummary, now: Date): number =>
  workingDaysBetween(submittedOn(report), localDate(now));
