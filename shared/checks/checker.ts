// The one engine the app, the extension and the command line share: check(text, context) returns
// every spelling, grammar and prompt finding for one field's text, at once and synchronously. Harper's
// grammar (grammar/harper.ts) is slower to start and runs beside it where it has been loaded; its
// findings join these through mergeFindings.
import { CheckContext } from './context.ts';
import type { Finding } from './finding.ts';
import { grammarRules } from './grammar/index.ts';
import { promptRules } from './prompts/index.ts';
import type { Rule } from './rule.ts';
import { createSpellChecker, type DictionaryText, type SpellChecker } from './spelling/spell-checker.ts';
import type { WordFrequencies } from './spelling/word-frequency.ts';

export interface CheckerResources {
  dictionary: DictionaryText;
  /** Word counts to rank suggestions; without them suggestions are ranked by closeness alone. */
  frequencies?: WordFrequencies;
  personalWords?: Iterable<string>;
}

export interface Checker {
  check(text: string, context?: CheckContext): Finding[];
  /** Corrections for a misspelt word, best first. */
  suggest(word: string, max?: number): string[];
  readonly spelling: SpellChecker;
}

export const allRules: readonly Rule[] = [...grammarRules, ...promptRules];

export function createChecker({ dictionary, frequencies, personalWords }: CheckerResources): Checker {
  const spelling = createSpellChecker(dictionary, { frequencies, personalWords });
  return {
    check(text, context = {}) {
      const applying = allRules.filter((rule) => rule.appliesTo?.(context) ?? true);
      const ruled = applying.flatMap((rule) => rule.check(text, context));
      return combine(withoutNames(spelling.check(text), context.names), ruled);
    },
    suggest: (word, max) => spelling.suggest(word, max),
    spelling,
  };
}

/** Spelling findings on the words of the report's own names (and their possessive, "Cy's") are not findings. */
function withoutNames(findings: Finding[], names: readonly string[] | undefined): Finding[] {
  if (!names?.length) return findings;
  const words = new Set(names.flatMap((name) => name.split(/[^\p{L}\p{M}'’]+/u)).filter(Boolean));
  return findings.filter((finding) => !words.has(finding.text) && !words.has(finding.text.replace(/['’]s$/, '')));
}

const overlaps = (a: Finding, b: Finding) => a.start < b.end && b.start < a.end;
const byPosition = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end;

/** Spelling and rule findings as one list: one of our grammar rules wins over spelling on the same words (practiced). */
function combine(spelling: Finding[], ruled: Finding[]): Finding[] {
  const grammar = ruled.filter((finding) => finding.kind === 'grammar');
  return [...spelling.filter((finding) => !grammar.some((rule) => overlaps(rule, finding))), ...ruled].sort(byPosition);
}

/**
 * Adds the findings of a slower source (Harper) to check()'s: where both flag the same words, check()'s
 * finding stays (our spelling over Harper's "teh", our "could of" over Harper's). Prompts cover whole
 * sentences, so they neither hide nor are hidden.
 */
export function mergeFindings(own: Finding[], later: Finding[]): Finding[] {
  const words = own.filter((finding) => finding.kind !== 'prompt');
  const added = later.filter(
    (finding) => finding.kind === 'prompt' || !words.some((other) => overlaps(other, finding)),
  );
  return [...own, ...added].sort(byPosition);
}

export { CheckContext };
