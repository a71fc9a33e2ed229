// Which form and field a text is from, so rules can depend on it. Forms and fields are open-ended:
// a field's role (is it a learning objective? a comment? the learner's own words?) comes from its
// key, and a form can say the role outright for a field whose key does not tell. How the role is worked
// out from the key lives in field-role.ts, free of zod, so the extension's content script can use it
// without carrying the schema library into every page.
import { z } from 'zod';

export const FieldRole = z.enum([
  'learning-objective',
  'progress-comment',
  'comment',
  'learner-words',
  'internal',
  'other',
]);
export type FieldRole = z.infer<typeof FieldRole>;

export const CheckContext = z.object({
  /** The form's name, e.g. "session-report", "ilp", "progress-report". */
  form: z.string().optional(),
  /** The field's key, e.g. "learningObjective1", "progressComment", "learnerComments". */
  field: z.string().optional(),
  /** Overrides the role worked out from the field's key. */
  role: FieldRole.optional(),
  /** The report's learning objectives, for the rule that a progress comment refers to them. */
  objectives: z.array(z.string()).optional(),
  /** The names the report is about (its learners, the teacher or tutor): their words are never misspellings. */
  names: z.array(z.string().max(200)).max(100).optional(),
});
export type CheckContext = z.infer<typeof CheckContext>;
