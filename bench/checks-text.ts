// Report-like text for the checks benchmarks: sentences a tutor might write, in a fixed pseudo-random
// order, with about one word in fifty misspelt (from the public list of common misspellings), so the
// same input is checked by our engine and by raw typo-js in one run.
import type { Misspelling } from '../scripts/common-misspellings.ts';

const sentences = [
  'Sam identified equivalent fractions confidently and explained his method in his own words.',
  'She worked steadily throughout the session and asked for help when she needed it.',
  'The learner practised her spellings and wrote three sentences using fronted adverbials.',
  'By the end of the session he could add fractions with different denominators, getting four out of five right.',
  'Her reading was fluent and expressive, and she summarised the chapter accurately.',
  'We revisited column subtraction because exchanging across zero still causes errors.',
  'He was keen to discuss the ending of the novel and made thoughtful predictions about the characters.',
  'Progress towards the first objective was good; the second objective was partly achieved.',
  'The organisation of her paragraphs has improved, although she sometimes forgets to use capital letters.',
  'Next session we will focus on ratio problems and checking answers with estimation.',
  'He recognised the key features of persuasive writing and used rhetorical questions well.',
  'Attendance has been consistent this half-term and homework has been completed on time.',
];

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** About `words` words of report text, with misspellings swapped in for some of the words. */
export function reportText(words: number, misspellings: Misspelling[], seed = 11): string {
  const next = random(seed);
  const parts: string[] = [];
  let count = 0;
  while (count < words) {
    const sentence = sentences[Math.floor(next() * sentences.length)]!.split(' ')
      .map((word) =>
        next() < 0.02 && misspellings.length > 0 ? misspellings[Math.floor(next() * misspellings.length)]!.typed : word,
      )
      .join(' ');
    parts.push(sentence);
    count += sentence.split(' ').length;
  }
  return parts.join(' ');
}
