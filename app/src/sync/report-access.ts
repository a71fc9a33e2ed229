// Which link this device holds for a report, and getting one: a report made on this device claims itself on
// the relay (as soon as the relay can be reached) and keeps the creator's tutor link; a share link opened
// here (/join/<id>#token=...) is kept as it is; a signed-in member's token opens their organisation's reports
// (organisation-reports.ts).
import { powers } from '../../../shared/protocol/roles.ts';
import { readClaimsUnverified } from '../../../shared/protocol/tokens.ts';
import { fail, ok, type Result } from '../../../shared/result.ts';
import { accessDb, type HeldLink } from './access-db.ts';
import { deleteLocalCopy } from './local-copy.ts';
import {
  mayAskAsMember,
  memberLink,
  needsRenewal,
  passing,
  claimingMember,
  registerClaimed,
  renewBeforeMs,
} from './organisation-reports.ts';
import { RelayApiError, relayApi } from './relay-api.ts';

export type AccessState =
  | { kind: 'checking' }
  | { kind: 'held'; link: HeldLink }
  /** A report made here that the relay has not been told about yet: it stays editable on this device. */
  | { kind: 'claiming'; problem?: string }
  | { kind: 'none'; reason: string };

export const heldLink = (reportId: string): Promise<HeldLink | undefined> => accessDb.links.get(reportId);

/** Keeps a share link's token for its report; a message when it is not one this report can use. */
export async function keepSharedLink(reportId: string, token: string, now = Date.now()): Promise<Result<HeldLink>> {
  const claims = readClaimsUnverified(token);
  if (!claims) return fail('This link is not complete. Check that it was copied in full.');
  if (claims.doc !== reportId) return fail('This link is for another report.');
  if (claims.exp * 1000 <= now)
    return fail('This link has expired. Ask the person who shared the report for a new one.');
  const previous = await heldLink(reportId);
  // A copy made without internal fields holds them as deleted; a role that sees them starts from the relay's copy.
  if (previous && !powers[previous.role].seesInternal && powers[claims.role].seesInternal)
    await deleteLocalCopy(reportId);
  const link: HeldLink = {
    reportId,
    token,
    role: claims.role,
    jti: claims.jti,
    expiresAt: new Date(claims.exp * 1000).toISOString(),
    source: 'shared',
    receivedAt: new Date(now).toISOString(),
  };
  await accessDb.links.put(link);
  return ok(link);
}

const retryMs = 10_000;
const claimKeyName = 'margin-claim-key';

/**
 * This device's claim key (shared/protocol/api.ts, ClaimRequest): made once and kept, so a claim whose answer was
 * lost can be made again from here. Without storage the claim goes without one, as it did before keys.
 */
export function deviceClaimKey(): string | undefined {
  try {
    let key = localStorage.getItem(claimKeyName);
    if (!key) {
      const bytes = crypto.getRandomValues(new Uint8Array(24));
      key = btoa(String.fromCharCode(...bytes))
        .replaceAll('+', '-')
        .replaceAll('/', '_')
        .replaceAll('=', '');
      localStorage.setItem(claimKeyName, key);
    }
    return key;
  } catch {
    return undefined;
  }
}

export const noLinkReason = 'This device has no link for this report. Open the share link you were sent.';

/**
 * Reports the link this device holds for a report, claiming the report first when it was made here and has
 * no link yet (retrying while the relay cannot be reached), and registering what it claimed with the signed-in
 * member's organisation. A report not made here opens with the signed-in member's token when their membership
 * gives them a part in it, asked for again before it expires. Returns a function that stops it.
 */
export function watchAccess(
  reportId: string,
  madeHere: () => boolean | Promise<boolean>,
  onState: (state: AccessState) => void,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const retry = () => {
    clearTimeout(timer);
    if (!stopped) void attempt();
  };
  const retryIn = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(retry, Math.max(0, ms));
  };
  const hold = (link: HeldLink) => {
    onState({ kind: 'held', link });
    if (link.source === 'member') retryIn(Date.parse(link.expiresAt) - renewBeforeMs - Date.now());
    if (link.source === 'claimed' && !link.organisationId)
      void registerClaimed(link).then(async (done) => {
        if (!done.ok) {
          if (passing(done.problem) && !stopped) retryIn(retryMs);
          return;
        }
        // Registered now: the link is its owner's (their comments carry their account), so it is reported again.
        const registered = await heldLink(reportId);
        if (!stopped && registered?.organisationId) onState({ kind: 'held', link: registered });
      });
  };
  async function attempt(): Promise<void> {
    const held = await heldLink(reportId);
    if (stopped) return;
    if (held && !needsRenewal(held)) return hold(held);
    if (held?.source === 'member') return askAsMember(held);
    const made = await madeHere();
    if (stopped) return;
    if (!made) return askAsMember();
    onState({ kind: 'claiming' });
    try {
      const grant = await relayApi.claim(reportId, deviceClaimKey());
      const by = await claimingMember();
      const link: HeldLink = {
        reportId,
        ...grant,
        source: 'claimed',
        receivedAt: new Date().toISOString(),
        ...(by ? { claimedBy: by } : {}),
      };
      await accessDb.links.put(link);
      if (!stopped) hold(link);
    } catch (error) {
      if (stopped) return;
      if (error instanceof RelayApiError && error.status !== 0 && error.status < 500) {
        return onState({ kind: 'none', reason: error.message });
      }
      onState({ kind: 'claiming', problem: error instanceof Error ? error.message : String(error) });
      retryIn(retryMs);
    }
  }
  /** Asks for the member's token; `held`, the one expiring, serves meanwhile if the relay cannot be reached. */
  async function askAsMember(held?: HeldLink): Promise<void> {
    if (!(await mayAskAsMember())) {
      if (!stopped)
        onState(
          held && Date.parse(held.expiresAt) > Date.now()
            ? { kind: 'held', link: held }
            : { kind: 'none', reason: noLinkReason },
        );
      return;
    }
    const asked = await memberLink(reportId);
    if (stopped) return;
    if (asked.ok) return hold(asked.value);
    if (passing(asked.problem)) {
      retryIn(retryMs);
      if (held && Date.parse(held.expiresAt) > Date.now()) return onState({ kind: 'held', link: held });
    }
    onState({ kind: 'none', reason: asked.problem.status === 404 ? noLinkReason : asked.problem.message });
  }
  window.addEventListener('online', retry);
  void attempt();
  return () => {
    stopped = true;
    clearTimeout(timer);
    window.removeEventListener('online', retry);
  };
}

/** The share link for a token: the token rides in the fragment, so it never reaches a server's logs. */
export function shareUrl(reportId: string, token: string, origin = window.location.origin): string {
  return `${origin}/join/${reportId}#token=${token}`;
}
