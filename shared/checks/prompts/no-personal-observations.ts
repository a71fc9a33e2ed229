// Report comments relate only to objectives and progress (domain guide 000): no remarks on a learner's
// tiredness, appearance or home life, and no opinions of their character ("I think he is lazy").
// Anything that matters for welfare goes to the agency or the safeguarding lead, not into the report.
import { fieldRole } from '../field-role.ts';
import { finding, type Rule } from '../rule.ts';
import { withoutQuotations } from './sentences.ts';

const rule: Pick<Rule, 'id' | 'kind'> = { id: 'prompt/no-personal-observations', kind: 'prompt' };

// Case matters for names, so the patterns are case-sensitive and spell out both cases where needed.
const person = String.raw`(?:[Hh]e|[Ss]he|[Tt]hey|[Tt]he\s+(?:learner|pupil|student)|(?!(?:This|That|It|There|These|Those|What|Which|Homework|Maths|Work|Everything)\b)[A-Z][a-z]+)`;
const possessive = String.raw`(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he\s+(?:learner|pupil|student)['’]s|[A-Z][a-z]+['’]s)`;
const looks = String.raw`(?:looked|looks|came\s+in|arrived|turned\s+up)\s+(?:very\s+|quite\s+|really\s+|a\s+bit\s+)?`;
const be = String.raw`(?:is|are|was|were|seems?|seemed|looks?|looked|appears?|appeared|came\s+across\s+as)`;
const character = String.raw`(?:so\s+|very\s+|quite\s+|really\s+|a\s+bit\s+|rather\s+)?(?:lazy|rude|naughty|annoying|stupid|spoilt|spoiled|a\s+nightmare|a\s+pain|immature|arrogant|cheeky|moody|stubborn|attention[-\s]seeking|mardy|sulky|bone\s+idle|unpleasant|vile|thick)`;

const observations: { pattern: RegExp; about: string }[] = [
  {
    about: 'tiredness',
    pattern:
      /\b(?:tired|sleepy|exhausted|yawn(?:ing|ed|s)?|half[-\s]asleep|fell\s+asleep|falling\s+asleep|lethargic|fatigued|worn\s+out)\b/giu,
  },
  {
    about: 'appearance',
    pattern: new RegExp(
      String.raw`\b(?:[Ss]melly|[Ss]melt|[Uu]nwashed|[Uu]nkempt|[Dd]ishevelled|${looks}(?:scruffy|overweight|skinny|pretty|handsome|ugly|dirty|untidy)|dirty\s+(?:clothes|uniform|hands)|${possessive}\s+(?:hair|clothes|clothing|appearance|weight|outfit|shoes|make-?up|hygiene))\b`,
      'gu',
    ),
  },
  {
    about: 'home life',
    pattern: new RegExp(
      String.raw`\b(?:home\s+life|home\s+situation|(?:problems?|issues?|trouble|things|difficulties|going\s+on|arguments?)\s+at\s+home|divorc(?:e|ed|ing)|split\s+up|money\s+(?:worries|problems)|${possessive}\s+(?:mum|mom|dad|mother|father|parents|family|brother|sister|siblings|step-?\w+|carers?|boyfriend|girlfriend)\s+(?:is|are|was|were|has|have|had|do|does|did|don['’]t|doesn['’]t|didn['’]t|never|always|can['’]t|won['’]t|argue|argued|shout|shouted))\b`,
      'giu',
    ),
  },
  {
    about: 'opinion',
    pattern: new RegExp(
      String.raw`\b(?:(?:I|[Ww]e)\s+(?:think|feel|believe|reckon|suspect)\s+(?:that\s+)?${person}\s+${be}\s+${character}|${person}\s+${be}\s+${character})\b`,
      'gu',
    ),
  },
];

const advice: Record<string, string> = {
  tiredness: 'how tired the learner seemed',
  appearance: "the learner's appearance",
  'home life': "the learner's home life",
  opinion: "an opinion of the learner's character",
};

export const noPersonalObservations: Rule = {
  ...rule,
  appliesTo: (context) => ['comment', 'progress-comment'].includes(fieldRole(context)),
  check(text) {
    const own = withoutQuotations(text);
    const found = [];
    for (const { pattern, about } of observations) {
      for (const match of own.matchAll(pattern)) {
        const start = match.index!;
        const message = `This is a personal remark about ${advice[about]}. Keep comments to the objectives and progress; if it matters for the learner's welfare, tell the agency or your safeguarding lead instead.`;
        found.push(finding(rule, text, start, start + match[0].length, message));
      }
    }
    return found.sort((a, b) => a.start - b.start);
  },
};
