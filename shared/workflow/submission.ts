// What every report's submission checks share: a problem names the form element it is about (`fieldId`, the
// element's id in the app's form) so the list can take the user there. Each kind's own rules are in its folder
// (shared/reports/<kind>/rules.ts); the transition itself is status.ts's and the relay's.
import type { z } from 'zod';

export interface SubmissionProblem {
  /** The id of the form element to take the user to. */
  fieldId: string;
  /** That element's label, when it has one, so the list reads "Target %: ...". */
  label?: string;
  message: string;
}

/** What the device knows beyond the report itself. */
export interface SubmissionContext {
  /** The report's assignment, for its dates. */
  assignment?: { startDate: string; endDate: string };
  /** For a progress report: the latest plan, score and target before it (from the plan or the last progress report). */
  previous?: { reportId?: string; plan?: string; score?: number; target?: number };
}

export type Labeller = (fieldId: string) => string | undefined;

export function problemsFrom(
  result: z.ZodSafeParseResult<unknown>,
  fieldId: (path: PropertyKey[]) => string,
  label: Labeller,
): SubmissionProblem[] {
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const id = fieldId(issue.path);
    return { fieldId: id, label: label(id), message: issue.message };
  });
}

export function withRules(
  found: SubmissionProblem[],
  rules: (SubmissionProblem | undefined)[],
  label: Labeller,
): SubmissionProblem[] {
  const all = [
    ...found,
    ...rules
      .filter((rule): rule is SubmissionProblem => !!rule)
      .map((rule) => ({ ...rule, label: label(rule.fieldId) })),
  ];
  const seen = new Set<string>();
  return all.filter((problem) => {
    const key = `${problem.fieldId}\n${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
