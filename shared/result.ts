// Expected failures are values: whatever can refuse (a transition, a link, a file to import) returns a
// Result, so the caller looks at `ok` before it has the value, and the reason always sits in `problem`,
// written for the person who will read it (or, where the caller words it, a code naming the case).
// Exceptions stay for the unexpected.
export type Result<T = undefined, P = string> = { ok: true; value: T } | { ok: false; problem: P };

export function ok(): { ok: true; value: undefined };
export function ok<T>(value: T): { ok: true; value: T };
export function ok<T>(value?: T) {
  return { ok: true as const, value };
}

/** A problem with one field of a form: the element's id (or the field's name) and what to do about it. */
export interface FieldProblem {
  field: string;
  message: string;
}

export const fail = <P>(problem: P): { ok: false; problem: P } => ({ ok: false, problem });
