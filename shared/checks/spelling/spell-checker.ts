// Spelling against the British English Hunspell dictionary (dictionary-en-gb) with typo-js.
// check() only asks the dictionary whether each word is known, which takes microseconds; finding
// suggestions takes typo-js most of a second per word, so it is a separate call made on demand.
import Typo from 'typo-js';
import type { Finding } from '../finding.ts';
import { tokeniseWords } from './tokenise.ts';

export interface DictionaryText {
  /** The Hunspell affix file (index.aff). */
  aff: string;
  /** The Hunspell word list (index.dic). */
  dic: string;
}

export interface SpellChecker {
  /** Every unknown word in the text, with empty suggestions. */
  check(text: string): Finding[];
  /** Likely corrections for one word, best first; slow (up to a second), so call it for one word at a time. */
  suggest(word: string, max?: number): string[];
}

export const SPELLING_RULE = 'spelling/unknown-word';

export function createSpellChecker({ aff, dic }: DictionaryText): SpellChecker {
  const typo = new Typo('en_GB', aff, dic);
  const known = new Map<string, boolean>();

  function isKnown(word: string): boolean {
    let answer = known.get(word);
    if (answer === undefined) {
      answer = lookUp(typo, word);
      // Report text repeats the same few thousand words; the cap only guards against pathological input.
      if (known.size > 50_000) known.clear();
      known.set(word, answer);
    }
    return answer;
  }

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
      // typo-js can offer the same word twice in different case (achieved, Achieved): keep the first.
      const seen = new Set<string>();
      return typo
        .suggest(word.replaceAll('’', "'"), max * 2)
        .filter((suggestion) => !seen.has(suggestion.toLowerCase()) && seen.add(suggestion.toLowerCase()))
        .slice(0, max);
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
