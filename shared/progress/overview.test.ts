import { describe, expect, it } from 'vitest';
import { attendanceOf, progressOverview, type ProgressReportFact } from './overview.ts';

const gus = { id: 'l1', name: 'Gus Hale' };
const amy = { id: 'l2', name: 'Amy Lee' };
const tom = { tutorId: 't1', tutorName: 'Tom Tutor' };

const session = (
  id: string,
  date: string,
  codes: Record<string, string>,
  learners = [gus, amy],
): ProgressReportFact => ({
  reportId: id,
  kind: 'Session report',
  ...tom,
  entry: {
    learners,
    date,
    session: { learnerIds: learners.map((l) => l.id), date, start: '13:00', finish: '14:00', subject: 'Maths' },
    attendance: codes,
  },
});

describe('learner progress overview', () => {
  it('sorts attendance codes the way the rules count them', () => {
    expect(
      ['Present', 'Late', 'Absent', 'Unauthorised Cancellation', 'Rescheduled', 'Tutor Absent'].map(attendanceOf),
    ).toEqual(['attended', 'attended', 'missed', 'missed', 'notCounted', 'notCounted']);
  });

  it('gathers each learner’s scores, attendance by week and their tutor’s last checklist; falling behind first', () => {
    const facts: ProgressReportFact[] = [
      {
        reportId: 'plan',
        kind: 'Individual Learning Plan',
        ...tom,
        entry: { learners: [gus], date: '2026-11-02', score: 40, target: 60 },
      },
      {
        reportId: 'pr',
        kind: 'Progress report',
        ...tom,
        entry: { learners: [gus], date: '2026-11-30', score: 48, target: 65 },
      },
      session('s1', '2026-11-23', { l1: 'Present', l2: 'Present' }),
      session('s2', '2026-11-25', { l1: 'Absent', l2: 'Present' }),
      session('s3', '2026-12-01', { l1: 'Unauthorised Cancellation', l2: 'Late' }),
      session('s4', '2026-12-02', { l1: 'Tutor Cancellation', l2: 'Present' }),
      {
        reportId: 'old-check',
        kind: 'Progress-review checklist',
        ...tom,
        entry: { learners: [], date: '2026-10-01', checklist: { title: 'Autumn', rated: 2, weak: [] } },
      },
      {
        reportId: 'check',
        kind: 'Progress-review checklist',
        ...tom,
        entry: {
          learners: [],
          date: '2026-11-20',
          checklist: { title: 'Maths team', rated: 3, weak: [{ statement: 'Sets homework.', strength: 'None' }] },
        },
      },
      {
        reportId: 'elsewhere',
        kind: 'Progress-review checklist',
        tutorId: 't2',
        tutorName: 'Other',
        entry: { learners: [], date: '2026-12-01', checklist: { title: 'Not Tom’s', rated: 1, weak: [] } },
      },
    ];
    const [first, second] = progressOverview(facts, '2026-12-04');
    expect(first).toMatchObject({
      learner: 'Gus Hale',
      tutors: ['Tom Tutor'],
      latestScore: 48,
      target: 65,
      lastProgressReport: '2026-11-30',
      attendance: {
        attended: 1,
        missed: 2,
        notCounted: 1,
        rate: 1 / 3,
        weeks: [
          { week: '2026-11-23', attended: 1, missed: 1 },
          { week: '2026-11-30', attended: 0, missed: 1 },
        ],
      },
      checklist: {
        reportId: 'check',
        title: 'Maths team',
        tutor: 'Tom Tutor',
        weak: [{ statement: 'Sets homework.' }],
      },
      fallingBehind: true,
      reasons: [
        'Latest score 48 is 12 points below the target of 60 (more than 5 points short).',
        'Attended 1 of 3 sessions (33%), under 85%.',
      ],
    });
    expect(first!.scores.map((point) => point.reportId)).toEqual(['plan', 'pr']);
    expect(second).toMatchObject({ learner: 'Amy Lee', fallingBehind: false, reasons: [], attendance: { rate: 1 } });
    expect(second!.latestScore).toBeUndefined();
  });

  it('counts one learner once whoever wrote about them, by name', () => {
    const other = {
      ...session('s9', '2026-12-01', { x: 'Present' }, [{ id: 'x', name: ' gus hale ' }]),
      tutorId: 't2',
      tutorName: 'Ann',
    };
    const rows = progressOverview([session('s1', '2026-11-23', { l1: 'Present' }, [gus]), other], '2026-12-04');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ learner: 'Gus Hale', tutors: ['Ann', 'Tom Tutor'], attendance: { attended: 2 } });
  });
});
