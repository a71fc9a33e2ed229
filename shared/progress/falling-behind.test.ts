import { describe, expect, it } from 'vitest';
import { fallingBehindReasons, fallingBehindRules } from './falling-behind.ts';

const today = '2026-12-04';
const none = { scores: [], attended: 0, missed: 0, sessionDates: [] };

describe('falling behind', () => {
  it('is not anyone with nothing recorded', () => {
    expect(fallingBehindReasons(none, today)).toEqual([]);
  });

  it('flags a latest score more than 5 points below the target set before it, not 5 exactly', () => {
    const scores = (score: number) => [
      { date: '2026-11-01', score: 40, target: 60 },
      { date: '2026-11-30', score, target: 70 },
    ];
    expect(fallingBehindReasons({ ...none, scores: scores(54) }, today)).toEqual([
      'Latest score 54 is 6 points below the target of 60 (more than 5 points short).',
    ]);
    expect(fallingBehindReasons({ ...none, scores: scores(55) }, today)).toEqual([]);
    // A progress report's own copy of the target it was written against comes first (its plan may be elsewhere).
    expect(
      fallingBehindReasons(
        { ...none, scores: [{ date: '2026-11-30', score: 50, target: 70, previousTarget: 58 }] },
        today,
      ),
    ).toEqual(['Latest score 50 is 8 points below the target of 58 (more than 5 points short).']);
    // Its own new target is for later: a plan alone is never short of it.
    expect(fallingBehindReasons({ ...none, scores: [{ date: '2026-11-30', score: 30, target: 70 }] }, today)).toEqual(
      [],
    );
  });

  it('flags attendance under 85% once three sessions count', () => {
    expect(fallingBehindReasons({ ...none, attended: 5, missed: 1, sessionDates: [today] }, today)).toEqual([
      'Attended 5 of 6 sessions (83%), under 85%.',
    ]);
    expect(fallingBehindReasons({ ...none, attended: 6, missed: 1, sessionDates: [today] }, today)).toEqual([]);
    expect(fallingBehindReasons({ ...none, attended: 1, missed: 1, sessionDates: [today] }, today)).toEqual([]);
    expect(fallingBehindRules.attendanceMinimumSessions).toBe(3);
  });

  it('flags no progress report for more than 7 weeks while sessions go on, and none since the first session', () => {
    const scores = [{ date: '2026-10-15', score: 50, target: 60 }];
    expect(fallingBehindReasons({ ...none, scores, attended: 1, sessionDates: ['2026-11-20'] }, today)).toEqual([
      'No progress report for 7 weeks (due every six; flagged after 7).',
    ]);
    // Within 7 weeks, or no session since (the programme ended), it is not.
    expect(fallingBehindReasons({ ...none, scores, attended: 1, sessionDates: ['2026-10-10'] }, today)).toEqual([]);
    expect(
      fallingBehindReasons(
        { ...none, scores: [{ date: '2026-10-20', score: 50 }], sessionDates: ['2026-11-20'] },
        today,
      ),
    ).toEqual([]);
    expect(fallingBehindReasons({ ...none, attended: 2, sessionDates: ['2026-12-01', '2026-09-01'] }, today)).toEqual([
      'No plan or progress report in the 13 weeks since their first session (flagged after 7).',
    ]);
  });
});
