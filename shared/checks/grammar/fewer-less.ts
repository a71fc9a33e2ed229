// "fewer" for things you can count (fewer mistakes), "less" for amounts (less time). Only flagged
// before a plural noun that is always countable, so "less than ten minutes" and "less time" pass.
import { finding, likeCase, matchesOf, type Rule } from '../rule.ts';

const rule: Pick<Rule, 'id' | 'kind'> = { id: 'grammar/fewer-less', kind: 'grammar' };

const countable = [
  'students',
  'pupils',
  'learners',
  'children',
  'people',
  'mistakes',
  'errors',
  'questions',
  'words',
  'sessions',
  'lessons',
  'books',
  'problems',
  'marks',
  'points',
  'sentences',
  'examples',
  'tasks',
  'answers',
  'items',
  'attempts',
  'days',
  'weeks',
  'hours',
  'minutes',
  'times',
  'things',
  'resources',
  'worksheets',
  'spellings',
  'pages',
  'paragraphs',
  'opportunities',
  'distractions',
  'interruptions',
  'absences',
  'incidents',
  'friends',
  'calculations',
  'steps',
  'prompts',
  'hints',
  'reminders',
  'targets',
  'objectives',
  'sanctions',
  'detentions',
  'exclusions',
  'calls',
  'lines',
  'verbs',
  'nouns',
  'sums',
  'exercises',
];
const pattern = new RegExp(String.raw`\b(?<word>less)\s+(?:${countable.join('|')})\b`, 'gidu');

export const fewerLess: Rule = {
  ...rule,
  check(text) {
    return [...matchesOf(text, pattern, 'word')].map(({ start, end, value }) =>
      finding(
        rule,
        text,
        start,
        end,
        'Use "fewer" with things you can count; "less" is for amounts (less time, fewer minutes).',
        [likeCase(value, 'fewer')],
      ),
    );
  },
};
