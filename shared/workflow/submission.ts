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

/**
 * A choice still open in a draft that brings rules with it once it is made: a learner's attendance (present, the
 * objectives and engagement; absent, a reason). Each outcome is the draft as it would be once made that way.
 */
export interface OpenChoice<Draft> {
  /** The form element where the choice is made: the list takes the user there for a rule whose field is not shown yet. */
  fieldId: string;
  outcomes: readonly { when: string; draft: Draft }[];
}

/** A rule that does not apply yet but will once a choice is made one way. */
export interface ConditionalProblem extends SubmissionProblem {
  /** The way the choice is made, as the list says it: "If Sam attended". */
  when: string;
  /** The form element where that choice is made. */
  choiceFieldId: string;
}

/** Every problem about the draft now, and those that would newly apply once each open choice is made each way. */
export interface SubmissionCheck {
  now: SubmissionProblem[];
  onceChosen: ConditionalProblem[];
}

const problemKey = (problem: SubmissionProblem) => `${problem.fieldId}\n${problem.message}`;

/**
 * Checks the draft as it is and as it would be after each outcome of each open choice, so the rules a choice brings
 * are known before it is made: an outcome lists the problems it would add to those there are now.
 */
export function checkWithChoices<Draft>(
  draft: Draft,
  choices: readonly OpenChoice<Draft>[],
  problems: (draft: Draft) => SubmissionProblem[],
): SubmissionCheck {
  const now = problems(draft);
  const seen = new Set(now.map(problemKey));
  const onceChosen = choices.flatMap((choice) =>
    choice.outcomes.flatMap(({ when, draft: chosen }) => {
      const listed = new Set<string>();
      return problems(chosen)
        .filter((problem) => !seen.has(problemKey(problem)) && !listed.has(problemKey(problem)))
        .map((problem) => {
          listed.add(problemKey(problem));
          return { ...problem, when, choiceFieldId: choice.fieldId };
        });
    }),
  );
  return { now, onceChosen };
}
