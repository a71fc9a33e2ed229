// The organisation commands of `npm run admin` on a real (in-memory SQLite) store: what they print, what they
// change, and a clear refusal for each kind of bad input.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fail } from '../../shared/result.ts';
import { openMemoryStore } from '../storage/memory.ts';
import type { Storage } from '../storage/store.ts';
import { runOrganisationCommand, type AdminOptions, type OrganisationCommand } from './admin-commands.ts';
import { openInvitation } from './members.ts';

let store: Storage;
beforeEach(() => {
  store = openMemoryStore();
});
afterEach(() => store.close());

const origin = 'https://margin.example.org';
const run = (command: OrganisationCommand, options: AdminOptions = {}) =>
  runOrganisationCommand(store, command, options, origin);

/** The printed invitation link's token. */
const tokenIn = (text: string) => /\/invitation#token=([A-Za-z0-9_-]+)$/m.exec(text)![1];
const idAfter = (text: string, word: string) => new RegExp(`${word} ([0-9a-f-]{36})`).exec(text)![1];

async function agency() {
  const made = await run('create-organisation', { name: 'Bright Tutors', kind: 'agency', admin: 'Ada Admin' });
  if (!made.ok) throw new Error(made.problem);
  return { text: made.value, organisationId: idAfter(made.value, 'organisation') };
}

describe('npm run admin: organisations', () => {
  it('makes an organisation whose administrator enrols with the printed link', async () => {
    const { text, organisationId } = await agency();
    expect(text).toMatch(/^Made Bright Tutors \(Tutoring agency\), organisation [0-9a-f-]{36}\./);
    expect(text).toContain('Its administrator: Ada Admin (Administrator)');
    expect(text).toContain(`${origin}/invitation#token=`);
    const opened = await openInvitation(store, tokenIn(text));
    expect(opened.ok && opened.value.member.role).toBe('administrator');
    expect(opened.ok && opened.value.organisation.id).toBe(organisationId);
    const listed = await run('organisations');
    expect(listed.ok && listed.value).toBe(`${organisationId}  Bright Tutors (Tutoring agency), 1 members`);
  });

  it('invites, lists, changes a role, re-invites and removes, writing each to the audit log', async () => {
    const { organisationId } = await agency();
    const invited = await run('invite', { organisation: organisationId, name: 'Tom Tutor', role: 'tutor' });
    if (!invited.ok) throw new Error(invited.problem);
    const tomId = idAfter(invited.value, 'member');
    expect(invited.value).toMatch(/^Invited: Tom Tutor \(Tutor\), member /);

    expect(await run('change-role', { member: tomId, role: 'quality-reviewer' })).toEqual({
      ok: true,
      value: 'Tom Tutor is now Quality reviewer.',
    });
    const again = await run('reinvite', { member: tomId });
    expect(again.ok && (await openInvitation(store, tokenIn(again.value))).ok).toBe(true);
    expect((await run('remove-member', { member: tomId })).ok).toBe(true);

    const members = await run('members', { organisation: organisationId });
    // Oldest first; made in the same millisecond here, so in either order.
    const lines = members.ok ? members.value.split('\n') : [];
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^[0-9a-f-]{36} {2}Ada Admin, Administrator$/),
        expect.stringMatching(new RegExp(`^${tomId} {2}Tom Tutor, Quality reviewer \\(removed .+\\)$`)),
      ]),
    );
    const actions = (await store.audit(organisationId)).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['organisation created', 'member invited', 'role changed', 'member removed']),
    );
  });

  it('keeps an invited member’s e-mail address, checked', async () => {
    const { organisationId } = await agency();
    const invited = await run('invite', {
      organisation: organisationId,
      name: 'Nia New',
      role: 'tutor',
      email: ' nia@example.org ',
    });
    expect(invited.ok && (await store.emailOf(idAfter(invited.value, 'member')))).toBe('nia@example.org');
    expect(await run('invite', { organisation: organisationId, name: 'Odd One', role: 'tutor', email: 'odd' })).toEqual(
      {
        ok: false,
        problem: 'Give an e-mail address like ada@example.org.',
      },
    );
    const members = await run('members', { organisation: organisationId });
    expect(members.ok && members.value).not.toContain('Odd One');
  });

  it('links an appropriate body to a school, once', async () => {
    const body = await run('create-organisation', { name: 'North AB', kind: 'appropriate-body', admin: 'Bea' });
    const school = await run('create-organisation', { name: 'Hill School', kind: 'school', admin: 'Sol' });
    if (!body.ok || !school.ok) throw new Error('could not make them');
    const bodyId = idAfter(body.value, 'organisation');
    const schoolId = idAfter(school.value, 'organisation');
    expect(await run('link-body', { body: bodyId, school: schoolId })).toEqual({
      ok: true,
      value: 'Hill School now sends its reviews to North AB.',
    });
    expect(await run('link-body', { body: bodyId, school: schoolId })).toEqual({
      ok: true,
      value: 'Hill School sends its reviews to North AB already.',
    });
    expect(await store.linkedOrganisations(bodyId)).toEqual([schoolId]);
    expect(await run('link-body', { body: schoolId, school: bodyId })).toEqual(
      fail('--body must name an appropriate body.'),
    );
  });

  it.each([
    {
      command: 'create-organisation',
      options: { kind: 'agency', admin: 'Ada' },
      problem: 'create-organisation needs --name',
    },
    {
      command: 'create-organisation',
      options: { name: 'X', kind: 'club', admin: 'Ada' },
      problem: '--kind must be one of agency, school, appropriate-body',
    },
    { command: 'invite', options: { name: 'Tom', role: 'tutor' }, problem: 'invite needs --organisation' },
    {
      command: 'invite',
      options: { organisation: '00000000-0000-4000-8000-000000000000', name: 'Tom', role: 'tutor' },
      problem: 'There is no such organisation.',
    },
    {
      command: 'change-role',
      options: { member: 'x', role: 'king' },
      problem: /^There is no role "king"\. Roles: administrator, /,
    },
    {
      command: 'remove-member',
      options: { member: '00000000-0000-4000-8000-000000000000' },
      problem: 'There is no such member.',
    },
    { command: 'members', options: { organisation: 'nope' }, problem: 'There is no such organisation.' },
  ] as const)('refuses $command with $options clearly', async ({ command, options, problem }) => {
    const done = await run(command, options);
    expect(done.ok).toBe(false);
    if (!done.ok) expect(done.problem).toMatch(problem);
  });

  it('never removes the last administrator', async () => {
    const { organisationId } = await agency();
    const members = await store.members(organisationId);
    expect(await run('remove-member', { member: members[0]!.id })).toEqual(
      fail('Ada Admin is the organisation’s only administrator: make someone else one first.'),
    );
  });
});
