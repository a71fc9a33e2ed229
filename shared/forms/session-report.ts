// The STEPS session report (domain guide 000): the fields a tutor fills in after every session.
import { z } from 'zod';
import { ClockTime, FreeText, IsoDate, RequiredFreeText, type FreeTextField } from './fields.ts';

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
export const paidAttendanceCodes: readonly AttendanceCode[] = ['Present', 'Absent', 'Late', 'Unauthorised Cancellation'];
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

export const Learner = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, { error: 'Give the learner a name.' }).max(120),
});
export type Learner = z.infer<typeof Learner>;

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
  delivery: z.enum(deliveryModes, { error: 'Choose how the session was delivered.' }),
  subject: z.string().trim().min(1, { error: 'Give the subject.' }).max(120),
  learners: z.array(Learner).min(1).max(3),
  attendance: z.record(z.string(), Attendance),
});

const SessionContent = z.object({
  learningObjectives: z.array(LearningObjective).min(1, { error: 'Give at least one learning objective.' }).max(maxLearningObjectives),
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
  return Object.values(attendance).some((a) => a?.code !== undefined && (attendedCodes as readonly string[]).includes(a.code));
}

/**
 * A complete session report, as it must be to be submitted. When no learner attended, only the
 * session details and attendance are asked for; the rest stays blank.
 */
export const SessionReport = SessionDetails.extend({ content: SessionContent.optional() }).superRefine((report, ctx) => {
  if (report.finish <= report.start) {
    ctx.addIssue({ code: 'custom', path: ['finish'], message: 'The finish time must be after the start time.' });
  }
  for (const learner of report.learners) {
    if (!report.attendance[learner.id]) {
      ctx.addIssue({ code: 'custom', path: ['attendance', learner.id], message: `Record attendance for ${learner.name}.` });
    }
  }
  if (sessionTookPlace(report.attendance) && !report.content) {
    ctx.addIssue({ code: 'custom', path: ['content'], message: 'Fill in the objectives, progress and engagement for this session.' });
  }
});
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
  { key: 'engagementComment', label: 'Engagement comment', hint: "A brief comment on the learner's attitude to learning." },
  {
    key: 'agencyComment',
    label: 'Comment to the agency',
    hint: 'Internal: for tuition co-ordinators and the quality team. Clients never see it. Leave empty if there is nothing to raise.',
    internal: true,
  },
];
