// The objective prompts: advice drawn from the guides, each rule for the fields it is about.
import type { Rule } from '../rule.ts';
import { learnerWordsInLearnerComments } from './learner-words-in-learner-comments.ts';
import { noPersonalObservations } from './no-personal-observations.ts';
import { noQuestionsInComments } from './no-questions-in-comments.ts';
import { progressRefersToObjectives } from './progress-refers-to-objectives.ts';
import { smartObjective } from './smart-objective.ts';

export const promptRules: readonly Rule[] = [
  smartObjective,
  progressRefersToObjectives,
  noQuestionsInComments,
  noPersonalObservations,
  learnerWordsInLearnerComments,
];
