// A signed-in member's side of their organisation's reports (docs/protocol.md, "Room tokens for members"): a
// report this device claimed is registered with the member's organisation, now or, when the relay is out of reach,
// later; a report of the organisation opens without a share link, with a room token the relay makes from the
// membership, kept like any link and asked for again before it expires.
import { reportWriters } from '../../../shared/protocol/member-access.ts';
import { fail, ok, type Result } from '../../../shared/result.ts';
import { type ApiProblem, organisationApi } from '../organisation/organisation-api.ts';
import { checkSignedIn, signedIn } from '../organisation/signed-in.ts';
import { accessDb, type HeldLink } from './access-db.ts';

/** A member's token is asked for again this long before it expires. */
export const renewBeforeMs = 10 * 60_000;

/** Whether a failure may go away by itself (the relay out of reach or in trouble), so is worth trying again. */
export const passing = (problem: ApiProblem): boolean => problem.status === 0 || problem.status >= 500;

/** A member's token that expires within `renewBeforeMs`: time to ask for another. */
export const needsRenewal = (link: HeldLink, now = Date.now()): boolean =>
  link.source === 'member' && Date.parse(link.expiresAt) - renewBeforeMs <= now;

/** The member signed in on this browser, once the relay has said; null when nobody is, or the relay cannot say. */
async function member() {
  await checkSignedIn();
  return signedIn() ?? null;
}

/** Whether this browser may ask for member tokens: someone is signed in, or the relay could not say (so try). */
export async function mayAskAsMember(): Promise<boolean> {
  await checkSignedIn();
  return signedIn() !== null;
}

/** Asks the relay for the signed-in member's token for a report, and keeps it as this device's link for it. */
export async function memberLink(reportId: string, now = Date.now()): Promise<Result<HeldLink, ApiProblem>> {
  const grant = await organisationApi.memberToken(reportId);
  if (!grant.ok) return grant;
  const { token, role, jti, expiresAt, readOnly } = grant.value;
  const link: HeldLink = {
    reportId,
    token,
    role,
    jti,
    expiresAt,
    ...(readOnly ? { readOnly } : {}),
    source: 'member',
    receivedAt: new Date(now).toISOString(),
  };
  await accessDb.links.put(link);
  return ok(link);
}

/**
 * Registers a report this device claimed with the signed-in tutor's or mentor's organisation, proving it with
 * the report's tutor link; remembered on the link, so it is done once. Nothing to do when nobody who writes
 * reports is signed in.
 */
export async function registerClaimed(link: HeldLink): Promise<Result<void, ApiProblem>> {
  if (link.source !== 'claimed' || link.organisationId) return ok(undefined);
  const me = await member();
  if (!me || !reportWriters.includes(me.member.role)) return ok(undefined);
  const done = await organisationApi.registerReport(link.reportId, link.token);
  if (!done.ok) return fail(done.problem);
  await accessDb.links.update(link.reportId, { organisationId: me.organisation.id });
  return ok(undefined);
}

/** Registers every report this device claimed and has not registered yet (those made while the relay was out of reach). */
export async function registerAllClaimed(): Promise<void> {
  const me = await member();
  if (!me || !reportWriters.includes(me.member.role)) return;
  const waiting = await accessDb.links.filter((link) => link.source === 'claimed' && !link.organisationId).toArray();
  for (const link of waiting) {
    const done = await registerClaimed(link);
    if (!done.ok && passing(done.problem)) return;
  }
}
