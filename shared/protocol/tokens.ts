// What a share link's token says. Tokens are JWTs (HS256) signed by the relay; only the relay checks the
// signature. The app reads the claims unverified, to know which report and role a link it was given is for.
import { z } from 'zod';
import { Role } from './roles.ts';
import { ReportId } from './rooms.ts';
import { fail, ok, type Result } from '../result.ts';

export const TokenClaims = z.object({
  /** The one report the token opens. */
  doc: ReportId,
  role: Role,
  /** The token's id: what a revocation names. */
  jti: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  /** Expiry and issue time, in seconds since 1970 (JWT's NumericDate). */
  exp: z.number().int().positive(),
  iat: z.number().int().positive(),
  /** For a token the relay made for a signed-in member (member-access.ts): whose it is, so removing them closes it. */
  member: z
    .string()
    .regex(/^[0-9a-f-]{36}$/)
    .optional(),
  /**
   * In a member's token: their account's name, for the app to write in their comments; the relay checks comments
   * against the account itself and stamps decisions and presence with it. In a share link made for a named person:
   * that name, which the relay holds their comments to and stamps on their decisions and presence the same way.
   */
  name: z.string().min(1).max(120).optional(),
  /** The holder reads every room the role may read and writes nothing, nor decides or shares (a coordinator). */
  readOnly: z.literal(true).optional(),
});
export type TokenClaims = z.infer<typeof TokenClaims>;

const hour = 60 * 60;
const day = 24 * hour;

/** How long tokens last unless asked otherwise. */
export const defaultTtlSeconds = {
  /** The tutor token a report's creator gets: the creator should not lose their own report. */
  creator: 365 * day,
  /** A share link made in the app. */
  link: 30 * day,
  /** `npm run token`. */
  cli: 8 * hour,
  /** A signed-in member's room token: the app asks again before it expires, so membership is read again often. */
  member: hour,
} as const;
export const maxTtlSeconds = 366 * day;

const ttlUnits: Record<string, number> = { s: 1, m: 60, h: hour, d: day };

/** "90s", "30m", "8h", "7d" as a number of seconds; a problem when it is not a time-to-live the relay accepts. */
export function parseTtl(text: string): Result<number> {
  const match = /^(\d{1,6})([smhd])$/.exec(text.trim());
  if (!match)
    return fail(`"${text.slice(0, 20)}" is not a time-to-live: use a number and s, m, h or d, like 8h or 30d`);
  const seconds = Number(match[1]) * ttlUnits[match[2]];
  if (seconds < 1 || seconds > maxTtlSeconds) return fail('A link lasts from 1 second to 366 days');
  return ok(seconds);
}

/** The claims of a token, read without checking its signature; undefined when it is not a Margin token. */
export function readClaimsUnverified(token: string): TokenClaims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(
      payload
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(payload.length / 4) * 4, '='),
    );
    return TokenClaims.safeParse(JSON.parse(json)).data;
  } catch {
    return undefined;
  }
}
