// Each desk's first request, asked as its route is matched: alongside "who are you?" (GET /api/session) and while the
// route's chunk loads, rather than once the page is drawn and knows who you are. The relay refuses a role the desk is
// not for, and the page's guard (MembersOnly) then says so from the session without showing the answer. A link only
// hovered (intent "preload") fetches the chunk and asks for nothing. Nothing is kept: each navigation asks again.
import type { RoutePreloadFuncArgs } from '@solidjs/router';
import { askOrganisationReportsEarly } from '../organisation/OrganisationReports.tsx';
import { organisationApi } from '../organisation/organisation-api.ts';
import { askReportsToReviewEarly } from '../organisation/ReportsToReview.tsx';
import { lastRole } from '../organisation/signed-in.ts';
import { overviewsApi } from './overviews-api.ts';

const navigating = (args: RoutePreloadFuncArgs) => args.intent !== 'preload';

/** This month, YYYY-MM: the month a timesheet opens on. */
export const thisMonth = () => new Date().toISOString().slice(0, 7);

/** The home page's desk, by the role this tab was last signed in with: the review queue or the organisation's list. */
export function homeFirstPage(args: RoutePreloadFuncArgs): void {
  if (!navigating(args)) return;
  const role = lastRole();
  if (role === 'quality-reviewer') askReportsToReviewEarly();
  else if (role !== undefined && role !== 'administrator') askOrganisationReportsEarly();
}

export const reviewsFirstPage = (args: RoutePreloadFuncArgs) => (navigating(args) ? overviewsApi.reviews() : undefined);
export type ReviewsFirstPage = ReturnType<typeof reviewsFirstPage>;

export const timesheetFirstPage = (args: RoutePreloadFuncArgs) =>
  navigating(args) ? { month: thisMonth(), answer: organisationApi.timesheet(thisMonth()) } : undefined;
export type TimesheetFirstPage = ReturnType<typeof timesheetFirstPage>;

/** A learner's record (a client contact's), for the learner the address names. */
export function learnerRecordFirstPage(args: RoutePreloadFuncArgs) {
  const named = args.location.query.learner;
  const learner = (Array.isArray(named) ? named[0] : named)?.trim();
  return navigating(args) && learner ? { learner, answer: organisationApi.learnerRecord(learner) } : undefined;
}
export type LearnerRecordFirstPage = ReturnType<typeof learnerRecordFirstPage>;
