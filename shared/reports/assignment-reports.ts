// An assignment's reports with their due dates, from the kinds that say when they are due (registry.ts).
import { type AssignmentSchedule, type DueReport, dueReportsFor, type FiledReport } from '../workflow/due-dates.ts';
import { dueRules } from './registry.ts';

/** Every report an assignment needs, per learner, with its due date and state. */
export const dueReports = (
  assignment: AssignmentSchedule,
  reports: readonly FiledReport[],
  today: string,
): DueReport[] => dueReportsFor(dueRules, assignment, reports, today);
