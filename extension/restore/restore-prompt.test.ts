import { describe, expect, it } from 'vitest';
import { when } from './restore-prompt.ts';

describe('when', () => {
  const now = new Date(2026, 10, 23, 16, 5);

  it('gives the time alone for a copy saved today', () => {
    expect(when(new Date(2026, 10, 23, 10, 42), now)).toBe('at 10:42');
  });

  it('adds the day for an older copy', () => {
    expect(when(new Date(2026, 10, 21, 9, 7), now)).toBe('on 21 November at 09:07');
  });
});
