// The quality team's plan of observations (domain guide 004): for each tutor, the observations done (first,
// second, third) and the one due next. A second observation follows one whose concerns the tutor was told of, a
// third a second whose concerns persist, and none after the third; new tutors are spot-checked in their third,
// fourth or fifth session. The policy sets no deadline for a follow-up, so Margin's own is `followUpDays` after
// the observation that raised the concern; the tutor is told at least 48 hours before they are observed.
import { addDays } from '../../workflow/calendar.ts';
import { maxObservations } from './observation.ts';
import { isEligible, nextSession } from '../../quality/spot-check.ts';

/** Days after an observation with concerns by which the next one is due (Margin's rule; the policy gives none). */
export const followUpDays = 14;
/** The policy's notice: the tutor hears they are to be observed at least this many hours before. */
export const noticeHours = 48;

export interface ObservationDone {
  number: number;
  /** The date of the session observed, `YYYY-MM-DD`. */
  date: string;
  concerns: boolean;
  /** Whether its feedback has been sent to the tutor. */
  sent: boolean;
}

export type NextObservation =
  | { kind: 'spot-check'; number: 1; session: number }
  | { kind: 'follow-up'; number: number; dueBy: string; overdue: boolean }
  | { kind: 'being-written'; number: number }
  | { kind: 'concerns-after-third' };

export interface TutorPlan<Observation extends ObservationDone = ObservationDone> {
  name: string;
  /** Sessions delivered, from their session reports; absent for a tutor Margin holds no session reports of. */
  sessionsDelivered?: number;
  /** Their observations, first to last. */
  observations: Observation[];
  /** What is due next, when anything is. */
  next?: NextObservation;
}

/** The next observation of a tutor, by the policy's rules, `today` being `YYYY-MM-DD`. */
export function nextObservation(
  observations: readonly ObservationDone[],
  sessionsDelivered: number | undefined,
  today: string,
): NextObservation | undefined {
  const last = [...observations].sort((a, b) => a.number - b.number || a.date.localeCompare(b.date)).at(-1);
  if (!last) {
    if (sessionsDelivered === undefined || !isEligible({ name: '', sessionsDelivered })) return undefined;
    return { kind: 'spot-check', number: 1, session: nextSession({ name: '', sessionsDelivered }) };
  }
  if (!last.sent) return { kind: 'being-written', number: last.number };
  if (!last.concerns) return undefined;
  if (last.number >= maxObservations) return { kind: 'concerns-after-third' };
  const dueBy = addDays(last.date, followUpDays);
  return { kind: 'follow-up', number: last.number + 1, dueBy, overdue: today > dueBy };
}

/** Each tutor's plan, in name order; `today` is `YYYY-MM-DD`. */
export function observationPlan<
  Observation extends ObservationDone,
  Tutor extends { name: string; sessionsDelivered?: number; observations: readonly Observation[] },
>(tutors: readonly Tutor[], today: string): (Omit<Tutor, 'observations'> & TutorPlan<Observation>)[] {
  return tutors
    .map((tutor) => {
      const observations = [...tutor.observations].sort((a, b) => a.number - b.number || a.date.localeCompare(b.date));
      const next = nextObservation(observations, tutor.sessionsDelivered, today);
      return {
        ...tutor,
        observations,
        ...(next ? { next } : {}),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}
