// A client contact's portal lists their approved reports by learner: one group per learner named in a report
// (a report with two learners is in both), learners in alphabetical order, each group's reports newest first.
import type { OrganisationReportSummary } from '../../../shared/protocol/organisations.ts';

/** The group for reports that name no learner yet (the relay holds no content for them). */
export const noLearner = 'No learner named yet';

export interface LearnerGroup {
  learner: string;
  reports: OrganisationReportSummary[];
}

export function byLearner(reports: readonly OrganisationReportSummary[]): LearnerGroup[] {
  const groups = new Map<string, OrganisationReportSummary[]>();
  for (const report of reports) {
    const learners = report.learners?.length ? report.learners : [noLearner];
    for (const learner of new Set(learners)) groups.set(learner, [...(groups.get(learner) ?? []), report]);
  }
  return [...groups]
    .map(([learner, listed]) => ({
      learner,
      reports: listed.toSorted((a, b) => b.changedAt.localeCompare(a.changedAt)),
    }))
    .sort((a, b) =>
      a.learner === noLearner ? 1 : b.learner === noLearner ? -1 : a.learner.localeCompare(b.learner, 'en-GB'),
    );
}

/** The address of a learner's whole record, one printable page. */
export const learnerRecordPath = (learner: string) => `/learner-record?learner=${encodeURIComponent(learner)}`;
