// Random spot checks of new tutors (domain guide 004): tutors about to give their third, fourth or fifth
// session are eligible, and a seeded generator picks among them, so the same seed and the same list always
// give the same picks (the QA team can show how a pick was made, and repeat it).
import { z } from 'zod';

export const TutorSessions = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'Give the tutor’s name.' })
    .max(120, { error: 'A name holds at most 120 characters.' }),
  sessionsDelivered: z
    .number({ error: 'Give the number of sessions delivered.' })
    .int({ error: 'Sessions delivered is a whole number.' })
    .min(0, { error: 'Sessions delivered cannot be negative.' })
    .max(10_000, { error: 'Sessions delivered is at most 10,000.' }),
  /** The tutor's member id, for one filled in from Margin: it tells apart two tutors of one name. */
  memberId: z.string().min(1).optional(),
});
export type TutorSessions = z.infer<typeof TutorSessions>;

/** The sessions a spot check may observe. */
export const spotCheckSessions = [3, 4, 5] as const;

/** A tutor is eligible when their next session is their third, fourth or fifth. */
export const nextSession = (tutor: TutorSessions) => tutor.sessionsDelivered + 1;
export const isEligible = (tutor: TutorSessions) =>
  (spotCheckSessions as readonly number[]).includes(nextSession(tutor));

/** A 32-bit hash of the seed text (FNV-1a): any text is a seed. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A small seeded generator (mulberry32): numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: string): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SpotCheckPicks {
  eligible: TutorSessions[];
  picks: TutorSessions[];
}

/**
 * Up to `count` eligible tutors, chosen at random by `seed`. The eligible tutors are put in name order first (two
 * of one name by sessions, then member id), so the picks depend on who is listed, not on the order they were typed in.
 */
export function pickSpotChecks(tutors: readonly TutorSessions[], count: number, seed: string): SpotCheckPicks {
  const eligible = tutors
    .filter(isEligible)
    .sort(
      (a, b) =>
        a.name.localeCompare(b.name, 'en-GB') ||
        a.sessionsDelivered - b.sessionsDelivered ||
        (a.memberId ?? '').localeCompare(b.memberId ?? ''),
    );
  const random = seededRandom(seed);
  const shuffled = [...eligible];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return { eligible, picks: shuffled.slice(0, Math.max(0, Math.floor(count))) };
}
