// What a session report is held to before it may be submitted: its schema, and its date within the assignment;
// and, while a learner's attendance is still to be chosen, what it will be held to once it is.
import { isIsoDate, formatDate } from '../../workflow/calendar.ts';
import {
  checkWithChoices,
  problemsFrom,
  withRules,
  type Labeller,
  type OpenChoice,
  type SubmissionCheck,
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

const withAttendance = (
  draft: SessionReportDraft,
  learnerId: string,
  code: 'Present' | 'Absent',
): SessionReportDraft => ({
  ...draft,
  attendance: { ...draft.attendance, [learnerId]: { code } },
});

/**
 * The attendance still to be chosen, each learner's one choice: attended (the objectives, progress and engagement are
 * then asked for) or absent (then a reason). While nobody is recorded as attending, "attended" is one outcome for the
 * whole group, since any one learner attending asks for the same.
 */
export function openAttendanceChoices(draft: SessionReportDraft): OpenChoice<SessionReportDraft>[] {
  const open = draft.learners.filter((learner) => !draft.attendance[learner.id]?.code);
  const attendedYet = sessionTookPlace(draft.attendance);
  return open.map((learner, index) => ({
    fieldId: `attendance-${learner.id}`,
    outcomes: [
      ...(attendedYet || index > 0
        ? []
        : [
            {
              when: `If ${open.length > 1 ? open.map((l) => l.name).join(' or ') : learner.name} attended`,
              draft: withAttendance(draft, learner.id, 'Present'),
            },
          ]),
      { when: `If ${learner.name} was absent`, draft: withAttendance(draft, learner.id, 'Absent') },
    ],
  }));
}

/** The problems now, and those each way of recording a learner's attendance still to be chosen would add. */
export function sessionReportCheck(draft: SessionReportDraft, context: SubmissionContext = {}): SubmissionCheck {
  return checkWithChoices(draft, openAttendanceChoices(draft), (chosen) => sessionReportProblems(chosen, context));
}
