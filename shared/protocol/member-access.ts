// What a signed-in member may do with one of their organisation's reports, decided from their membership and the
// report's facts alone (docs/protocol.md, "Room tokens for members"). The relay makes the member a room token with
// the role this gives; the room rules of room-access.ts then apply to it as to any token.
import { memberRoleLabels, type MemberRole } from './organisations.ts';
import { powers, type Role } from './roles.ts';
import type { ReportStatus } from './statuses.ts';
import { fail, ok, type Result } from '../result.ts';

export interface MemberFacts {
  id: string;
  organisationId: string;
  role: MemberRole;
  /** For a client contact: the client whose learners' reports they read. */
  clientId?: string;
  /** For an appropriate body's reviewer: the schools linked to their body, whose signed reviews it receives. */
  schools?: readonly string[];
}

export interface OrganisationReportFacts {
  organisationId: string;
  /** The member who registered it and writes it. */
  ownerId: string;
  /** The member assigned to it as its mentor, who writes it with the owner. */
  mentorId?: string;
  /** The client whose learner it is about: that client's contacts read it once approved. */
  clientId?: string;
  /** For a termly progress review: the early career teacher it is about, who adds their part and signs it. */
  teacherId?: string;
  status: ReportStatus;
}

/** The room role a member's token carries, and whether it is read-only. */
export interface MemberGrant {
  role: Role;
  readOnly: boolean;
}

/** A termly review reaches the appropriate body in these statuses: signed by both, then marked read. */
const receivedReviews: readonly ReportStatus[] = ['with-reviewer', 'reviewed'];

/** Members with these roles write reports, so they may register one with their organisation and own it. */
export const reportWriters: readonly MemberRole[] = ['tutor', 'mentor'];

/** Members who register the reports they make with their organisation: its writers, and quality reviewers (their observations). */
export const reportRegistrars: readonly MemberRole[] = [...reportWriters, 'quality-reviewer'];

export const memberRefusals = {
  otherOrganisation: 'This report belongs to another organisation: your membership does not open it.',
  notSubmitted: 'This report opens for quality review once it has been submitted.',
  noPart: (role: MemberRole) => {
    const label = memberRoleLabels[role].toLowerCase();
    return `As ${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label} you have no part in this report. Ask its owner or a coordinator.`;
  },
  reviewerLink:
    'This report belongs to an organisation, whose quality reviewers review it signed in: no link for it may carry the reviewer’s role. Make a teacher or client link instead.',
  reviewWithLink:
    'This report belongs to an organisation, so only its quality reviewers, signed in, may review it: a link cannot approve or send it back.',
  reviewWithoutPart:
    'Only a quality reviewer who neither owns nor mentors this report may review it, and your membership no longer makes you one.',
  teacherSignsSignedIn:
    'This review belongs to an organisation, so only the early career teacher it is about signs it as the teacher, signed in: a link cannot.',
  notTheTeacher: 'Only the early career teacher this review is about signs it as the teacher.',
  notYetSigned:
    'This review reaches its appropriate body once the teacher and the induction tutor have both signed it.',
} as const;

/**
 * The rules, in order: another organisation's report is refused; its owner writes it (as tutor), so never reviews
 * or approves it, whatever their membership; its assigned mentor writes it (as mentor, who cannot approve); the early
 * career teacher a termly review is about adds their part and signs it (as teacher); a
 * quality reviewer reviews it once submitted; a coordinator reads everything and writes nothing; a client contact
 * reads their client's reports as a client (so once approved). An appropriate body's reviewer reviews the termly
 * reviews of the schools linked to their body once both have signed (they mark them read). Everyone else has no part.
 */
export function memberAccess(member: MemberFacts, report: OrganisationReportFacts): Result<MemberGrant> {
  if (member.role === 'appropriate-body-reviewer' && member.schools?.includes(report.organisationId))
    return receivedReviews.includes(report.status)
      ? ok({ role: 'reviewer', readOnly: false })
      : fail(memberRefusals.notYetSigned);
  if (member.organisationId !== report.organisationId) return fail(memberRefusals.otherOrganisation);
  if (member.id === report.ownerId) return ok({ role: 'tutor', readOnly: false });
  if (member.id === report.mentorId) return ok({ role: 'mentor', readOnly: false });
  if (member.id === report.teacherId) return ok({ role: 'teacher', readOnly: false });
  switch (member.role) {
    case 'quality-reviewer':
      return report.status === 'draft' ? fail(memberRefusals.notSubmitted) : ok({ role: 'reviewer', readOnly: false });
    case 'coordinator':
      return ok({ role: 'reviewer', readOnly: true });
    case 'client-contact':
      if (member.clientId !== undefined && member.clientId === report.clientId)
        return ok({ role: 'client', readOnly: false });
      break;
  }
  return fail(memberRefusals.noPart(member.role));
}

/**
 * Whether the holder of a token with a reviewing role (`powers.reviews`) may take a reviewer's decision on an
 * organisation's report now: only a member (`member`, read again from the store) whom membership makes its
 * reviewer at this moment: a quality reviewer who neither owns nor mentors it. Never a share link: every link of a
 * report was made, through others, with its owner's first link or before it was registered, so the relay cannot
 * tell a reviewer's link from one its owner made for themselves.
 */
export function mayReview(
  role: Role,
  member: MemberFacts | undefined,
  report: OrganisationReportFacts,
): Result<undefined> {
  if (!powers[role].reviews) return ok(undefined);
  if (!member) return fail(memberRefusals.reviewWithLink);
  const access = memberAccess(member, report);
  if (!access.ok) return access;
  const { role: given, readOnly } = access.value;
  return powers[given].reviews && !readOnly ? ok(undefined) : fail(memberRefusals.reviewWithoutPart);
}

/**
 * Whether the holder of a teacher's token may sign an organisation's review as its teacher now: only the member it
 * names as its early career teacher, signed in. A teacher's link cannot tell the teacher from its maker, the
 * induction tutor who signs the same review, so it never signs one.
 */
export function maySignAsTeacher(
  role: Role,
  member: MemberFacts | undefined,
  report: OrganisationReportFacts,
): Result<undefined> {
  if (role !== 'teacher') return ok(undefined);
  if (!member) return fail(memberRefusals.teacherSignsSignedIn);
  const access = memberAccess(member, report);
  if (!access.ok) return access;
  return access.value.role === 'teacher' ? ok(undefined) : fail(memberRefusals.notTheTeacher);
}
