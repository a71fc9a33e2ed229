// The comment on progress says what the learner achieved against the session's objectives (domain
// guide 000: "comments relate only to objectives and progress"). It is flagged when an objective is
// neither named ("objective 2", "LO1") nor echoed by any of its main words.
import { fieldRole } from '../field-role.ts';
import { finding, type Rule } from '../rule.ts';

const rule: Pick<Rule, 'id' | 'kind'> = { id: 'prompt/progress-refers-to-objectives', kind: 'prompt' };

// Words that say nothing about what an objective is about.
const filler = new Set(
  (
    'a an the and or of to in on at by for with from into about their his her its they he she it we i learner learners pupil student ' +
    'will be able use using end session lesson today this that these those more than least out five four three two one all each ' +
    'correctly accurately independently without help support own words understand know learn explain identify describe ' +
    'able can could should would must may might get getting right some how what which when where who why is are was were ' +
    'do does did have has had not no yes so as up also'
  ).split(' '),
);

/** A word's rough stem, so "fractions" meets "fraction" and "adding" meets "add". */
function stem(word: string): string {
  return word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/(?:ing|ed|es|s|ly)$/, '')
    .replace(/(.)\1$/, '$1')
    .replace(/e$/, '');
}

function mainWords(text: string): Set<string> {
  const words = text.match(/[\p{L}]+/gu) ?? [];
  return new Set(words.filter((word) => word.length > 2 && !filler.has(word.toLowerCase())).map(stem));
}

function namesObjective(comment: string, number: number): boolean {
  return new RegExp(
    String.raw`\b(?:(?:learning\s+)?objective|LO|target|aim)\s*#?${number}\b|\b(?:first|second|third)\s+objective\b|\ball\s+(?:three|two|the)\s+objectives\b|\bboth\s+objectives\b|\b(?:the|this)\s+objective\b`,
    'iu',
  ).test(comment);
}

export const progressRefersToObjectives: Rule = {
  ...rule,
  appliesTo: (context) =>
    fieldRole(context) === 'progress-comment' &&
    (context.objectives ?? []).some((objective) => objective.trim() !== ''),
  check(text, context) {
    const trimmed = text.trim();
    if (trimmed.split(/\s+/).length < 6) return [];
    const said = mainWords(trimmed);
    const missed = (context.objectives ?? [])
      .map((objective, index) => ({ objective: objective.trim(), number: index + 1 }))
      .filter(({ objective, number }) => {
        if (objective === '' || namesObjective(trimmed, number)) return false;
        const words = mainWords(objective);
        return words.size > 0 && ![...words].some((word) => said.has(word));
      });
    if (missed.length === 0) return [];
    const which = missed.map(
      ({ number, objective }) =>
        `objective ${number} ("${objective.length > 60 ? `${objective.slice(0, 57)}…` : objective}")`,
    );
    const message = `Say how the learner did against ${which.join(' and ')}: what they achieved, or did not, and how you know. For example: "Sam identified 4 of 5 equivalent fractions, so objective 1 was partly achieved."`;
    const start = text.indexOf(trimmed);
    return [finding(rule, text, start, start + trimmed.length, message)];
  },
};
