// Calls for the coordinator's coaching overview and the quality team's plan of observations
// (shared/protocol/overviews.ts), answered as the rest of the organisations API is (organisation-api.ts).
import { CoachingOverview, ObservationPlan, overviewPaths } from '../../../shared/protocol/overviews.ts';
import { call } from '../organisation/organisation-api.ts';

export const overviewsApi = {
  coaching: () => call(CoachingOverview, 'GET', overviewPaths.coaching),
  observationPlan: () => call(ObservationPlan, 'GET', overviewPaths.observationPlan),
};
