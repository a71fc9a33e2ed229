// Learning objectives must be SMART (domain guide 000). Text alone can show four of the five letters:
// S, an observable verb rather than "understand", "know", "learn about" or "be aware of"; M, something
// to measure (a number, an accuracy, "independently"); A, achievable in one session (not "master"
// or "all of"); T, a time frame ("by the end of the session"). R (relevant) is the tutor's call.
// One finding per objective says which letters are missing and offers the objective rewritten.
import { fieldRole } from '../field-role.ts';
import { finding, type Rule } from '../rule.ts';

const rule: Pick<Rule, 'id' | 'kind'> = { id: 'prompt/smart-objective', kind: 'prompt' };

const vagueVerb =
  /\b(?:to\s+)?(?:fully\s+|really\s+|better\s+)?(?:understand(?:s|ing)?|know(?:s|ing)?|learn(?:s|ing)?(?:\s+about)?|be(?:come)?\s+aware\s+of|(?:be|become|get|feel)\s+(?:more\s+)?(?:familiar|confident|comfortable)\s+with|appreciate|grasp|gain\s+(?:an?\s+)?(?:understanding|knowledge|insight)\s+(?:of|into)|develop\s+(?:an?\s+)?(?:understanding|awareness)\s+of|improve\s+(?:their|his|her)?\s*(?:understanding|knowledge)\s+of|get\s+better\s+at|think\s+about|explore|revise|look\s+at|cover|go\s+over)\b/iu;
const measure =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|all|every|each|both|half|at\s+least|no\s+more\s+than|out\s+of|correctly|accurately|accuracy|independently|unaided|without\s+(?:help|support|prompting|a\s+calculator)|with\s+(?:no|minimal|little)\s+(?:help|support|prompting|prompts)|per\s+cent|percent|score|scoring|mark|marks|times|full\s+sentences?)\b|%/iu;
const timeFrame =
  /\b(?:by\s+the\s+end\s+of|(?:in|during|within|before\s+the\s+end\s+of)\s+(?:the|this|today['’]?s?|one|a|\d+)\s*(?:session|lesson|minutes?|mins?|hour|tutorial|week)|(?:this|today['’]?s|the)\s+(?:session|lesson)|today|tonight|by\s+(?:next|the\s+next|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|within\s+\d+\s*(?:minutes?|mins?)|in\s+\d+\s*(?:minutes?|mins?))\b/iu;
const overAmbitious =
  /\b(?:master(?:s|ed|ing|y)?|everything|all\s+of\s+(?:the\s+)?(?:syllabus|curriculum|course|topics?|spec(?:ification)?|gcse|times\s+tables)|(?:the\s+)?(?:whole|entire)\s+(?:syllabus|curriculum|course|book|topic|specification)|perfect(?:ly)?|fluent(?:ly)?\s+in|all\s+(?:the\s+)?times\s+tables)\b/iu;

const letters = {
  S: 'S (an observable verb: what will the learner do that you can see, such as identify, explain, solve or write?)',
  M: 'M (something to measure: how many, how accurately, or how independently?)',
  A: 'A (achievable in one session: narrow it to the part that fits)',
  T: 'T (a time frame, such as "by the end of the session")',
} as const;
type Letter = keyof typeof letters;

export function missingLetters(objective: string): Letter[] {
  const missing: Letter[] = [];
  if (vagueVerb.test(objective)) missing.push('S');
  if (!measure.test(objective)) missing.push('M');
  if (overAmbitious.test(objective)) missing.push('A');
  if (!timeFrame.test(objective)) missing.push('T');
  return missing;
}

/** The objective rewritten with what it lacks: an observable verb, a measure and a time frame. */
export function betterObjective(objective: string, missing: Letter[]): string {
  let body = objective.trim().replace(/[.!]+$/, '');
  if (missing.includes('S')) {
    const topic = body.replace(new RegExp(`^.*?${vagueVerb.source}\\s*`, 'iu'), '').trim();
    body = `explain ${topic || 'the main idea'} in their own words`;
  } else {
    body = body.replace(/^(?:to|the learner will|learners will|(?:he|she|they) will)(?:\s+be\s+able\s+to)?\s+/iu, '');
    body = body[0] ? body[0].toLowerCase() + body.slice(1) : body;
  }
  if (missing.includes('A'))
    body = body.replace(overAmbitious, (word) => (/perfect/i.test(word) ? 'accurately' : 'the first part of'));
  const measureText = missing.includes('M') ? ', getting at least 4 out of 5 right' : '';
  const time = missing.includes('T') ? 'By the end of the session, ' : '';
  const lead = time ? `${time}the learner will ` : 'The learner will ';
  return `${lead}${body}${measureText}.`.replace(/\s+/g, ' ');
}

export const smartObjective: Rule = {
  ...rule,
  appliesTo: (context) => fieldRole(context) === 'learning-objective',
  check(text) {
    const trimmed = text.trim();
    // Too short to judge yet: the tutor is still typing the first words.
    if (trimmed.split(/\s+/).length < 3) return [];
    const missing = missingLetters(trimmed);
    if (missing.length === 0) return [];
    const start = text.indexOf(trimmed);
    const better = betterObjective(trimmed, missing);
    const message = `This objective is not yet SMART. Missing: ${missing.map((letter) => letters[letter]).join('; ')}. For example: "${better}"`;
    return [finding(rule, text, start, start + trimmed.length, message, [better])];
  },
};
