import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fail } from '../../shared/result.ts';
import { openMemoryStore } from '../storage/memory.ts';
import type { Storage } from '../storage/store.ts';
import { changeRole, createOrganisation, digestOf, invite, openInvitation, reinvite, removeMember } from './members.ts';
import { sessionCookie, sessionTokenOf, signedIn, startSession } from './sessions.ts';

const day = 24 * 3600 * 1000;
const start = new Date('2030-01-06T09:00:00.000Z');
const later = (ms: number) => new Date(start.getTime() + ms);

let store: Storage;
beforeEach(() => {
  store = openMemoryStore();
});
afterEach(() => store.close());

async function agency() {
  const made = await createOrganisation(
    store,
    { name: ' Bright Tutors ', kind: 'agency', administrator: 'Ada' },
    start,
  );
  if (!made.ok) throw new Error(made.problem);
  return made.value;
}

describe('organisations and members', () => {
  it('makes an organisation with its administrator, invited to enrol, and logs both', async () => {
    const { organisation, member, token, expiresAt } = await agency();
    expect(organisation).toMatchObject({ name: 'Bright Tutors', kind: 'agency' });
    expect(member).toMatchObject({ name: 'Ada', role: 'administrator', organisationId: organisation.id });
    expect(expiresAt).toBe(later(7 * day).toISOString());
    // Only the digest is kept: the token itself is nowhere in the store.
    expect(await store.invitationByTokenHash(token)).toBeUndefined();
    expect((await store.invitationByTokenHash(digestOf(token)))?.memberId).toBe(member.id);
    expect((await store.audit(organisation.id)).map((entry) => entry.action)).toEqual([
      'organisation created',
      'member invited',
    ]);
  });

  it('refuses an organisation or a member without a name, and a client contact without a client', async () => {
    expect(await createOrganisation(store, { name: '  ', kind: 'school', administrator: 'Ada' })).toEqual(
      fail('Give the organisation’s name.'),
    );
    const { organisation } = await agency();
    expect(await invite(store, { organisationId: organisation.id, name: '', role: 'tutor' })).toEqual(
      fail('Give the person’s name.'),
    );
    expect(await invite(store, { organisationId: organisation.id, name: 'Cleo', role: 'client-contact' })).toEqual(
      fail('A client contact reads the reports of one client: say which client.'),
    );
    expect(await invite(store, { organisationId: 'nowhere', name: 'Cleo', role: 'tutor' })).toEqual(
      fail('There is no such organisation.'),
    );
  });

  it('opens an invitation until it expires or is used, and says which', async () => {
    const { organisation, member } = await agency();
    const invited = await invite(
      store,
      { organisationId: organisation.id, name: 'Tom', role: 'tutor', madeBy: member.id },
      start,
    );
    if (!invited.ok) throw new Error(invited.problem);
    const { token } = invited.value;
    expect(await openInvitation(store, token, later(7 * day - 1))).toMatchObject({ ok: true });
    expect(await openInvitation(store, token, later(7 * day))).toEqual(
      fail('This invitation expired 7 days after it was made. Ask your administrator for a new one.'),
    );
    // Its last character changed (to another one: a token may end in "A" already).
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await openInvitation(store, altered, start)).toEqual(
      fail('This invitation is not one Margin made. Check that the link was copied in full.'),
    );
    const open = await openInvitation(store, token, start);
    if (!open.ok) throw new Error(open.problem);
    await store.useInvitation(open.value.invitation.id, start.toISOString());
    expect(await openInvitation(store, token, start)).toEqual(
      fail('This invitation has been used already. Sign in with your passkey, or ask for a new invitation.'),
    );
    // A member who lost their devices gets a new invitation; the used one stays used.
    const again = await reinvite(store, invited.value.member.id, member.id, start);
    expect(again.ok && (await openInvitation(store, again.value.token, start)).ok).toBe(true);
  });

  it('changes roles and removes members, but never the last administrator', async () => {
    const { organisation, member: ada } = await agency();
    expect(await changeRole(store, ada.id, 'tutor')).toEqual(
      fail('Ada is the organisation’s only administrator: make someone else one first.'),
    );
    expect(await removeMember(store, ada.id)).toEqual(
      fail('Ada is the organisation’s only administrator: make someone else one first.'),
    );
    const bea = await invite(store, { organisationId: organisation.id, name: 'Bea', role: 'tutor' });
    if (!bea.ok) throw new Error(bea.problem);
    expect(await changeRole(store, bea.value.member.id, 'administrator', ada.id)).toMatchObject({ ok: true });
    expect(await changeRole(store, ada.id, 'quality-reviewer', bea.value.member.id)).toMatchObject({
      ok: true,
      value: { role: 'quality-reviewer' },
    });
    const session = await startSession(store, ada.id, 'Chromium', start);
    expect(await removeMember(store, ada.id, bea.value.member.id, later(1000))).toMatchObject({ ok: true });
    expect(await signedIn(store, session, later(2000))).toEqual(
      fail('You signed out, or were signed out, on this device. Sign in again.'),
    );
    expect(await reinvite(store, ada.id)).toEqual(
      fail('Ada was removed from the organisation; invite them again as new.'),
    );
    const log = await store.audit(organisation.id);
    expect(log.slice(-3).map((entry) => [entry.action, entry.actor, entry.detail])).toEqual([
      ['role changed', ada.id, { from: 'tutor', to: 'administrator' }],
      ['role changed', bea.value.member.id, { from: 'administrator', to: 'quality-reviewer' }],
      ['member removed', bea.value.member.id, { name: 'Ada' }],
    ]);
  });
});

describe('sessions', () => {
  it('signs a member in until they stay away longer than the organisation’s idle time', async () => {
    const { organisation, member } = await agency();
    await store.setSessionIdleMinutes(organisation.id, 30);
    const token = await startSession(store, member.id, 'Chromium on Linux', start);
    expect(await store.session(token)).toBeUndefined();
    expect(await signedIn(store, token, later(29 * 60_000))).toMatchObject({
      ok: true,
      value: { member: { id: member.id } },
    });
    // Use moved the idle clock on: 29 minutes after that use is still in time.
    expect((await signedIn(store, token, later(58 * 60_000))).ok).toBe(true);
    expect(await signedIn(store, token, later(89 * 60_000))).toEqual(
      fail('You were signed out after a time without using Margin. Sign in again.'),
    );
    expect(await signedIn(store, 'x'.repeat(43), start)).toEqual(fail('You are not signed in on this device.'));
  });

  it('reads the session cookie and writes it HttpOnly, SameSite=Strict, and Secure over https', () => {
    const token = 'A'.repeat(43);
    expect(sessionTokenOf(`theme=dark; margin_session=${token}; other=1`)).toBe(token);
    expect(sessionTokenOf('margin_session=short')).toBeUndefined();
    expect(sessionTokenOf(undefined)).toBeUndefined();
    expect(sessionCookie(token, true)).toBe(`margin_session=${token}; Path=/; HttpOnly; SameSite=Strict; Secure`);
    expect(sessionCookie('', false)).toBe('margin_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
  });
});
