// A field's role from its key (context.ts explains roles). No runtime imports: the extension's content
// script reads roles on every page it runs on and should not load zod to do it.
import type { CheckContext, FieldRole } from './context.ts';

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
