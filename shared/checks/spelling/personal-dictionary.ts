// A user's own words (learners' and colleagues' names, places, terms), kept on the device. Words are
// stored as given, with straight apostrophes and without a possessive ending, so "Aaliyah's" adds
// Aaliyah and then both Aaliyah and Aaliyah's are accepted. A capitalised word (a name) is only
// accepted capitalised or in capitals, as a dictionary does; a lower-case word in any case.
import { fail, ok, type Result } from '../../result.ts';

/** The word as it is kept, or why it cannot be added. */
export type AddWordResult = Result<string>;

const maxWordLength = 64;
// Letters and marks, joined by single apostrophes or hyphens: Aaliyah, O'Neill, Smith-Jones, Zoë.
const wordShape = /^[\p{L}\p{M}]+(?:['-][\p{L}\p{M}]+)*$/u;

/** The form a word is stored in, or why it cannot be added. */
export function normalisePersonalWord(input: string): AddWordResult {
  let word = input.trim().replaceAll('’', "'").normalize('NFC');
  if (word.endsWith("'s") && word.length > 2) word = word.slice(0, -2);
  else if (word.endsWith("'")) word = word.slice(0, -1);
  if (word.length === 0) return fail('There is no word to add.');
  if (/\s/.test(word)) return fail('Add one word at a time: "Ada Lovelace" is two words.');
  if (word.length > maxWordLength) return fail(`A word can be at most ${maxWordLength} letters long.`);
  if (!wordShape.test(word))
    return fail(`"${input.trim()}" is not a word: use letters, with an apostrophe or hyphen inside if it has one.`);
  return ok(word);
}

export interface PersonalDictionary {
  /** True when the word, or the word without its possessive ending, is one of the user's. */
  has(word: string): boolean;
  add(word: string): AddWordResult;
  remove(word: string): void;
  /** Replaces every word (when another tab or the extension hands over the list). */
  replaceAll(words: Iterable<string>): void;
  words(): string[];
}

export function createPersonalDictionary(initial: Iterable<string> = []): PersonalDictionary {
  const stored = new Set<string>();
  const lowerCase = new Set<string>();
  const put = (input: string): AddWordResult => {
    const result = normalisePersonalWord(input);
    if (result.ok) {
      stored.add(result.value);
      lowerCase.add(result.value.toLowerCase());
    }
    return result;
  };
  const rebuildLowerCase = () => {
    lowerCase.clear();
    for (const word of stored) lowerCase.add(word.toLowerCase());
  };
  const hasExact = (word: string): boolean => {
    if (stored.has(word)) return true;
    const lower = word.toLowerCase();
    if (!lowerCase.has(lower)) return false;
    // A lower-case entry accepts any case; a capitalised one, capitals only.
    if (stored.has(lower)) return true;
    return word === word.toUpperCase() && [...stored].some((entry) => entry.toUpperCase() === word);
  };
  for (const word of initial) put(word);

  return {
    has(word) {
      const straight = word.replaceAll('’', "'");
      if (hasExact(straight)) return true;
      if (/'s$/i.test(straight) && straight.length > 2) return hasExact(straight.slice(0, -2));
      return false;
    },
    add: put,
    remove(word) {
      const result = normalisePersonalWord(word);
      if (!result.ok) return;
      stored.delete(result.value);
      rebuildLowerCase();
    },
    replaceAll(words) {
      stored.clear();
      lowerCase.clear();
      for (const word of words) put(word);
    },
    words: () => [...stored].sort((a, b) => a.localeCompare(b, 'en-GB')),
  };
}
