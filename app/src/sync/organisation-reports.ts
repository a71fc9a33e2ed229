// A signed-in member's side of their organisation's reports (docs/protocol.md, "Room tokens for members"): a
// report this device claimed while they were signed in is registered with their organisation, now or, when the
// relay is out of reach, later; reports claimed before they signed in are offered to be moved into it (or kept
// out, once asked); a report of the organisation opens without a share link, with a room token the relay makes
// from the membership, kept like any link and asked for again before it expires.
import { reportRegistrars } from '../../../shared/protocol/member-access.ts';
import { fail, ok, type Result } from '../../../shared/result.ts';
import { type ApiProblem, organisationApi } from '../organisation/organisation-api.ts';
import { checkSignedIn, signedIn } from '../organisation/signed-in.ts';
import { db } from '../store/db.ts';
import { accessDb, type HeldLink } from './access-db.ts';
import { deleteAllCopies } from './local-copy.ts';

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

/** The member signed in on this browser, to be named on a report it claims now; undefined when nobody is. */
export async function claimingMember(): Promise<string | undefined> {
  return (await member())?.member.id;
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
  if (!me || !reportRegistrars.includes(me.member.role)) return ok(undefined);
  // Claimed before this member signed in here: theirs to move or keep out (reportsToMove), not moved unasked.
  if (link.claimedBy !== me.member.id) return ok(undefined);
  return register(link, me);
}

async function register(
  link: HeldLink,
  me: { organisation: { id: string }; member: { id: string; name: string } },
): Promise<Result<void, ApiProblem>> {
  const done = await organisationApi.registerReport(link.reportId, link.token);
  if (!done.ok) return fail(done.problem);
  await accessDb.links.update(link.reportId, {
    organisationId: me.organisation.id,
    owner: { id: me.member.id, name: me.member.name },
  });
  return ok(undefined);
}

/**
 * The reports this device made before the signed-in tutor or mentor signed in (or before organisations), not
 * registered with any organisation and not kept out of theirs: the home page offers to move them in.
 */
export async function reportsToMove(): Promise<HeldLink[]> {
  const me = await member();
  if (!me || !reportRegistrars.includes(me.member.role)) return [];
  return accessDb.links
    .filter(
      (link) =>
        link.source === 'claimed' &&
        !link.organisationId &&
        link.claimedBy !== me.member.id &&
        link.keptOutOf !== me.organisation.id,
    )
    .toArray();
}

export interface Moved {
  moved: number;
  /** The reports the relay would not register, with its reason (another member registered one already, say). */
  refused: { reportId: string; message: string }[];
}

/** Registers each report with the signed-in member's organisation, with its tutor link; stops when the relay is out of reach. */
export async function moveIntoOrganisation(links: readonly HeldLink[]): Promise<Result<Moved, ApiProblem>> {
  const me = await member();
  if (!me || !reportRegistrars.includes(me.member.role))
    return fail({
      message: 'Sign in as a tutor, mentor or quality reviewer to move reports into your organisation.',
      status: 401,
    });
  const result: Moved = { moved: 0, refused: [] };
  for (const link of links) {
    const done = await register(link, me);
    if (done.ok) result.moved += 1;
    else if (passing(done.problem)) return fail(done.problem);
    else result.refused.push({ reportId: link.reportId, message: done.problem.message });
  }
  return ok(result);
}

/** Keeps the reports on this device only, out of the signed-in member's organisation: not offered again. */
export async function keepOutOfOrganisation(links: readonly HeldLink[]): Promise<void> {
  const me = await member();
  if (!me) return;
  await accessDb.links.bulkUpdate(
    links.map((link) => ({ key: link.reportId, changes: { keptOutOf: me.organisation.id } })),
  );
}

/** Registers every report this device claimed and has not registered yet (those made while the relay was out of reach). */
export async function registerAllClaimed(): Promise<void> {
  const me = await member();
  if (!me || !reportRegistrars.includes(me.member.role)) return;
  const waiting = await accessDb.links.filter((link) => link.source === 'claimed' && !link.organisationId).toArray();
  for (const link of waiting) {
    const done = await registerClaimed(link);
    if (!done.ok && passing(done.problem)) return;
  }
}

/**
 * The organisation's reports this device holds a copy of: those opened with a member's token, and those registered
 * from here. Asked after signing out, from this device alone.
 */
export function organisationCopies(): Promise<HeldLink[]> {
  return accessDb.links.filter((link) => link.source === 'member' || link.organisationId !== undefined).toArray();
}

/**
 * Removes this device's copies of the reports (their documents, keystroke journals, links and rows in the device's
 * lists), one at a time; how many went, and why the first that could not go did not (open in another tab, say).
 */
export async function removeCopies(links: readonly HeldLink[]): Promise<{ removed: number; problem?: string }> {
  let removed = 0;
  for (const link of links) {
    try {
      await removeCopy(link.reportId);
    } catch (error) {
      return { removed, problem: error instanceof Error ? error.message : String(error) };
    }
    removed += 1;
  }
  return { removed };
}

/** Removes this device's copy of one report: its documents, keystroke journal, link and row in the device's lists. */
export async function removeCopy(reportId: string): Promise<void> {
  await deleteAllCopies(reportId);
  await accessDb.links.delete(reportId);
  await db.reports.delete(reportId);
}
