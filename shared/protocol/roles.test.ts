import { describe, expect, it } from 'vitest';
import { canShareAs, powers, roles } from './roles.ts';

describe('who makes share links', () => {
  it('a holder makes links for roles at or below their own', () => {
    expect(roles.filter((target) => canShareAs('tutor', target))).toEqual([...roles]);
    expect(roles.filter((target) => canShareAs('reviewer', target))).toEqual(['reviewer', 'client', 'teacher']);
    expect(roles.filter((target) => canShareAs('teacher', target))).toEqual(['client', 'teacher']);
  });

  it('a client reads the report and makes no links, not even for another client', () => {
    expect(powers.client.makesLinks).toBe(false);
    expect(roles.filter((target) => canShareAs('client', target))).toEqual([]);
  });

  it('every role that makes no links may share as nothing', () => {
    for (const holder of roles.filter((role) => !powers[role].makesLinks))
      for (const target of roles) expect(canShareAs(holder, target)).toBe(false);
  });
});
