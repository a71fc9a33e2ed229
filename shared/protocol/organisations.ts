// Organisations and their members, as the relay's API speaks of them (docs/protocol.md, "Organisations"). A
// member's role in the organisation decides, on the relay, what they may do with each of its reports; the
// room roles of roles.ts stay what a room token carries.
import { z } from 'zod';

export const organisationKinds = ['agency', 'school', 'appropriate-body'] as const;
export const OrganisationKind = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const organisationKindLabels: Record<OrganisationKind, string> = {
  agency: 'Tutoring agency',
  school: 'School',
  'appropriate-body': 'Appropriate body',
};

export const memberRoles = [
  'administrator',
  'quality-reviewer',
  'coordinator',
  'tutor',
  'mentor',
  'early-career-teacher',
  'client-contact',
  'appropriate-body-reviewer',
] as const;
export const MemberRole = z.enum(memberRoles);
export type MemberRole = z.infer<typeof MemberRole>;

export const memberRoleLabels: Record<MemberRole, string> = {
  administrator: 'Administrator',
  'quality-reviewer': 'Quality reviewer',
  coordinator: 'Coordinator',
  tutor: 'Tutor',
  mentor: 'Mentor',
  'early-career-teacher': 'Early career teacher',
  'client-contact': 'Client contact',
  'appropriate-body-reviewer': 'Appropriate body reviewer',
};

/** A person's name as an administrator types it: what every history, comment and signature will show. */
export const MemberName = z
  .string()
  .trim()
  .min(1, 'Give the person’s name.')
  .max(80, 'A name can be at most 80 characters.');

export const OrganisationName = z
  .string()
  .trim()
  .min(1, 'Give the organisation’s name.')
  .max(120, 'An organisation’s name can be at most 120 characters.');

/** An invitation is used once, and not after this many days. */
export const invitationDays = 7;

/** A session unused this long ends, unless the administrator sets another time. */
export const defaultSessionIdleMinutes = 60 * 24 * 14;
