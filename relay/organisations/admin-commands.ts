// The organisation commands of `npm run admin` (relay/admin-cli.ts), for a headless server: each takes the
// command's options and answers the text to print, or why it could not be done. They do what an administrator
// does in the app (members.ts), with the shell as the actor in the audit log.
import {
  invitationLink,
  MemberRole,
  memberRoleLabels,
  OrganisationKind,
  organisationKindLabels,
} from '../../shared/protocol/organisations.ts';
import { EmailAddress } from '../../shared/protocol/notifications.ts';
import { fail, ok, type Result } from '../../shared/result.ts';
import type { NotificationStore } from '../storage/notifications.ts';
import type { OrganisationStore } from '../storage/organisations.ts';
import { changeRole, createOrganisation, invite, reinvite, removeMember, type Invited } from './members.ts';

export interface AdminOptions {
  name?: string;
  kind?: string;
  admin?: string;
  organisation?: string;
  member?: string;
  role?: string;
  client?: string;
  /** The invited member's e-mail address, for mail when the relay sends it. */
  email?: string;
  body?: string;
  school?: string;
}

export const organisationCommands = [
  'organisations',
  'create-organisation',
  'invite',
  'members',
  'change-role',
  'remove-member',
  'reinvite',
  'link-body',
] as const;
export type OrganisationCommand = (typeof organisationCommands)[number];

export const organisationUsage = `       npm run admin -- organisations
       npm run admin -- create-organisation --name <name> --kind agency|school|appropriate-body --admin <their name>
       npm run admin -- invite --organisation <id> --name <name> --role <role> [--client <client id>] [--email <address>]
       npm run admin -- members --organisation <id>
       npm run admin -- change-role --member <id> --role <role>
       npm run admin -- remove-member --member <id>
       npm run admin -- reinvite --member <id>
       npm run admin -- link-body --body <appropriate body id> --school <school id>
   Roles: ${MemberRole.options.join(', ')}. Invitation links use PUBLIC_ORIGIN (else http://localhost:PORT).`;

export const isOrganisationCommand = (command: string | undefined): command is OrganisationCommand =>
  (organisationCommands as readonly string[]).includes(command ?? '');

/** Runs one command; `origin` is where people open the app, for invitation links. */
export async function runOrganisationCommand(
  store: OrganisationStore & Pick<NotificationStore, 'setEmail'>,
  command: OrganisationCommand,
  options: AdminOptions,
  origin: string,
): Promise<Result<string>> {
  const needed = (name: keyof AdminOptions): Result<string> =>
    options[name] ? ok(options[name]) : fail(`${command} needs --${name}`);
  const invitationText = (invited: Invited, what: string) =>
    `${what}: ${invited.member.name} (${memberRoleLabels[invited.member.role]}), member ${invited.member.id}.\n` +
    `Send them this invitation link; it opens once and until ${invited.expiresAt}:\n` +
    invitationLink(origin, invited.token);
  const role = (): Result<MemberRole> => {
    const given = needed('role');
    if (!given.ok) return given;
    const parsed = MemberRole.safeParse(given.value);
    return parsed.success
      ? ok(parsed.data)
      : fail(`There is no role "${given.value}". Roles: ${MemberRole.options.join(', ')}`);
  };

  switch (command) {
    case 'organisations': {
      const all = await store.organisations();
      if (all.length === 0) return ok('No organisations yet: make one with create-organisation.');
      const lines = await Promise.all(
        all.map(async (organisation) => {
          const members = (await store.members(organisation.id)).filter((member) => !member.removedAt);
          return `${organisation.id}  ${organisation.name} (${organisationKindLabels[organisation.kind]}), ${members.length} members`;
        }),
      );
      return ok(lines.join('\n'));
    }
    case 'create-organisation': {
      const name = needed('name');
      if (!name.ok) return name;
      const kind = OrganisationKind.safeParse(options.kind);
      if (!kind.success) return fail(`--kind must be one of ${OrganisationKind.options.join(', ')}`);
      const administrator = needed('admin');
      if (!administrator.ok) return administrator;
      const made = await createOrganisation(store, {
        name: name.value,
        kind: kind.data,
        administrator: administrator.value,
      });
      if (!made.ok) return made;
      return ok(
        `Made ${made.value.organisation.name} (${organisationKindLabels[kind.data]}), organisation ${made.value.organisation.id}.\n` +
          invitationText(made.value, 'Its administrator'),
      );
    }
    case 'invite': {
      const organisationId = needed('organisation');
      if (!organisationId.ok) return organisationId;
      const name = needed('name');
      if (!name.ok) return name;
      const given = role();
      if (!given.ok) return given;
      const email = options.email === undefined ? undefined : EmailAddress.safeParse(options.email);
      if (email && !email.success) return fail(email.error.issues[0]?.message ?? 'That is not an e-mail address.');
      const invited = await invite(store, {
        organisationId: organisationId.value,
        name: name.value,
        role: given.value,
        ...(options.client ? { clientId: options.client } : {}),
      });
      if (invited.ok && email) await store.setEmail(invited.value.member.id, email.data);
      return invited.ok ? ok(invitationText(invited.value, 'Invited')) : invited;
    }
    case 'members': {
      const organisationId = needed('organisation');
      if (!organisationId.ok) return organisationId;
      if (!(await store.organisation(organisationId.value))) return fail('There is no such organisation.');
      const members = await store.members(organisationId.value);
      return ok(
        members
          .map(
            (member) =>
              `${member.id}  ${member.name}, ${memberRoleLabels[member.role]}${member.removedAt ? ` (removed ${member.removedAt})` : ''}`,
          )
          .join('\n'),
      );
    }
    case 'change-role': {
      const memberId = needed('member');
      if (!memberId.ok) return memberId;
      const given = role();
      if (!given.ok) return given;
      const changed = await changeRole(store, memberId.value, given.value);
      return changed.ok ? ok(`${changed.value.name} is now ${memberRoleLabels[changed.value.role]}.`) : changed;
    }
    case 'remove-member': {
      const memberId = needed('member');
      if (!memberId.ok) return memberId;
      const removed = await removeMember(store, memberId.value);
      return removed.ok
        ? ok(`Removed ${removed.value.name}: their invitations, sessions and passkeys no longer open anything.`)
        : removed;
    }
    case 'reinvite': {
      const memberId = needed('member');
      if (!memberId.ok) return memberId;
      const invited = await reinvite(store, memberId.value);
      return invited.ok ? ok(invitationText(invited.value, 'A new invitation for')) : invited;
    }
    case 'link-body': {
      const bodyId = needed('body');
      if (!bodyId.ok) return bodyId;
      const schoolId = needed('school');
      if (!schoolId.ok) return schoolId;
      const [body, school] = await Promise.all([store.organisation(bodyId.value), store.organisation(schoolId.value)]);
      if (body?.kind !== 'appropriate-body') return fail('--body must name an appropriate body.');
      if (school?.kind !== 'school') return fail('--school must name a school.');
      const linked = await store.linkOrganisations(body.id, school.id);
      if (linked) {
        const at = new Date().toISOString();
        const detail = { body: body.name, school: school.name };
        await store.appendAudit({ organisationId: body.id, at, action: 'school linked', subject: school.id, detail });
        await store.appendAudit({ organisationId: school.id, at, action: 'school linked', subject: body.id, detail });
      }
      return ok(
        linked
          ? `${school.name} now sends its reviews to ${body.name}.`
          : `${school.name} sends its reviews to ${body.name} already.`,
      );
    }
  }
}
