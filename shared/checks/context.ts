// Which form and field a text is from, so rules can depend on it. Forms and fields are open-ended:
// a field's role (is it a learning objective? a comment? the learner's own words?) comes from its
// key, and a form can say the role outright for a field whose key does not tell.
import { z } from 'zod';

export const FieldRole = z.enum(['learning-objective', 'progress-comment', 'comment', 'learner-words', 'internal', 'other']);
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
});
export type CheckContext = z.infer<typeof CheckContext>;

// Most specific first. Keys in use: learningObjective1..3, progressComment, engagementComment,
// agencyComment (session report); assessmentComments, plan, learnerComments (ILP); progressAchieved,
// plan, learnerComments (progress report).
const rolesByKey: [RegExp, FieldRole][] = [
  [/agency|internal|coordinator/i, 'internal'],
  [/^(learner(comments?|words|voice|views?)|commentsFromLearner|learnersComments?)$/i, 'learner-words'],
  [/^(learning|session)?objective\d*$|^learningObjectives?\d*$/i, 'learning-objective'],
  [/progress.*comment|comment.*progress|^progress(?:achieved|made|summary)?$/i, 'progress-comment'],
  [/comments?$|feedback|notes$|reasons?$|summary|observations?$/i, 'comment'],
];

export function fieldRole(context: CheckContext): FieldRole {
  if (context.role) return context.role;
  const key = context.field ?? '';
  return rolesByKey.find(([pattern]) => pattern.test(key))?.[1] ?? 'other';
}
