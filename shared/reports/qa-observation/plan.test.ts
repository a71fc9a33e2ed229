import { describe, expect, it } from 'vitest';
import { followUpDays, nextObservation, observationPlan } from './plan.ts';

const seen = (number: number, date: string, concerns: boolean, sent = true) => ({ number, date, concerns, sent });

describe('the next observation of a tutor', () => {
  it('is a spot check for a new tutor whose next session is their third, fourth or fifth, and nothing otherwise', () => {
    expect(nextObservation([], 1, '2026-12-04')).toBeUndefined();
    expect(nextObservation([], 2, '2026-12-04')).toEqual({ kind: 'spot-check', number: 1, session: 3 });
    expect(nextObservation([], 4, '2026-12-04')).toEqual({ kind: 'spot-check', number: 1, session: 5 });
    expect(nextObservation([], 5, '2026-12-04')).toBeUndefined();
    expect(nextObservation([], undefined, '2026-12-04')).toBeUndefined();
  });

  it('is a second after concerns, due two weeks after the first and overdue after that', () => {
    const first = seen(1, '2026-11-20', true);
    expect(followUpDays).toBe(14);
    expect(nextObservation([first], 9, '2026-12-04')).toEqual({
      kind: 'follow-up',
      number: 2,
      dueBy: '2026-12-04',
      overdue: false,
    });
    expect(nextObservation([first], 9, '2026-12-05')).toMatchObject({ number: 2, overdue: true });
  });

  it('is a third when the second has concerns too, and none after the third', () => {
    const observations = [seen(1, '2026-10-01', true), seen(2, '2026-10-20', true)];
    expect(nextObservation(observations, 9, '2026-10-25')).toMatchObject({
      kind: 'follow-up',
      number: 3,
      dueBy: '2026-11-03',
    });
    expect(nextObservation([...observations, seen(3, '2026-11-01', true)], 9, '2026-11-05')).toEqual({
      kind: 'concerns-after-third',
    });
    expect(nextObservation([...observations, seen(3, '2026-11-01', false)], 9, '2026-11-05')).toBeUndefined();
  });

  it('waits while the last observation is being written, and asks nothing after one without concerns', () => {
    expect(nextObservation([seen(1, '2026-11-20', true, false)], 3, '2026-12-04')).toEqual({
      kind: 'being-written',
      number: 1,
    });
    expect(nextObservation([seen(1, '2026-11-20', false)], 3, '2026-12-04')).toBeUndefined();
  });
});

describe('the plan', () => {
  it('lists tutors in name order, observations first to last, keeping what each tutor carries', () => {
    const plan = observationPlan(
      [
        { name: 'Zoe', member: true, sessionsDelivered: 3, observations: [] },
        { name: 'Amir', member: false, observations: [seen(2, '2026-11-25', false), seen(1, '2026-11-10', true)] },
      ],
      '2026-12-04',
    );
    expect(plan.map((tutor) => tutor.name)).toEqual(['Amir', 'Zoe']);
    expect(plan[0]!.observations.map((each) => each.number)).toEqual([1, 2]);
    expect(plan[0]!.next).toBeUndefined();
    expect(plan[0]!.member).toBe(false);
    expect(plan[1]!.next).toEqual({ kind: 'spot-check', number: 1, session: 4 });
  });
});
