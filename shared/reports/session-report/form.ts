// The STEPS session report (domain guide 000): the fields a tutor fills in after every session.
import { z } from 'zod';
import {
  ClockTime,
  FreeText,
  IsoDate,
  Learner,
  RequiredFreeText,
  Subject,
  evenWithOtherProblems,
  maxGroupSize,
  type FreeTextField,
} from '../../forms/fields.ts';

export const sessionTypes = ['Tuition', 'Assessment'] as const;
export const deliveryModes = ['Online in school', 'Online at home', 'In person'] as const;

/** Attendance codes; the first four are paid, the rest are not. */
export const attendanceCodes = [
  'Present',
  'Absent',
  'Late',
  'Unauthorised Cancellation',
  'Rescheduled',
  'Tutor Absent',
  'Authorised Cancellation',
  'Tutor Cancellation',
] as const;
export type AttendanceCode = (typeof attendanceCodes)[number];
export const paidAttendanceCodes: readonly AttendanceCode[] = [
  'Present',
  'Absent',
  'Late',
  'Unauthorised Cancellation',
];
/** Codes for which a session took place, so the rest of the report is asked for. */
export const attendedCodes: readonly AttendanceCode[] = ['Present', 'Late'];

export const absenceReasons = [
  'Illness',
  'Medical appointment',
  'Refused to attend',
  'Absconded',
  'Family circumstances',
  'Excluded',
  'Unknown',
  'Other',
] as const;

export const attainmentLevels = ['Not yet achieved', 'Partly achieved', 'Achieved', 'Exceeded'] as const;
export const engagementLevels = ['Excellent', 'Good', 'Satisfactory', 'Needs improvement', 'Poor'] as const;

/** The two engagement objectives are pre-filled; the tutor only chooses a level for each. */
export const engagementObjectives = [
  { key: 'withObjectives', label: 'Engagement with learning objectives' },
  { key: 'attitude', label: 'Attitude to session' },
] as const;

export const maxLearningObjectives = 3;

export const Attendance = z
  .object({
    code: z.enum(attendanceCodes, { error: 'Choose an attendance code.' }),
    absenceReason: z.enum(absenceReasons).optional(),
    absenceNote: FreeText.optional(),
  })
  .refine((a) => a.code !== 'Absent' || a.absenceReason !== undefined, {
    error: 'Choose a reason for the absence.',
    path: ['absenceReason'],
  });
export type Attendance = z.infer<typeof Attendance>;

export const LearningObjective = z.object({
  text: RequiredFreeText,
  attainment: z.enum(attainmentLevels, { error: 'Choose the attainment for this objective.' }),
});

const SessionDetails = z.object({
  date: IsoDate,
  start: ClockTime,
  finish: ClockTime,
  sessionType: z.enum(sessionTypes).default('Tuition'),
  /** Asked for only when the session took place: for absent learners attendance is all a report needs. */
  delivery: z.enum(deliveryModes, { error: 'Choose how the session was delivered.' }).optional(),
  subject: Subject,
  learners: z.array(Learner).min(1).max(maxGroupSize),
  /** For a group (1:2, 1:3): "Present" when any learner attended, even if only one did. */
  groupAttendance: z.enum(attendanceCodes, { error: 'Choose an attendance code for the group.' }).optional(),
  attendance: z.record(z.string(), Attendance),
});

export const SessionContent = z.object({
  learningObjectives: z
    .array(LearningObjective)
    .min(1, { error: 'Give at least one learning objective.' })
    .max(maxLearningObjectives),
  progressComment: RequiredFreeText,
  engagement: z.object({
    withObjectives: z.enum(engagementLevels, { error: 'Choose a level for engagement with learning objectives.' }),
    attitude: z.enum(engagementLevels, { error: 'Choose a level for attitude to session.' }),
  }),
  engagementComment: RequiredFreeText,
  /** Internal to the agency: clients never see it. Empty when there is nothing to raise. */
  agencyComment: FreeText.default(''),
});

/** True when at least one learner attended, so objectives, progress and engagement are asked for. */
export function sessionTookPlace(attendance: Record<string, { code?: string } | undefined>): boolean {
  return Object.values(attendance).some(
    (a) => a?.code !== undefined && (attendedCodes as readonly string[]).includes(a.code),
  );
}

/**
 * A complete session report, as it must be to be submitted. When no learner attended, only the
 * session details and attendance are asked for; the rest stays blank.
 */
