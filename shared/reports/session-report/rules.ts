// What a session report is held to before it may be submitted: its schema, and its date within the assignment.
import { isIsoDate, formatDate } from '../../workflow/calendar.ts';
import {
  problemsFrom,
  withRules,
  type Labeller,
  type SubmissionContext,
  type SubmissionProblem,
} from '../../workflow/submission.ts';
import { toSessionReportInput, type SessionReportDraft } from './doc.ts';
import { SessionReport, sessionReportFieldId, sessionReportFieldLabel, sessionTookPlace } from './form.ts';

const span = (assignment: { startDate: string; endDate: string }) =>
  `${formatDate(assignment.startDate)} to ${formatDate(assignment.endDate)}`;

export function sessionReportProblems(draft: SessionReportDraft, context: SubmissionContext = {}): SubmissionProblem[] {
  const label: Labeller = (id) => sessionReportFieldLabel(id, draft.learners);
  const found = problemsFrom(
    SessionReport.safeParse(toSessionReportInput(draft, sessionTookPlace(draft.attendance))),
    sessionReportFieldId,
    label,
  );
  const assignment = context.assignment;
  const outside =
    assignment && isIsoDate(draft.date) && (draft.date < assignment.startDate || draft.date > assignment.endDate);
  return withRules(
    found,
    [
      outside
        ? { fieldId: 'date', message: `The session date must fall within the assignment, ${span(assignment)}.` }
        : undefined,
    ],
    label,
  );
}
