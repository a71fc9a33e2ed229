// GET /api/organisation/reviews (docs/protocol.md, "Progress reviews overview"): one page of the termly reviews a
// school's coordinator or an appropriate body's reviewer may see, group by group (overdue, due, awaiting the early
// career teacher's comments, awaiting signatures, with the appropriate body, read), with each group's count over
// every page. Read from the report directory's termly review rows, never by opening the reports.
import type { IncomingMessage } from 'node:http';
import { londonDate } from '../../shared/coaching/weekly-cycles.ts';
import { reviewsOverviewRoles } from '../../shared/protocol/organisations.ts';
import {
  ReviewsOverviewGroup,
  type ReviewsOverviewPage,
  ReviewsOverviewQuery,
  type ReviewsOverviewRow,
} from '../../shared/protocol/overviews.ts';
import { pageOf } from '../../shared/protocol/paging.ts';
import { reviewDashboardState } from '../../shared/reports/termly-review/due.ts';
import { termlyReview } from '../../shared/reports/termly-review/index.ts';
import { scopesFor } from '../directory/report-directory.ts';
import { memberFacts } from './member-facts.ts';
import { type MemberReportsContext, summariesFor } from './member-reports.ts';
import { memberFor } from './overviews.ts';
import { type Answer, readQuery } from './requests.ts';

const groupOrder = ReviewsOverviewGroup.options;

export async function reviewsOverview(context: MemberReportsContext, request: IncomingMessage): Promise<Answer> {
  const member = await memberFor(
    context,
    request,
    reviewsOverviewRoles,
    'The progress reviews overview is for a school’s coordinators and an appropriate body’s reviewers.',
  );
  const page = readQuery(request, ReviewsOverviewQuery, 'The page asked for is not one the relay reads.');
  const facts = await memberFacts(context.store, member);
  const { reports } = await summariesFor(context, facts, { scopes: scopesFor(facts), kindId: termlyReview.kind });
  const today = londonDate(new Date());
  const grouped: ReviewsOverviewRow[] = [];
  for (const report of reports) {
    const group = ReviewsOverviewGroup.safeParse(reviewDashboardState(report.status, report.date, today));
    if (group.success) grouped.push({ ...report, group: group.data });
  }
  grouped.sort(
    (a, b) =>
      groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group) ||
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      a.id.localeCompare(b.id),
  );
  const counts = Object.fromEntries(groupOrder.map((group) => [group, 0])) as ReviewsOverviewPage['counts'];
  for (const row of grouped) counts[row.group] += 1;
  const body: ReviewsOverviewPage = { ...pageOf(grouped, page), counts, today };
  return { status: 200, body };
}
