import { describe, expect, it } from 'vitest';
import { AddressCounter, countersOf } from './address-limit.ts';

describe('the per-address limiter', () => {
  it('allows so many in the window from one address, then says how long to wait, apart for each address', () => {
    const counter = new AddressCounter({ allowed: 2, perMs: 1000 });
    expect(counter.count('a', 0).ok).toBe(true);
    expect(counter.count('a', 400).ok).toBe(true);
    expect(counter.count('a', 500)).toEqual({ ok: false, problem: { waitMs: 500 } });
    expect(counter.count('b', 500).ok).toBe(true);
    // A refused try is not counted: once the first has left the window, one more is allowed.
    expect(counter.count('a', 1000).ok).toBe(true);
    expect(counter.count('a', 1001)).toEqual({ ok: false, problem: { waitMs: 399 } });
  });

  it('keeps one counter per owner', () => {
    const counterOf = countersOf<object>();
    const [one, two] = [{}, {}];
    const limit = { allowed: 1, perMs: 1000 };
    expect(counterOf(one, limit)).toBe(counterOf(one, limit));
    expect(counterOf(one, limit).count('a').ok).toBe(true);
    expect(counterOf(one, limit).count('a').ok).toBe(false);
    expect(counterOf(two, limit).count('a').ok).toBe(true);
  });
});
