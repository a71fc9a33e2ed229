// Organisations and their members: making an organisation with its first administrator, inviting people with a
// role, re-inviting someone who lost their devices, changing a role, removing a member. Each step is written to
// the organisation's audit log. An invitation is a secret token the relay keeps only as a digest; it is used once
// and not after `invitationDays`. Who may call these (an administrator, a shell) is the caller's to check.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  defaultSessionIdleMinutes,
  invitationDays,
  MemberName,
  type MemberRole,
  memberRoleLabels,
  type OrganisationKind,
  OrganisationName,
} from '../../shared/protocol/organisations.ts';
import { fail, ok, type Result } from '../../shared/result.ts';
import type {
  InvitationRecord,
  MemberRecord,
  OrganisationRecord,
  OrganisationStore,
} from '../storage/organisations.ts';

/** A secret for a link or a cookie: 32 random bytes, url-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** How a secret is kept: its SHA-256, so a copy of the database opens nothing. */
export const digestOf = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

export interface Invited {
  member: MemberRecord;
  /** The invitation's secret: shown once, to be sent to the person; the relay keeps only its digest. */
  token: string;
  expiresAt: string;
}

const checked = <T>(
  parsed: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } },
) => (parsed.success ? ok(parsed.data) : fail(parsed.error.issues[0]?.message ?? 'That is not valid.'));

async function newInvitation(
  store: OrganisationStore,
  member: MemberRecord,
  now: Date,
  madeBy?: string,
): Promise<{ token: string; expiresAt: string }> {
  const token = newSecret();
  const invitation: InvitationRecord = {
    id: randomUUID(),
    tokenHash: digestOf(token),
    organisationId: member.organisationId,
    memberId: member.id,
    ...(madeBy ? { madeBy } : {}),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + invitationDays * 24 * 3600 * 1000).toISOString(),
  };
  await store.addInvitation(invitation);
  return { token, expiresAt: invitation.expiresAt };
}

/** Makes an organisation and invites its first administrator (who enrols a passkey with the invitation). */
export async function createOrganisation(
  store: OrganisationStore,
  request: { name: string; kind: OrganisationKind; administrator: string },
  now = new Date(),
): Promise<Result<Invited & { organisation: OrganisationRecord }>> {
  const name = checked(OrganisationName.safeParse(request.name));
  if (!name.ok) return name;
  const administrator = checked(MemberName.safeParse(request.administrator));
  if (!administrator.ok) return administrator;
  const organisation: OrganisationRecord = {
    id: randomUUID(),
    name: name.value,
    kind: request.kind,
    createdAt: now.toISOString(),
    sessionIdleMinutes: defaultSessionIdleMinutes,
  };
  await store.addOrganisation(organisation);
  await store.appendAudit({
    organisationId: organisation.id,
    at: organisation.createdAt,
    action: 'organisation created',
    detail: { name: organisation.name, kind: organisation.kind },
  });
  const invited = await invite(
    store,
    { organisationId: organisation.id, name: administrator.value, role: 'administrator' },
    now,
  );
  return invited.ok ? ok({ ...invited.value, organisation }) : invited;
}

/** Adds a person to an organisation with a role, and makes the invitation they enrol with. */
export async function invite(
  store: OrganisationStore,
  request: { organisationId: string; name: string; role: MemberRole; clientId?: string; madeBy?: string },
  now = new Date(),
): Promise<Result<Invited>> {
  if (!(await store.organisation(request.organisationId))) return fail('There is no such organisation.');
  const name = checked(MemberName.safeParse(request.name));
  if (!name.ok) return name;
  if (request.role === 'client-contact' && !request.clientId)
    return fail('A client contact reads the reports of one client: say which client.');
  const member: MemberRecord = {
    id: randomUUID(),
    organisationId: request.organisationId,
    name: name.value,
    role: request.role,
    ...(request.clientId ? { clientId: request.clientId } : {}),
    createdAt: now.toISOString(),
  };
  await store.addMember(member);
  const invitation = await newInvitation(store, member, now, request.madeBy);
  await store.appendAudit({
    organisationId: member.organisationId,
    at: member.createdAt,
    ...(request.madeBy ? { actor: request.madeBy } : {}),
    action: 'member invited',
    subject: member.id,
    detail: { name: member.name, role: member.role },
  });
  return ok({ member, ...invitation });
}

