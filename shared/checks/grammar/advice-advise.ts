// "advice" is the noun (uncountable: no "advices"); "advise" is the verb.
import { finding, likeCase, matchesOf, type Rule } from '../rule.ts';

const rule: Pick<Rule, 'id' | 'kind'> = { id: 'grammar/advice-advise', kind: 'grammar' };

const modal = String.raw`(?:will|would|should|could|can|must|might|may|shall|did|do|does|I|we|they|please|to)`;
const object = String.raw`(?:him|her|them|me|us|you|the learner|the pupil|the student|parents|that|against)`;
const nounBefore = String.raw`(?:some|good|the|my|your|his|her|their|our|any|this|that|much|of|for|useful|helpful|clear|expert|careers?|specialist|following|further|more|piece of|bit of|sound|wise|practical|medical|legal|no)`;

// "to advice" is often right (she listened to advice), so after "to" only when an object follows.
const nounAsVerb = new RegExp(
  String.raw`\b(?:${modal})\s+(?<word>advice)\b(?=\s+${object}\b)|\b(?:will|would|should|could|can|must|might|may|shall|I|we|please)\s+(?<bare>advice)\b(?!\s+(?:and|or|from|on|about|was|is)\b)`,
  'gidu',
);
const verbAsNoun = new RegExp(String.raw`\b${nounBefore}\s+(?<word>advise)\b(?!\s+${object}\b)`, 'gidu');
const plural = /\b(?<word>advices)\b/dgiu;

export const adviceAdvise: Rule = {
  ...rule,
  check(text) {
    const found = [];
    const seen = new Set<number>();
    for (const group of ['word', 'bare']) {
      for (const { start, end, value } of matchesOf(text, nounAsVerb, group)) {
        if (seen.has(start)) continue;
        seen.add(start);
        found.push(
          finding(rule, text, start, end, 'Here it is a verb, so write "advise" ("advice" is the noun).', [
            likeCase(value, 'advise'),
          ]),
        );
      }
    }
    for (const { start, end, value } of matchesOf(text, verbAsNoun, 'word')) {
      found.push(
        finding(rule, text, start, end, 'Here it is a noun, so write "advice" ("advise" is the verb).', [
          likeCase(value, 'advice'),
        ]),
      );
    }
    for (const { start, end, value } of matchesOf(text, plural, 'word')) {
      found.push(
        finding(rule, text, start, end, '"Advice" has no plural: write "advice" or "pieces of advice".', [
          likeCase(value, 'advice'),
        ]),
      );
    }
    return found.sort((a, b) => a.start - b.start);
  },
};
