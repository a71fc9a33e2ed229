import { describe, expect, it } from 'vitest';
import { parseTtl, readClaimsUnverified } from './tokens.ts';

const encode = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('token claims', () => {
  it('are read from a token without its signature being checked', () => {
    const claims = { doc: 'report-1', role: 'reviewer', jti: 'abcdefgh12', exp: 2_000_000_000, iat: 1_700_000_000 };
    expect(readClaimsUnverified(`${encode({ alg: 'HS256' })}.${encode(claims)}.signature`)).toEqual(claims);
  });

  it.each([
    ['not a token', 'hello'],
    ['a payload that is not JSON', `x.${btoa('{nope')}.y`],
    ['an unknown role', `x.${encode({ doc: 'r', role: 'admin', jti: 'abcdefgh12', exp: 2, iat: 1 })}.y`],
    ['a report id with a slash', `x.${encode({ doc: 'a/b', role: 'tutor', jti: 'abcdefgh12', exp: 2, iat: 1 })}.y`],
  ])('are not read from %s', (_what, token) => {
    expect(readClaimsUnverified(token)).toBeUndefined();
  });
});

describe('time-to-live', () => {
  it.each([
    ['90s', 90],
    ['30m', 1800],
    ['8h', 28800],
    ['7d', 604800],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseTtl(text)).toEqual({ ok: true, value: seconds });
  });

  it.each(['8', 'h', 'eight hours', '-1h', '0s', '400d'])('refuses %s with a reason', (text) => {
    const result = parseTtl(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(/time-to-live|from 1 second to 366 days/);
  });
});