/** A new invitation for a member who lost their devices: it enrols a new passkey beside (or instead of) the old. */
export async function reinvite(
  store: OrganisationStore,
  memberId: string,
  madeBy?: string,
  now = new Date(),
): Promise<Result<Invited>> {
  const member = await store.member(memberId);
  if (!member) return fail('There is no such member.');
  if (member.removedAt) return fail(`${member.name} was removed from the organisation; invite them again as new.`);
  const invitation = await newInvitation(store, member, now, madeBy);
  await store.appendAudit({
    organisationId: member.organisationId,
    at: now.toISOString(),
    ...(madeBy ? { actor: madeBy } : {}),
    action: 'member invited again',
    subject: member.id,
  });
  return ok({ member, ...invitation });
}

export interface OpenInvitation {
  invitation: InvitationRecord;
  member: MemberRecord;
  organisation: OrganisationRecord;
}

/** The invitation a token is, while it may still be used; otherwise why not, for the person holding it. */
export async function openInvitation(
  store: OrganisationStore,
  token: string,
  now = new Date(),
): Promise<Result<OpenInvitation>> {
  const invitation = await store.invitationByTokenHash(digestOf(token));
  if (!invitation) return fail('This invitation is not one Margin made. Check that the link was copied in full.');
  if (invitation.usedAt)
    return fail('This invitation has been used already. Sign in with your passkey, or ask for a new invitation.');
  if (invitation.expiresAt <= now.toISOString())
    return fail(
      `This invitation expired ${invitationDays} days after it was made. Ask your administrator for a new one.`,
    );
  const member = await store.member(invitation.memberId);
  const organisation = await store.organisation(invitation.organisationId);
  if (!member || !organisation || member.removedAt)
    return fail('The person this invitation was for is no longer a member of the organisation.');
  return ok({ invitation, member, organisation });
}

/** Gives a member another role; an organisation always keeps at least one administrator. */
export async function changeRole(
  store: OrganisationStore,
  memberId: string,
  role: MemberRole,
  by?: string,
  now = new Date(),
): Promise<Result<MemberRecord>> {
  const member = await store.member(memberId);
  if (!member || member.removedAt) return fail('There is no such member.');
  if (member.role === 'administrator' && role !== 'administrator' && (await lastAdministrator(store, member)))
    return fail(`${member.name} is the organisation’s only administrator: make someone else one first.`);
  if (member.role === role) return ok(member);
  await store.setRole(memberId, role);
  await store.appendAudit({
    organisationId: member.organisationId,
    at: now.toISOString(),
    ...(by ? { actor: by } : {}),
    action: 'role changed',
    subject: member.id,
    detail: { from: member.role, to: role },
  });
  return ok({ ...member, role });
}

/** Removes a member: they cannot sign in again, and every session of theirs ends. */
export async function removeMember(
  store: OrganisationStore,
  memberId: string,
  by?: string,
  now = new Date(),
): Promise<Result<MemberRecord>> {
  const member = await store.member(memberId);
  if (!member || member.removedAt) return fail('There is no such member.');
  if (member.role === 'administrator' && (await lastAdministrator(store, member)))
    return fail(`${member.name} is the organisation’s only administrator: make someone else one first.`);
  await store.removeMember(memberId, now.toISOString());
  await store.appendAudit({
    organisationId: member.organisationId,
    at: now.toISOString(),
    ...(by ? { actor: by } : {}),
    action: 'member removed',
    subject: member.id,
    detail: { name: member.name },
  });
  return ok({ ...member, removedAt: now.toISOString() });
}

async function lastAdministrator(store: OrganisationStore, member: MemberRecord): Promise<boolean> {
  const administrators = (await store.members(member.organisationId)).filter(
    (other) => other.role === 'administrator' && !other.removedAt,
  );
  return administrators.length === 1 && administrators[0]!.id === member.id;
}

/** "Ada Lovelace (Quality reviewer)" */
export const memberLabel = (member: MemberRecord): string => `${member.name} (${memberRoleLabels[member.role]})`;
