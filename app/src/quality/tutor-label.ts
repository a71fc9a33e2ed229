// How the quality pages name a tutor of the plan of observations (GET /api/organisation/observation-plan) so that
// two of one name can be told apart: the name alone, or with when the member joined, or "not in Margin" for
// someone observed by a name no tutor has.
import type { ObservationPlan } from '../../../shared/protocol/overviews.ts';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';

type Tutor = Pick<ObservationPlan['tutors'][number], 'name' | 'member' | 'memberSince'>;

const nameKey = (name: string) => name.trim().toLocaleLowerCase('en-GB');

/** `tutor`'s name, with what tells them apart from anyone else of `everyone` of the same name. */
export function tutorLabel(tutor: Tutor, everyone: readonly Tutor[]): string {
  const namesakes = everyone.filter((other) => nameKey(other.name) === nameKey(tutor.name));
  if (namesakes.length < 2) return tutor.name;
  if (!tutor.member) return `${tutor.name} (not in Margin)`;
  return tutor.memberSince ? `${tutor.name} (joined ${formatMoment(tutor.memberSince)})` : tutor.name;
}
