// Tokens: JWTs (HS256, via jose) that name one report, one role, an expiry and an id (jti) that can be revoked.
// The signing secret is RELAY_SECRET, or one the relay makes once and keeps in its data folder (mode 0600).
// Checking a token gives either the access it grants or a refusal with a close code, an HTTP status and a
// reason a person can act on; the same refusal serves websocket sync and the HTTP API.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errors, jwtVerify, SignJWT } from 'jose';
import { closeCodes, refusalReasons } from '../shared/protocol/limits.ts';
import type { Role } from '../shared/protocol/roles.ts';
import { TokenClaims } from '../shared/protocol/tokens.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import type { MemberRecord, OrganisationStore } from './storage/organisations.ts';
import type { ErasureStore } from './storage/erasure.ts';
import type { AccessStore } from './storage/store.ts';

export const secretFileName = 'relay-secret';
const minSecretLength = 32;

/** The secret tokens are signed with: RELAY_SECRET when set, else the data folder's, made on first use. */
export function loadSecret(dataDir: string, relaySecret = process.env.RELAY_SECRET): Uint8Array {
  if (relaySecret !== undefined && relaySecret !== '') {
    if (relaySecret.length < minSecretLength) {
      throw new Error(
        `RELAY_SECRET must be at least ${minSecretLength} characters (it signs every link); leave it unset to have the relay make one in ${dataDir}`,
      );
    }
    return new TextEncoder().encode(relaySecret);
  }
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, secretFileName);
  try {
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Whoever can read the secret can make any link: keep it to the relay's own user.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < minSecretLength)
    throw new Error(
      `${file} holds no usable secret: delete it and the relay makes a new one (every link made so far stops working)`,
    );
  return new TextEncoder().encode(secret);
}

export interface MintedToken {
  token: string;
  claims: TokenClaims;
}

/** A token's claims when it is signed here and in date; otherwise which of the two it is not. */
export type TokenCheck = Result<TokenClaims, 'invalid' | 'expired'>;

export class Tokens {
  constructor(private readonly secret: Uint8Array) {}

  /**
   * A new token; `issuedAt` (seconds) is for tests that need one already expired. A member's token names them
   * (`member`), and a coordinator's is read-only.
   */
  async mint(
    doc: string,
    role: Role,
    ttlSeconds: number,
    issuedAt = Math.floor(Date.now() / 1000),
    holder: { member?: string; name?: string; readOnly?: true } = {},
  ): Promise<MintedToken> {
    const claims = TokenClaims.parse({
      doc,
      role,
      jti: randomBytes(12).toString('base64url'),
      iat: issuedAt,
      exp: issuedAt + ttlSeconds,
      ...holder,
    });
    const token = await new SignJWT({ doc: claims.doc, role: claims.role, ...holder })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setJti(claims.jti)
      .setIssuedAt(claims.iat)
      .setExpirationTime(claims.exp)
      .sign(this.secret);
    return { token, claims };
  }

  async read(token: string): Promise<TokenCheck> {
    try {
      const { payload } = await jwtVerify(token, this.secret, { algorithms: ['HS256'] });
      const claims = TokenClaims.safeParse(payload);
      return claims.success ? ok(claims.data) : fail('invalid');
    } catch (error) {
      return fail(error instanceof errors.JWTExpired ? 'expired' : 'invalid');
    }
  }
}

export interface Refusal {
  /** The websocket close code. */
  code: number;
  /** The HTTP status for the API. */
  status: number;
  reason: string;
}

export const refusals = {
  linkMissing: { code: closeCodes.linkInvalid, status: 401, reason: refusalReasons.linkMissing },
  linkInvalid: { code: closeCodes.linkInvalid, status: 401, reason: refusalReasons.linkInvalid },
  linkExpired: { code: closeCodes.linkExpired, status: 401, reason: refusalReasons.linkExpired },
  wrongReport: { code: closeCodes.wrongReport, status: 403, reason: refusalReasons.wrongReport },
  linkWithdrawn: { code: closeCodes.linkWithdrawn, status: 410, reason: refusalReasons.linkWithdrawn },
  memberRemoved: { code: closeCodes.linkWithdrawn, status: 403, reason: refusalReasons.memberRemoved },
  reportErased: { code: closeCodes.reportErased, status: 410, reason: refusalReasons.reportErased },
} satisfies Record<string, Refusal>;

/**
 * What a checked token grants, and for a member's token the member's account as the store has it now: the name
 * and id the relay stamps on what they say (decisions, comments, presence), whatever their device claims.
 */
export type Holder = TokenClaims & { account?: MemberRecord };

/** The holder of a token that opens the report, or the refusal (close code, HTTP status, reason) when it does not. */
export type AccessCheck = Result<Holder, Refusal>;

/**
 * What a token lets its holder do with one report, checked in this order: present, signed here, in date, this
 * report, not erased, not revoked, and for a member's token, its member not removed. The owner's own link of a registered report
 * (the tutor link its registration was proved with) is the owner's too: it carries their account, and is refused
 * once they are removed.
 */
export async function checkAccess(
  tokens: Tokens,
  store: AccessStore & Pick<OrganisationStore, 'member' | 'report'> & Pick<ErasureStore, 'isErased'>,
  token: string | null | undefined,
  reportId: string,
): Promise<AccessCheck> {
  if (!token) return fail(refusals.linkMissing);
  const read = await tokens.read(token);
  if (!read.ok) return fail(read.problem === 'expired' ? refusals.linkExpired : refusals.linkInvalid);
  if (read.value.doc !== reportId) return fail(refusals.wrongReport);
  if (await store.isErased(reportId)) return fail(refusals.reportErased);
  if (await store.isRevoked(read.value.jti)) return fail(refusals.linkWithdrawn);
  if (read.value.member !== undefined) {
    const member = await store.member(read.value.member);
    if (!member || member.removedAt) return fail(refusals.memberRemoved);
    return ok({ ...read.value, account: member });
  }
  const registered = read.value.role === 'tutor' ? await store.report(reportId) : undefined;
  if (registered?.ownerLink === read.value.jti) {
    const owner = await store.member(registered.ownerId);
    if (!owner || owner.removedAt) return fail(refusals.memberRemoved);
    return ok({ ...read.value, account: owner });
  }
  return ok(read.value);
}
