// British English spells the noun "practice" and the verb "practise" (practised, practising).
// "practiced" and "practicing" are American; "practice" after "to", a modal or a subject is a verb;
// "practise" after an article, a possessive or "more" is a noun.
import { finding, likeCase, matchesOf, type Rule } from '../rule.ts';

const rule: Pick<Rule, 'id' | 'kind'> = { id: 'grammar/practice-practise', kind: 'grammar' };

const verbBefore = String.raw`(?:to|will|would|should|could|can|must|might|may|shall|did|does|do|don't|didn't|doesn't|won't|let's|please|I|we|you|they|and then)`;
const nounBefore = String.raw`(?:a|the|more|some|much|of|in|into|for|good|best|regular|extra|daily|weekly|independent|guided|further|additional|this|that|his|her|their|my|our|your|its|exam|plenty of|lots of|no|enough|reading|spelling|writing|maths|teaching|classroom|past)`;
const nounAfter = String.raw`(?:papers?|questions?|tests?|sessions?|books?|exercises?|sheets?|worksheets?|activities|activity|tasks?|makes)`;

const american = /\b(?<word>practic(?:ed|ing))\b/dgiu;
const verbAsNoun = new RegExp(String.raw`\b${verbBefore}\s+(?<word>practices?)\b(?!\s+${nounAfter}\b)`, 'gidu');
const subjectThenVerb =
  /\b(?:he|she|it|the learner|the pupil|the student)\s+(?<word>practices)\s+(?!papers?\b|questions?\b)/dgiu;
const nounAsVerb = new RegExp(
  String.raw`(?:\b${nounBefore}\s+(?<before>practises?)\b|\b(?<after>practises?)(?=\s+${nounAfter}\b))`,
  'gidu',
);

export const practicePractise: Rule = {
  ...rule,
  check(text) {
    const found = [];
    for (const { start, end, value } of matchesOf(text, american, 'word')) {
      const british = value.replace(/practic/i, (stem) => likeCase(stem, 'practis'));
      found.push(
        finding(rule, text, start, end, `In British English the verb is spelt "${british.toLowerCase()}".`, [british]),
      );
    }
    for (const pattern of [verbAsNoun, subjectThenVerb]) {
      for (const { start, end, value } of matchesOf(text, pattern, 'word')) {
        const verb = value.replace(/practic/i, (stem) => likeCase(stem, 'practis'));
        found.push(
          finding(
            rule,
            text,
            start,
            end,
            `Here it is a verb, so write "${verb.toLowerCase()}" ("practice" is the noun).`,
            [verb],
          ),
        );
      }
    }
    for (const group of ['before', 'after']) {
      for (const { start, end, value } of matchesOf(text, nounAsVerb, group)) {
        const noun = value.replace(/practis/i, (stem) => likeCase(stem, 'practic'));
        found.push(
          finding(
            rule,
            text,
            start,
            end,
            `Here it is a noun, so write "${noun.toLowerCase()}" ("practise" is the verb).`,
            [noun],
          ),
        );
      }
    }
    return found;
  },
};
