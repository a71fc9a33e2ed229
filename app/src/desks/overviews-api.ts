// Calls for the coordinator's coaching overview, the progress reviews overview and the quality team's plan of observations
// (shared/protocol/overviews.ts), answered as the rest of the organisations API is (organisation-api.ts).
import {
  CoachingOverview,
  ObservationPlan,
  overviewPaths,
  ReviewsOverviewPage,
  reviewsOverviewPath,
} from '../../../shared/protocol/overviews.ts';
import { call } from '../organisation/organisation-api.ts';

export const overviewsApi = {
  coaching: () => call(CoachingOverview, 'GET', overviewPaths.coaching),
  observationPlan: () => call(ObservationPlan, 'GET', overviewPaths.observationPlan),
  /** A page of the progress reviews overview, the first unless `offset` says, with every group's count. */
  reviews: (page: { offset?: number } = {}) => call(ReviewsOverviewPage, 'GET', reviewsOverviewPath(page)),
};
