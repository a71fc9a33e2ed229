// British English spells the noun "licence" and the verb "license" (licensed, licensing).
import { finding, likeCase, matchesOf, type Rule } from '../rule.ts';

const rule: Pick<Rule, 'id' | 'kind'> = { id: 'grammar/licence-license', kind: 'grammar' };

const nounBefore = String.raw`(?:a|the|driving|his|her|their|my|your|our|its|this|that|no|valid|full|provisional|TV|television|software|music|teaching|premises|marriage|fishing|open|creative|site|annual|new)`;
const nounAfter = String.raw`(?:holders?|number|fee|plate|agreement|key|terms|conditions)`;
const verbBefore = String.raw`(?:to|will|would|should|could|can|must|might|may|not|we|they|I)`;

const nounSpeltAsVerb = new RegExp(
  String.raw`(?:\b${nounBefore}\s+(?<before>licenses?)\b|\b(?<after>licenses?)(?=\s+${nounAfter}\b))`,
  'gidu',
);
const verbSpeltAsNoun = new RegExp(
  String.raw`\b${verbBefore}\s+(?<word>licences?)\b|\b(?<derived>licenc(?:ed|ing))\b`,
  'gidu',
);

export const licenceLicense: Rule = {
  ...rule,
  check(text) {
    const found = [];
    for (const group of ['before', 'after']) {
      for (const { start, end, value } of matchesOf(text, nounSpeltAsVerb, group)) {
        const noun = value.replace(/licens/i, (stem) => likeCase(stem, 'licenc'));
        found.push(
          finding(
            rule,
            text,
            start,
            end,
            `Here it is a noun, so write "${noun.toLowerCase()}" ("license" is the verb).`,
            [noun],
          ),
        );
      }
    }
    for (const group of ['word', 'derived']) {
      for (const { start, end, value } of matchesOf(text, verbSpeltAsNoun, group)) {
        const verb = value.replace(/licenc/i, (stem) => likeCase(stem, 'licens'));
        found.push(
          finding(
            rule,
            text,
            start,
            end,
            `Here it is a verb, so write "${verb.toLowerCase()}" ("licence" is the noun).`,
            [verb],
          ),
        );
      }
    }
    return found;
  },
};
