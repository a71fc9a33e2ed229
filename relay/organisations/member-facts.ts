// What the relay weighs about a member when deciding their part in a report (shared/protocol/member-access.ts):
// their membership, and for an appropriate body's reviewer the schools linked to their body, whose signed termly
// reviews it receives. The reports a member might open are looked for in the same organisations (relay/directory/).
import type { MemberFacts } from '../../shared/protocol/member-access.ts';
import type { MemberRecord, OrganisationStore } from '../storage/organisations.ts';

export async function memberFacts(
  store: Pick<OrganisationStore, 'linkedOrganisations'>,
  member: MemberRecord,
): Promise<MemberRecord & MemberFacts> {
  if (member.role !== 'appropriate-body-reviewer') return member;
  return { ...member, schools: await store.linkedOrganisations(member.organisationId) };
}

/** The organisations whose reports a member may have a part in: their own, and an appropriate body's schools. */
export const organisationsOf = (facts: MemberFacts): string[] => [facts.organisationId, ...(facts.schools ?? [])];
