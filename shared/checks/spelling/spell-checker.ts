// Spelling against the British English Hunspell dictionary (dictionary-en-gb) with typo-js, the UK
// education word list and the user's personal dictionary. check() only asks whether each word is
// known (microseconds a word); suggestions come from our own index (suggester.ts), built on the
// first request, because typo-js's suggest() takes most of a second per word.
import Typo from 'typo-js';
import type { Finding } from '../finding.ts';
import { educationWords } from './education-words.ts';
import { createPersonalDictionary, type PersonalDictionary } from './personal-dictionary.ts';
import { createSuggester, type Suggester } from './suggester.ts';
import { tokeniseWords } from './tokenise.ts';
import type { WordFrequencies } from './word-frequency.ts';

export interface DictionaryText {
  /** The Hunspell affix file (index.aff). */
  aff: string;
  /** The Hunspell word list (index.dic). */
  dic: string;
}

export interface SpellCheckerOptions {
  frequencies?: WordFrequencies;
  personalWords?: Iterable<string>;
}

export interface SpellChecker {
  /** Every unknown word in the text, with empty suggestions (ask suggest() for those). */
  check(text: string): Finding[];
  /** Likely corrections for one word, best first. */
  suggest(word: string, max?: number): string[];
  /** True when the word is spelt correctly (or is one of the user's own). */
  isKnown(word: string): boolean;
  /** The user's own words; changes take effect on the next check. */
  readonly personal: PersonalDictionary;
  /** Builds the suggestion index now (it is otherwise built on the first suggestion). */
  prepareSuggestions(): ReturnType<Suggester['prepare']>;
  /** The same, a few thousand words at a time, awaiting `pause` between them. */
  prepareSuggestionsInSteps(pause: () => Promise<void>): ReturnType<Suggester['prepareInSteps']>;
  /** Word counts arrived (they load after the dictionary): rank suggestions by them from now on. */
  useFrequencies(frequencies: WordFrequencies): void;
}

export const SPELLING_RULE = 'spelling/unknown-word';

export function createSpellChecker({ aff, dic }: DictionaryText, options: SpellCheckerOptions = {}): SpellChecker {
  const typo = new Typo('en_GB', aff, dic);
  const education = new Set(educationWords);
  const educationLowerCase = new Set(educationWords.filter((word) => word === word.toLowerCase()));
  const known = new Map<string, boolean>();
  const personal = watchedPersonalDictionary(createPersonalDictionary(options.personalWords), {
    added(word) {
      known.clear();
      suggester?.addWord(word);
    },
    // A word taken out must stop being suggested: the index is built again when next needed.
    removed() {
      known.clear();
      suggester = undefined;
    },
  });
  let suggester: Suggester | undefined;
  let frequencies = options.frequencies;

  const isEducationWord = (word: string) =>
    education.has(word) ||
    educationLowerCase.has(word.toLowerCase()) ||
    (word.endsWith("'s") && education.has(word.slice(0, -2)));

  function isKnown(word: string): boolean {
    let answer = known.get(word);
    if (answer === undefined) {
      answer = isEducationWord(word) || personal.has(word) || lookUp(typo, word);
      // Report text repeats the same few thousand words; the cap only guards against pathological input.
      if (known.size > 50_000) known.clear();
      known.set(word, answer);
    }
    return answer;
  }

  const suggestions = (): Suggester =>
    (suggester ??= createSuggester({
      words: [...suggestibleWords(typo), ...educationWords, ...personal.words()],
      frequencies,
    }));

  return {
    check(text) {
      return tokeniseWords(text)
        .filter((token) => !isKnown(token.word))
        .map((token) => ({
          kind: 'spelling',
          rule: SPELLING_RULE,
          start: token.start,
          end: token.end,
          text: token.text,
          message: `"${token.text}" is not in the British English dictionary`,
          suggestions: [],
        }));
    },
    suggest(word, max = 5) {
      if (isKnown(word.replaceAll('’', "'"))) return [];
      return suggestions().suggest(word, max);
    },
    isKnown: (word) => isKnown(word.replaceAll('’', "'")),
    personal,
    prepareSuggestions: () => suggestions().prepare(),
    prepareSuggestionsInSteps: (pause) => suggestions().prepareInSteps(pause),
    useFrequencies(counts) {
      frequencies = counts;
      suggester = undefined;
    },
  };
}

/** Every word form typo-js expanded from the dictionary, less those marked never to suggest. */
function* suggestibleWords(typo: Typo): Generator<string> {
  const internals = typo as unknown as {
    dictionaryTable: Map<string, string[][] | null>;
    flags: Record<string, string>;
  };
  const never = [internals.flags.NOSUGGEST, internals.flags.ONLYINCOMPOUND].filter(Boolean);
  for (const [word, ruleSets] of internals.dictionaryTable) {
    if (/\d/.test(word)) continue;
    if (ruleSets?.some((codes) => codes.some((code) => never.includes(code)))) continue;
    yield word;
  }
}

// Tells the checker whenever the personal words change, so it forgets answers that may now differ.
function watchedPersonalDictionary(
  dictionary: PersonalDictionary,
  on: { added(word: string): void; removed(): void },
): PersonalDictionary {
  return {
    ...dictionary,
    add(word) {
      const result = dictionary.add(word);
      if (result.ok) on.added(result.value);
      return result;
    },
    remove(word) {
      dictionary.remove(word);
      on.removed();
    },
    replaceAll(words) {
      dictionary.replaceAll(words);
      on.removed();
    },
  };
}

// The dictionary lists most possessives but not every word followed by 's (for is or has, or a
// possessive of a word without one), and it is plain ASCII, so café and naïve are looked up as cafe and naive.
function lookUp(typo: Typo, word: string): boolean {
  if (typo.check(word)) return true;
  if (word.endsWith("'s") && word.length > 2 && typo.check(word.slice(0, -2))) return true;
  const plain = word.normalize('NFD').replace(/\p{M}/gu, '');
  return plain !== word && lookUp(typo, plain);
}
