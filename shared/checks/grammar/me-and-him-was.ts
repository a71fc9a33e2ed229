// At the start of a sentence "Me and him was..." is the subject, which takes "he and I", and two
// people take "were": "He and I were". "Sam and me went" becomes "Sam and I went".
import { finding, matchesOf, type Rule } from '../rule.ts';

const rule: Pick<Rule, 'id' | 'kind'> = { id: 'grammar/me-and-him-was', kind: 'grammar' };

const subjectForm: Record<string, string> = {
  him: 'he',
  her: 'she',
  them: 'they',
  me: 'I',
  he: 'he',
  she: 'she',
  they: 'they',
};
const verbs = String.raw`(?:was|were|is|are|has|have|had|does|did|went|worked|played|practised|read|wrote|talked|discussed|agreed|decided|looked|both|will|can|could|then)`;
const name = String.raw`[A-Z][a-z]+`;
const sentenceStart = String.raw`(?:^|(?<=[.!?]\s+)|(?<=\n))`;
const pattern = new RegExp(
  String.raw`${sentenceStart}(?<subject>(?:Me|me)\s+and\s+(?<other>him|her|them|he|she|they|${name})|(?<first>Him|Her|Them|He|She|They|${name})\s+and\s+me)\s+(?<verb>${verbs})\b`,
  'gdu',
);
const plural: Record<string, string> = { was: 'were', is: 'are', has: 'have', does: 'do' };

export const meAndHimWas: Rule = {
  ...rule,
  check(text) {
    const found = [];
    for (const { match, start, end } of matchesOf(text, pattern)) {
      const { other, first, verb } = match.groups!;
      const person = (other ?? first)!;
      const them = subjectForm[person.toLowerCase()] ?? person;
      const subject = `${them[0]!.toUpperCase()}${them.slice(1)} and I`;
      const betterVerb = plural[verb!] ?? verb!;
      const better = `${subject} ${betterVerb}`;
      found.push(
        finding(rule, text, start, end, `When two people do something, write "${better}", not "${match[0].trim()}".`, [
          better,
        ]),
      );
    }
    return found;
  },
};
