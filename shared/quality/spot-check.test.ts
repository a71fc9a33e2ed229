import { describe, expect, it } from 'vitest';
import { isEligible, pickSpotChecks, seededRandom, TutorSessions } from './spot-check.ts';

const tutor = (name: string, sessionsDelivered: number) => ({ name, sessionsDelivered });
const list = [
  tutor('Ada', 2),
  tutor('Ben', 3),
  tutor('Cal', 4),
  tutor('Dee', 1),
  tutor('Eve', 5),
  tutor('Fay', 0),
  tutor('Gus', 2),
  tutor('Hal', 3),
  tutor('Ivy', 12),
];

describe('spot-check picks', () => {
  it('makes eligible only tutors whose next session is their third, fourth or fifth', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => isEligible(tutor('T', n)))).toEqual([
      false,
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(pickSpotChecks(list, 99, 'seed').eligible.map((t) => t.name)).toEqual(['Ada', 'Ben', 'Cal', 'Gus', 'Hal']);
  });

  it('gives the same picks for the same seed and list, whatever order the list is in', () => {
    const first = pickSpotChecks(list, 2, '2026-11-23');
    expect(pickSpotChecks(list, 2, '2026-11-23')).toEqual(first);
    expect(pickSpotChecks([...list].reverse(), 2, '2026-11-23').picks).toEqual(first.picks);
    expect(first.picks).toHaveLength(2);
    for (const pick of first.picks) expect(isEligible(pick)).toBe(true);
  });

  it('picks differently for different seeds', () => {
    const seen = new Set(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((seed) =>
        pickSpotChecks(list, 2, seed)
          .picks.map((t) => t.name)
          .join(),
      ),
    );
    expect(seen.size).toBeGreaterThan(1);
  });

  it('keeps two tutors of one name apart by member id, in the same order whatever order they are listed in', () => {
    const twins = [
      { name: 'Sam Lee', sessionsDelivered: 2, memberId: 'm-2' },
      { name: 'Sam Lee', sessionsDelivered: 2, memberId: 'm-1' },
      tutor('Ada', 3),
    ];
    const picked = pickSpotChecks(twins, 3, 'seed');
    expect(picked.eligible.map((t) => t.memberId ?? t.name)).toEqual(['Ada', 'm-1', 'm-2']);
    expect(new Set(picked.picks.map((t) => t.memberId ?? t.name)).size).toBe(3);
    for (const seed of ['a', 'b', 'c', 'd'])
      expect(pickSpotChecks([...twins].reverse(), 1, seed).picks).toEqual(pickSpotChecks(twins, 1, seed).picks);
  });

  it('picks no more than are eligible, and none from an empty list', () => {
    expect(pickSpotChecks(list, 10, 'x').picks).toHaveLength(5);
    expect(pickSpotChecks([], 3, 'x')).toEqual({ eligible: [], picks: [] });
  });

  it('has a generator that repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = seededRandom('q');
    const b = seededRandom('q');
    const numbers = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(numbers);
    expect(numbers.every((n) => n >= 0 && n < 1)).toBe(true);
  });

  it('refuses a tutor row without a name or with a count that is not a whole number', () => {
    expect(TutorSessions.safeParse(tutor(' ', 2)).error?.issues[0].message).toBe('Give the tutor’s name.');
    expect(TutorSessions.safeParse(tutor('Ada', 2.5)).error?.issues[0].message).toBe(
      'Sessions delivered is a whole number.',
    );
    expect(TutorSessions.safeParse(tutor('Ada', -1)).error?.issues[0].message).toBe(
      'Sessions delivered cannot be negative.',
    );
  });
});
