// How many times one address may do something in a window (new reports, sign-in attempts, questions about erased
// reports): the relay's one per-address limiter. Counts are kept in memory, per relay node; an address that has done
// nothing for a window is forgotten once many are kept, so the map stays small.
import { fail, ok, type Result } from '../shared/result.ts';

export interface AddressLimit {
  /** How many times in `perMs`. */
  allowed: number;
  perMs: number;
}

/** Past the limit: how long until the address may try again. */
export interface OverLimit {
  waitMs: number;
}

export class AddressCounter {
  private readonly times = new Map<string, number[]>();

  constructor(readonly limit: AddressLimit) {}

  /** Counts one from `address`; over the limit it is not counted, and says how long to wait. */
  count(address: string, now = Date.now()): Result<void, OverLimit> {
    const { allowed, perMs } = this.limit;
    const recent = (this.times.get(address) ?? []).filter((at) => now - at < perMs);
    if (recent.length >= allowed) {
      this.times.set(address, recent);
      return fail({ waitMs: perMs - (now - recent[0]!) });
    }
    recent.push(now);
    this.times.set(address, recent);
    if (this.times.size > 10_000)
      for (const [key, times] of this.times) if (times.every((at) => now - at >= perMs)) this.times.delete(key);
    return ok(undefined);
  }
}

/** One counter per owner (a relay's API context, say), made on first use. */
export function countersOf<Owner extends object>(): (owner: Owner, limit: AddressLimit) => AddressCounter {
  const counters = new WeakMap<Owner, AddressCounter>();
  return (owner, limit) => {
    let counter = counters.get(owner);
    if (!counter) counters.set(owner, (counter = new AddressCounter(limit)));
    return counter;
  };
}
