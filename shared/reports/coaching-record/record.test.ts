import { describe, expect, it } from 'vitest';
import type { ChosenStep } from '../coaching-cycle/cycle.ts';
import { activityHistory, currentStep, oneActiveStep, startCheck, type CycleSummary } from './record.ts';

const step = (id: string): ChosenStep => ({
  id,
  title: `Step ${id}`,
  successCriteria: ['It happens'],
  source: 'library',
});
const done = (
  id: string,
  week: string,
  finishedOn: string,
  next: string,
  review?: 'met' | 'not-yet',
): CycleSummary => ({
  id,
  week,
  finishedOn,
  state: { stage: 'finished', nextStep: step(next), ...(review ? { review } : {}) },
});

describe("a teacher's coaching record", () => {
  it('starts with "Observe" and no step', () => {
    expect(startCheck([], '2026-11-18')).toEqual({
      ok: true,
      value: { label: 'Observe', previousStep: undefined, week: '2026-11-16' },
    });
    expect(currentStep([])).toBeUndefined();
  });

  it('offers "Coach again" in a week that already had a finished cycle, carrying the current step to review', () => {
    const cycles = [done('c1', '2026-11-16', '2026-11-17', 'a')];
    expect(startCheck(cycles, '2026-11-20')).toMatchObject({
      ok: true,
      value: { label: 'Coach again', previousStep: step('a') },
    });
    expect(startCheck(cycles, '2026-11-23')).toMatchObject({ ok: true, value: { label: 'Observe' } });
  });

  it('refuses a new cycle while one is open: one active step at a time', () => {
    const cycles: CycleSummary[] = [
      done('c1', '2026-11-16', '2026-11-17', 'a'),
      { id: 'c2', week: '2026-11-16', state: { stage: 'feedback', nextStep: step('b') } },
    ];
    expect(startCheck(cycles, '2026-11-18')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/one action step at a time/),
    });
    expect(currentStep(cycles)?.id).toBe('a');
    expect(oneActiveStep(cycles)).toEqual({ ok: true, value: undefined });
    expect(oneActiveStep([...cycles, { id: 'c3', week: '2026-11-16', state: { stage: 'observe' } }])).toMatchObject({
      ok: false,
    });
  });

  it('logs every step set with how the next cycle judged it', () => {
    const cycles = [
      done('c1', '2026-11-09', '2026-11-10', 'a'),
      done('c2', '2026-11-16', '2026-11-17', 'a', 'not-yet'),
      done('c3', '2026-11-23', '2026-11-24', 'b', 'met'),
      { id: 'c4', week: '2026-11-30', state: { stage: 'observe' as const, review: 'met' as const } },
    ];
    expect(activityHistory(cycles)).toEqual([
      { cycleId: 'c1', step: step('a'), setOn: '2026-11-10', outcome: 'not-yet', reviewedOn: '2026-11-17' },
      { cycleId: 'c2', step: step('a'), setOn: '2026-11-17', outcome: 'met', reviewedOn: '2026-11-24' },
      { cycleId: 'c3', step: step('b'), setOn: '2026-11-24', outcome: 'current' },
    ]);
    expect(currentStep(cycles)?.id).toBe('b');
  });
});
