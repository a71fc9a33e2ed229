// Passkeys through @simplewebauthn/server: enrolling one with an invitation, adding one from a signed-in
// device, and signing in with any of them (discoverable credentials, so nobody types a user name). Every
// ceremony answers a challenge the relay made and keeps until it is answered once or expires (5 minutes),
// in the store, so the options may come from one relay node and the answer go to another.
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { fail, ok, type Result } from '../../shared/result.ts';
import type { ChallengeRecord, MemberRecord, OrganisationStore } from '../storage/organisations.ts';
import { openInvitation } from './members.ts';
import { startSession } from './sessions.ts';

export interface RelyingParty {
  /** The relay's host name, without port: what passkeys are bound to. */
  id: string;
  /** What the browser shows when it asks to make a passkey. */
  name: string;
  /** The origins the app is served from (scheme, host and port). */
  origins: string[];
}

const challengeMs = 5 * 60_000;

/** The relying party for an app served at `origin`: passkeys are bound to its host name. */
export function relyingParty(origin: string): RelyingParty {
  const url = new URL(origin);
  return { id: url.hostname, name: 'Margin', origins: [url.origin] };
}

export interface SignedInWithPasskey {
  member: MemberRecord;
  /** The new session's cookie token. */
  sessionToken: string;
}

async function keepChallenge(
  store: OrganisationStore,
  challenge: string,
  purpose: ChallengeRecord['purpose'],
  subject: string | undefined,
  now: Date,
): Promise<void> {
  await store.addChallenge({
    challenge,
    purpose,
    ...(subject ? { subject } : {}),
    expiresAt: new Date(now.getTime() + challengeMs).toISOString(),
  });
}

/** A check for the library: the challenge is one this relay made for this purpose and subject, taken once. */
const answersChallenge =
  (store: OrganisationStore, purpose: ChallengeRecord['purpose'], subject: string | undefined, now: Date) =>
  async (challenge: string): Promise<boolean> => {
    const kept = await store.takeChallenge(challenge);
    return (
      kept !== undefined && kept.purpose === purpose && kept.subject === subject && kept.expiresAt > now.toISOString()
    );
  };

const refusedPasskey =
  'Your passkey’s answer could not be checked. Try again; if it keeps failing, ask for a new invitation.';

async function registrationOptions(
  store: OrganisationStore,
  rp: RelyingParty,
  member: MemberRecord,
  purpose: 'enrol' | 'add-passkey',
  subject: string,
  now: Date,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await store.passkeysOf(member.id);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: member.name,
    userDisplayName: member.name,
    userID: new TextEncoder().encode(member.id),
    attestationType: 'none',
    excludeCredentials: existing.map((passkey) => ({ id: passkey.id })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  await keepChallenge(store, options.challenge, purpose, subject, now);
  return options;
}

async function register(
  store: OrganisationStore,
  rp: RelyingParty,
  member: MemberRecord,
  response: RegistrationResponseJSON,
  purpose: 'enrol' | 'add-passkey',
  subject: string,
  label: string,
  now: Date,
): Promise<Result<string>> {
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: answersChallenge(store, purpose, subject, now),
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
  } catch {
    return fail(refusedPasskey);
  }
  if (!verified.verified) return fail(refusedPasskey);
  const { credential } = verified.registrationInfo;
  if (await store.passkey(credential.id)) return fail('That passkey is already enrolled.');
  await store.addPasskey({
    id: credential.id,
    memberId: member.id,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    transports: credential.transports ?? [],
    label: label.slice(0, 80),
    createdAt: now.toISOString(),
  });
  await store.appendAudit({
    organisationId: member.organisationId,
    at: now.toISOString(),
    actor: member.id,
    action: 'passkey added',
    subject: member.id,
    detail: { label },
  });
  return ok(credential.id);
}

/** Options for enrolling a passkey with an invitation. */
export async function enrolmentOptions(
  store: OrganisationStore,
  rp: RelyingParty,
  invitationToken: string,
  now = new Date(),
): Promise<Result<PublicKeyCredentialCreationOptionsJSON>> {
  const open = await openInvitation(store, invitationToken, now);
  if (!open.ok) return open;
  return ok(await registrationOptions(store, rp, open.value.member, 'enrol', open.value.invitation.id, now));
}

/** Enrols the passkey that answered an invitation's options, uses the invitation up, and signs the member in. */
export async function enrol(
  store: OrganisationStore,
  rp: RelyingParty,
  invitationToken: string,
  response: RegistrationResponseJSON,
  label: string,
  now = new Date(),
): Promise<Result<SignedInWithPasskey>> {
  const open = await openInvitation(store, invitationToken, now);
  if (!open.ok) return open;
  const { invitation, member } = open.value;
  const added = await register(store, rp, member, response, 'enrol', invitation.id, label, now);
  if (!added.ok) return added;
  if (!(await store.useInvitation(invitation.id, now.toISOString()))) {
    await store.removePasskey(added.value, member.id);
    return fail('This invitation has been used already. Sign in with your passkey, or ask for a new invitation.');
  }
  // Enrolling signs the member in: the log says so, as it does for every later sign-in.
  await store.appendAudit({
    organisationId: member.organisationId,
    at: now.toISOString(),
    actor: member.id,
    action: 'signed in',
    subject: member.id,
    detail: { with: 'invitation' },
  });
  return ok({ member, sessionToken: await startSession(store, member.id, label, now) });
}

/** Options for a signed-in member to add a passkey on another device. */
export async function addPasskeyOptions(
  store: OrganisationStore,
  rp: RelyingParty,
  member: MemberRecord,
  now = new Date(),
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return registrationOptions(store, rp, member, 'add-passkey', member.id, now);
}

export async function addPasskey(
  store: OrganisationStore,
  rp: RelyingParty,
  member: MemberRecord,
  response: RegistrationResponseJSON,
  label: string,
  now = new Date(),
): Promise<Result<string>> {
  return register(store, rp, member, response, 'add-passkey', member.id, label, now);
}

/** Options for signing in: any passkey of any member may answer (the browser lists the ones it holds). */
export async function signInOptions(
  store: OrganisationStore,
  rp: RelyingParty,
  now = new Date(),
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: 'required' });
  await keepChallenge(store, options.challenge, 'sign-in', undefined, now);
  return options;
}

/** Signs in the member whose passkey answered sign-in options; a new session for them. */
export async function signIn(
  store: OrganisationStore,
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
  label: string,
  now = new Date(),
): Promise<Result<SignedInWithPasskey>> {
  const passkey = typeof response?.id === 'string' ? await store.passkey(response.id) : undefined;
  if (!passkey)
    return fail(
      'This passkey is not enrolled with Margin here. Use the passkey you enrolled, or ask for an invitation.',
    );
  const member = await store.member(passkey.memberId);
  if (!member || member.removedAt) return fail('You are no longer a member of the organisation.');
  let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: answersChallenge(store, 'sign-in', undefined, now),
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        counter: passkey.counter,
        transports: passkey.transports as never,
      },
      requireUserVerification: true,
    });
  } catch {
    return fail('Your passkey’s answer could not be checked. Try signing in again.');
  }
  if (!verified.verified) return fail('Your passkey’s answer could not be checked. Try signing in again.');
  await store.usePasskey(passkey.id, verified.authenticationInfo.newCounter, now.toISOString());
  await store.appendAudit({
    organisationId: member.organisationId,
    at: now.toISOString(),
    actor: member.id,
    action: 'signed in',
    subject: member.id,
  });
  return ok({ member, sessionToken: await startSession(store, member.id, label, now) });
}
