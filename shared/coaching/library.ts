// An action-step library: strands, each of modules, each of bite-sized action steps with success criteria
// (domain guide 001). A school can bring its own as JSON; this schema says what such a file must hold, and
// the errors name the exact place that is wrong, so nothing half-read ever replaces the library in use.
import { z } from 'zod';
import { fail, ok, type Result } from '../result.ts';

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'An id is 1 to 64 lower-case letters, digits or "-".' });
const Title = z
  .string()
  .trim()
  .min(1, { error: 'A title cannot be empty.' })
  .max(200, { error: 'A title holds at most 200 characters.' });

export const ActionStep = z.object({
  id: Id,
  title: Title,
  successCriteria: z
    .array(
      z
        .string()
        .trim()
        .min(1, { error: 'A success criterion cannot be empty.' })
        .max(300, { error: 'A success criterion holds at most 300 characters.' }),
    )
    .min(1, { error: 'A step needs at least one success criterion.' })
    .max(10, { error: 'A step holds at most 10 success criteria.' }),
});
export type ActionStep = z.infer<typeof ActionStep>;

export const StepModule = z.object({
  id: Id,
  title: Title,
  steps: z.array(ActionStep).min(1, { error: 'A module needs at least one step.' }),
});
export type StepModule = z.infer<typeof StepModule>;

export const Strand = z.object({
  id: Id,
  title: Title,
  modules: z.array(StepModule).min(1, { error: 'A strand needs at least one module.' }),
});
export type Strand = z.infer<typeof Strand>;

export const StepLibrary = z
  .object({
    name: Title,
    strands: z.array(Strand).min(1, { error: 'A library needs at least one strand.' }),
  })
  .superRefine((library, context) => {
    const seen = new Set<string>();
    library.strands.forEach((strand, s) =>
      strand.modules.forEach((module, m) =>
        module.steps.forEach((step, i) => {
          if (seen.has(step.id)) {
            context.addIssue({
              code: 'custom',
              path: ['strands', s, 'modules', m, 'steps', i, 'id'],
              message: `The step id "${step.id}" is used twice; each step needs its own.`,
            });
          }
          seen.add(step.id);
        }),
      ),
    );
  });
export type StepLibrary = z.infer<typeof StepLibrary>;

export type LibraryParse = Result<StepLibrary>;

/** "strands 1, modules 2, steps 3, title" for a zod path: positions counted from 1, as a person would. */
function placeOf(path: PropertyKey[]): string {
  const words = path.map((part) => (typeof part === 'number' ? String(part + 1) : String(part)));
  const pairs: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const next = words[i + 1];
    if (next !== undefined && /^\d+$/.test(next)) {
      pairs.push(`${words[i].replace(/s$/, '')} ${next}`);
      i++;
    } else pairs.push(words[i]);
  }
  return pairs.join(', ');
}

/** Reads a library file's text; a problem naming the first thing wrong when it is not a library. */
export function parseLibrary(text: string): LibraryParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('This file is not JSON, so it cannot be a step library. Nothing was changed.');
  }
  const result = StepLibrary.safeParse(json);
  if (result.success) return ok(result.data);
  const issue = result.error.issues[0];
  const place = issue.path.length > 0 ? `${placeOf(issue.path)}: ` : '';
  const count = result.error.issues.length;
  const more = count > 1 ? ` (and ${count - 1} more problem${count === 2 ? '' : 's'})` : '';
  return fail(`This is not a step library. ${place}${issue.message}${more} Nothing was changed.`);
}

/** A step with where it sits in the library. */
export interface PlacedStep {
  step: ActionStep;
  strand: Strand;
  module: StepModule;
}

export function allSteps(library: StepLibrary): PlacedStep[] {
  return library.strands.flatMap((strand) =>
    strand.modules.flatMap((module) => module.steps.map((step) => ({ step, strand, module }))),
  );
}

/** Steps whose title, criteria, module or strand hold every word of the query (case-insensitive); all of them for an empty query. */
export function searchSteps(library: StepLibrary, query: string): PlacedStep[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return allSteps(library).filter(({ step, strand, module }) => {
    const haystack = [step.title, ...step.successCriteria, module.title, strand.title].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