export const SessionReport = SessionDetails.extend({ content: SessionContent.optional() }).superRefine(
  (report, ctx) => {
    const issue = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const learners = Array.isArray(report.learners) ? report.learners : [];
    const attendance = report.attendance && typeof report.attendance === 'object' ? report.attendance : {};
    if (
      typeof report.start === 'string' &&
      typeof report.finish === 'string' &&
      report.start &&
      report.finish <= report.start
    ) {
      issue(['finish'], 'The finish time must be after the start time.');
    }
    for (const learner of learners) {
      if (!attendance[learner.id]) issue(['attendance', learner.id], `Record attendance for ${learner.name}.`);
    }
    const tookPlace = sessionTookPlace(attendance);
    if (learners.length > 1) {
      const group = report.groupAttendance;
      if (!group) issue(['groupAttendance'], 'Choose the attendance for the group.');
      else if (tookPlace && group !== 'Present')
        issue(['groupAttendance'], 'At least one learner attended, so the group is recorded as Present.');
      else if (!tookPlace && (attendedCodes as readonly string[]).includes(group)) {
        issue(['groupAttendance'], `No learner attended, so the group cannot be recorded as ${group}.`);
      }
    }
    if (tookPlace && report.delivery === undefined) issue(['delivery'], 'Choose how the session was delivered.');
    if (tookPlace && !report.content)
      issue(['content'], 'Fill in the objectives, progress and engagement for this session.');
  },
  evenWithOtherProblems,
);
export type SessionReport = z.infer<typeof SessionReport>;

/** The free-text fields of a session report, in the order the form shows them. */
export const sessionReportTextFields: readonly FreeTextField[] = [
  ...Array.from({ length: maxLearningObjectives }, (_, i) => ({
    key: `learningObjective${i + 1}`,
    label: `Learning objective ${i + 1}`,
    hint: 'What the learner is expected to achieve in the session: specific, measurable and achievable.',
  })),
  {
    key: 'progressComment',
    label: 'Comment on progress towards learning objectives',
    hint: 'What the learner achieved, or did not achieve, against the objectives.',
  },
  {
    key: 'engagementComment',
    label: 'Engagement comment',
    hint: "A brief comment on the learner's attitude to learning.",
  },
  {
    key: 'agencyComment',
    label: 'Comment to the agency',
    hint: 'Internal: for tuition co-ordinators and the quality team. Clients never see it. Leave empty if there is nothing to raise.',
    internal: true,
  },
];

/** The form element a problem at this schema path is about, so a list of problems can take the user there. */
export function sessionReportFieldId(path: readonly PropertyKey[]): string {
  const [first, second, third, fourth] = path.map(String);
  if (first === 'attendance') return third === 'absenceReason' ? `absenceReason-${second}` : `attendance-${second}`;
  if (first !== 'content') return first ?? 'date';
  if (second === 'learningObjectives') {
    return fourth === 'attainment' ? `attainment${Number(third) + 1}` : `learningObjective${Number(third ?? 0) + 1}`;
  }
  if (second === 'engagement') return third === 'attitude' ? 'attitudeToSession' : 'engagementWithObjectives';
  return second ?? 'learningObjective1';
}

const sessionReportLabels: Record<string, string> = {
  date: 'Date',
  start: 'Start',
  finish: 'Finish',
  sessionType: 'Session type',
  delivery: 'Session delivery',
  subject: 'Subject',
  groupAttendance: 'Group attendance',
  engagementWithObjectives: 'Engagement with learning objectives',
  attitudeToSession: 'Attitude to session',
  ...Object.fromEntries(sessionReportTextFields.map((field) => [field.key, field.label])),
  ...Object.fromEntries(
    Array.from({ length: maxLearningObjectives }, (_, i) => [
      `attainment${i + 1}`,
      `Attainment for objective ${i + 1}`,
    ]),
  ),
};

/** The label of the form element with this id, as the form shows it. */
export function sessionReportFieldLabel(fieldId: string, learners: readonly Learner[]): string | undefined {
  const [kind, learnerId] = fieldId.split(/-(.*)/s);
  const learner = learners.find((l) => l.id === learnerId);
  if (kind === 'attendance' && learner) return `Attendance: ${learner.name}`;
  if (kind === 'absenceReason' && learner) return `Reason for absence: ${learner.name}`;
  return sessionReportLabels[fieldId];
}
