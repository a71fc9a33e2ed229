// Sign-in sessions: a random token in an HttpOnly cookie, kept on the relay only as its digest. A session ends
// when the member signs out (here or everywhere), is removed, or leaves it unused longer than their
// organisation's idle time. Use is recorded at most once a minute, so reading a page is not a write each time.
import { fail, ok, type Result } from '../../shared/result.ts';
import type { MemberRecord, OrganisationStore, SessionRecord } from '../storage/organisations.ts';
import { digestOf, newSecret } from './members.ts';

export const sessionCookieName = 'margin_session';

/** How often a session's last use is written down. */
const touchEveryMs = 60_000;

export async function startSession(
  store: OrganisationStore,
  memberId: string,
  label: string,
  now = new Date(),
): Promise<string> {
  const token = newSecret();
  await store.addSession({
    tokenHash: digestOf(token),
    memberId,
    label: label.slice(0, 120),
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
  });
  return token;
}

export interface SignedIn {
  member: MemberRecord;
  session: SessionRecord;
}

/** Who a session cookie's token signs in, or why it signs in no one (for the person, not the log). */
export async function signedIn(store: OrganisationStore, token: string, now = new Date()): Promise<Result<SignedIn>> {
  const session = await store.session(digestOf(token));
  if (!session) return fail('You are not signed in on this device.');
  if (session.endedAt) return fail('You signed out, or were signed out, on this device. Sign in again.');
  const member = await store.member(session.memberId);
  if (!member || member.removedAt) return fail('You are no longer a member of the organisation.');
  const organisation = await store.organisation(member.organisationId);
  const idleMs = (organisation?.sessionIdleMinutes ?? 0) * 60_000;
  const idleFor = now.getTime() - Date.parse(session.lastSeenAt);
  if (idleFor > idleMs) {
    await store.endSession(session.tokenHash, now.toISOString());
    return fail('You were signed out after a time without using Margin. Sign in again.');
  }
  if (idleFor > touchEveryMs) await store.touchSession(session.tokenHash, now.toISOString());
  return ok({ member, session });
}

/** The Set-Cookie value for a new session (Secure over https), or for ending one (`token` empty). */
export function sessionCookie(token: string, secure: boolean): string {
  const parts = [
    `${sessionCookieName}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
    ...(token ? [] : ['Max-Age=0']),
  ];
  return parts.join('; ');
}

/** The session token a request's Cookie header carries, if any. */
export function sessionTokenOf(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === sessionCookieName) {
      const token = value.join('=');
      return /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
    }
  }
  return undefined;
}
