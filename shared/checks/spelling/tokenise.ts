// Splits report text into the words a spelling check should look at, with their UTF-16 offsets.
// Everything a dictionary cannot judge is left out here, so the checker only asks "is this a word?":
// web and e-mail addresses, anything with a digit in it (8/10, Y6, 2024, 3rd, KS2, 10am) and
// acronyms (GCSE, SENCOs). Hyphenated compounds give one word per part.

export interface WordToken {
  /** The word as written, between start and end. */
  text: string;
  /** The form to look up: curly apostrophes made straight. Same length as text. */
  word: string;
  /** Offsets in UTF-16 code units; end is exclusive. */
  start: number;
  end: number;
}

const webAddress = String.raw`(?:https?:\/\/|www\.)[^\s<>"]+`;
const emailAddress = String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`;
// Letters, marks and digits, joined by apostrophes only inside a word: a leading or trailing
// apostrophe is a quotation mark or a plural possessive (learners'), not part of the word.
const wordRun = String.raw`[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*`;

const pieces = new RegExp(`(?<address>${webAddress}|${emailAddress})|(?<word>${wordRun})`, 'gu');
const digit = /\p{N}/u;
// Two or more capitals, perhaps a plural or possessive: GCSE, GCSEs, GCSE's, TAs.
const acronym = /^\p{Lu}{2,}(?:s|['’]s)?$/u;

export function tokeniseWords(text: string): WordToken[] {
  const words: WordToken[] = [];
  for (const match of text.matchAll(pieces)) {
    const found = match.groups?.word;
    if (found === undefined || digit.test(found) || acronym.test(found)) continue;
    words.push({ text: found, word: found.replaceAll('’', "'"), start: match.index, end: match.index + found.length });
  }
  return words;
}
