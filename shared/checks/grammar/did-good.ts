// "did good" and "done good" describe how well something was done, which needs the adverb: "did well".
// "did good work" (good describing a noun) is fine, so only flag when no noun follows.
import { finding, likeCase, matchesOf, type Rule } from '../rule.ts';

const rule: Pick<Rule, 'id' | 'kind'> = { id: 'grammar/did-good', kind: 'grammar' };

const notANoun = String.raw`(?:$|[.,;:!?)\n]|\s+(?:in|on|at|with|today|and|but|during|this|overall|too|when|throughout|for|again|so|yesterday|here|there|as)\b)`;
const pattern = new RegExp(
  String.raw`\b(?<verb>did|done|doing)\s+(?:(?:very|really|so|quite|extremely)\s+)?(?<word>good)(?=${notANoun})`,
  'gidu',
);

export const didGood: Rule = {
  ...rule,
  check(text) {
    return [...matchesOf(text, pattern, 'word')].map(({ match, start, end, value }) =>
      finding(
        rule,
        text,
        start,
        end,
        `Use "well" to say how something was done: "${match.groups!.verb!.toLowerCase()} well".`,
        [likeCase(value, 'well')],
      ),
    );
  },
};
