// "could of", "should of", "would of" are how "could've" sounds, not how it is written: "could have".
import { finding, likeCase, matchesOf, type Rule } from '../rule.ts';

const rule: Pick<Rule, 'id' | 'kind'> = { id: 'grammar/could-of', kind: 'grammar' };

// "He could, of course, ..." and "could of course" are fine.
const pattern = /\b(?:could|should|would|might|must|may)(?:n['’]t)?\s+(?<word>of)\b(?!\s+course\b)/dgiu;

export const couldOf: Rule = {
  ...rule,
  check(text) {
    return [...matchesOf(text, pattern, 'word')].map(({ match, start, end, value }) => {
      const modal = match[0]
        .slice(0, match[0].length - value.length)
        .trim()
        .toLowerCase();
      return finding(rule, text, start, end, `Write "${modal} have", not "${modal} of".`, [likeCase(value, 'have')]);
    });
  },
};
