// The problems of a form's fields, for the organisation's forms: checked with the request's own schema before it is
// sent, each shown under its field (its element id is `<prefix>-<key>`), the first focused, and each gone once that
// field is being put right.
import { createSignal } from 'solid-js';
import type { z } from 'zod';
import type { FieldProblem } from '../../../shared/result.ts';

export function createFieldProblems(prefix: string) {
  const [problems, setProblems] = createSignal<FieldProblem[]>([]);
  return {
    /** The problem of the field with this element id, or ''. */
    of: (field: string) => problems().find((each) => each.field === field)?.message ?? '',
    /** Takes a field's new value, and drops its problem. */
    edited: (field: string, value: string, set: (value: string) => void) => {
      set(value);
      setProblems(problems().filter((each) => each.field !== field));
    },
    /** The request, if `schema` takes it; otherwise its problems are shown and the first field is focused. */
    check<T extends z.ZodType>(schema: T, request: unknown): z.infer<T> | undefined {
      const checked = schema.safeParse(request);
      if (checked.success) {
        setProblems([]);
        return checked.data;
      }
      const found = checked.error.issues.map((issue) => ({
        field: `${prefix}-${String(issue.path[0])}`,
        message: issue.message,
      }));
      setProblems(found);
      document.getElementById(found[0]!.field)?.focus();
      return undefined;
    },
  };
}
