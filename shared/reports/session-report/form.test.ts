import { describe, expect, it } from 'vitest';
import { SessionReport, paidAttendanceCodes, sessionReportFieldId, sessionTookPlace } from './form.ts';
import { freeTextLimit } from '../../forms/fields.ts';

const good = {
  date: '2026-11-23',
  start: '13:00',
  finish: '13:45',
  delivery: 'Online at home',
  subject: 'English',
  learners: [{ id: 'l1', name: 'Sam' }],
  attendance: { l1: { code: 'Present' } },
  content: {
    learningObjectives: [{ text: 'Use a semicolon to join two related clauses.', attainment: 'Partly achieved' }],
    progressComment: 'Joined 4 of 6 clause pairs correctly.',
    engagement: { withObjectives: 'Good', attitude: 'Good' },
    engagementComment: 'Focused for the whole session.',
  },
};

const messages = (input: unknown) => SessionReport.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];

describe('SessionReport schema', () => {
  it('accepts a complete report and defaults the session type to Tuition', () => {
    const parsed = SessionReport.parse(good);
    expect(parsed.sessionType).toBe('Tuition');
    expect(parsed.content?.agencyComment).toBe('');
  });

  it('refuses a free-text field over 1,024 characters, saying how long it is', () => {
    const long = 'a'.repeat(freeTextLimit + 1);
    expect(messages({ ...good, content: { ...good.content, progressComment: long } })).toEqual([
      'This field holds at most 1,024 characters; it has 1025.',
    ]);
    expect(messages({ ...good, content: { ...good.content, progressComment: 'a'.repeat(freeTextLimit) } })).toEqual([]);
  });

  it('needs at least one learning objective, and no more than three', () => {
    expect(messages({ ...good, content: { ...good.content, learningObjectives: [] } })).toEqual([
      'Give at least one learning objective.',
    ]);
    const four = Array.from({ length: 4 }, () => good.content.learningObjectives[0]);
    expect(messages({ ...good, content: { ...good.content, learningObjectives: four } })).toHaveLength(1);
  });

  it('refuses blank required text, a finish before the start, and a bad date', () => {
    expect(messages({ ...good, content: { ...good.content, engagementComment: '   ' } })).toEqual([
      'This field is required.',
    ]);
    expect(messages({ ...good, finish: '12:00' })).toEqual(['The finish time must be after the start time.']);
    expect(messages({ ...good, date: '23/11/2026' })).toEqual(['Give the date, for example 03/12/2026.']);
  });

  it('asks only for attendance when the learner was absent, with a reason', () => {
    const absent = { ...good, attendance: { l1: { code: 'Absent', absenceReason: 'Illness' } }, content: undefined };
    expect(messages(absent)).toEqual([]);
    expect(messages({ ...absent, delivery: undefined })).toEqual([]);
    expect(messages({ ...good, delivery: undefined })).toEqual(['Choose how the session was delivered.']);
    expect(messages({ ...absent, attendance: { l1: { code: 'Absent' } } })).toEqual([
      'Choose a reason for the absence.',
    ]);
    expect(messages({ ...good, content: undefined })).toEqual([
      'Fill in the objectives, progress and engagement for this session.',
    ]);
  });

  it('needs attendance for every learner', () => {
    expect(messages({ ...good, attendance: {} })).toEqual(['Record attendance for Sam.']);
  });

  it('knows which codes are paid and which mean the session took place', () => {
    expect(paidAttendanceCodes).toEqual(['Present', 'Absent', 'Late', 'Unauthorised Cancellation']);
    expect(sessionTookPlace({ a: { code: 'Absent' }, b: { code: 'Late' } })).toBe(true);
    expect(sessionTookPlace({ a: { code: 'Tutor Cancellation' } })).toBe(false);
  });

  it('needs attendance for the group, Present when even one learner attended', () => {
    const group = {
      ...good,
      learners: [
        { id: 'l1', name: 'Sam' },
        { id: 'l2', name: 'Kit' },
      ],
      attendance: { l1: { code: 'Present' }, l2: { code: 'Absent', absenceReason: 'Illness' } },
    };
    expect(messages({ ...group, groupAttendance: 'Present' })).toEqual([]);
    expect(messages(group)).toEqual(['Choose the attendance for the group.']);
    expect(messages({ ...group, groupAttendance: 'Absent' })).toEqual([
      'At least one learner attended, so the group is recorded as Present.',
    ]);
    const noneCame = {
      l1: { code: 'Absent', absenceReason: 'Unknown' },
      l2: { code: 'Absent', absenceReason: 'Illness' },
    };
    expect(messages({ ...group, attendance: noneCame, content: undefined, groupAttendance: 'Absent' })).toEqual([]);
    expect(messages({ ...group, attendance: noneCame, content: undefined, groupAttendance: 'Present' })).toEqual([
      'No learner attended, so the group cannot be recorded as Present.',
    ]);
    expect(messages({ ...good, groupAttendance: undefined })).toEqual([]);
  });

  it('takes a problem to the form element it is about', () => {
    expect(sessionReportFieldId(['attendance', 'l2', 'absenceReason'])).toBe('absenceReason-l2');
    expect(sessionReportFieldId(['attendance', 'l2'])).toBe('attendance-l2');
    expect(sessionReportFieldId(['content', 'learningObjectives', 1, 'attainment'])).toBe('attainment2');
    expect(sessionReportFieldId(['content', 'learningObjectives', 2, 'text'])).toBe('learningObjective3');
    expect(sessionReportFieldId(['content', 'engagement', 'attitude'])).toBe('attitudeToSession');
    expect(sessionReportFieldId(['content', 'progressComment'])).toBe('progressComment');
    expect(sessionReportFieldId(['groupAttendance'])).toBe('groupAttendance');
  });
});
