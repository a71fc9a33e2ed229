// Canonical JSON: one exact text for one value, whatever order its keys were written in, so that a hash of it
// is the same on every device. Object keys are sorted by UTF-16 code units, no spaces, undefined members left
// out; only plain JSON values (strings, finite numbers, booleans, null, arrays, plain objects) are accepted.

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`canonical JSON has no ${value}`);
    return JSON.stringify(Object.is(value, -0) ? 0 : value);
  }
  if (Array.isArray(value))
    return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
    return `{${members.join(',')}}`;
  }
  throw new Error(
    `canonical JSON cannot hold a ${typeof value === 'object' ? (value as object).constructor?.name : typeof value}`,
  );
}
