// Fast spelling suggestions: a symmetric-delete index over every word form of the dictionary finds
// the words within two edits of a misspelling, and each is ranked by how likely that slip is
// (typingCost) against how common the word is (WordFrequencies).
//
// The index keeps, for every word, a hash of each string made by deleting up to two letters from its
// first `prefixLength` letters (SymSpell's prefix trick: any word within two edits shares one). Hashes
// go into two flat typed arrays (buckets of word numbers), built in two passes, so 120,000 words cost
// a few megabytes and no per-delete strings. Bucket collisions only add candidates, which are checked.
import { boundedEditDistance, typingCost } from './edit-cost.ts';
import { noFrequencies, type WordFrequencies } from './word-frequency.ts';

export interface SuggesterOptions {
  words: Iterable<string>;
  frequencies?: WordFrequencies;
  /** Letters of each word the index looks at; longer finds the same words with fewer candidates to check. */
  prefixLength?: number;
}

export interface SuggesterStats {
  words: number;
  entries: number;
  buildMs: number;
  /** Bytes held by the index's typed arrays. */
  indexBytes: number;
}

export interface Suggester {
  /** Likely corrections, best first; [] when nothing is close. */
  suggest(word: string, max?: number): string[];
  /** Makes a word (a personal word, say) suggestible from now on. */
  addWord(word: string): void;
  /** Builds the index now rather than on the first suggestion. */
  prepare(): SuggesterStats;
  /**
   * Builds the index a few thousand words at a time, awaiting `pause` between them, so a worker answers checks
   * meanwhile (it takes seconds on a busy machine). A suggestion asked for meanwhile builds it at once instead.
   */
  prepareInSteps(pause: () => Promise<void>): Promise<SuggesterStats>;
}

const maxEdits = 2;
// How much a tenfold difference in frequency is worth, in edits; and the cost of a different first letter.
const frequencyWeight = 0.35;
const firstLetterCost = 0.6;

export function createSuggester({ words, frequencies = noFrequencies, prefixLength = 7 }: SuggesterOptions): Suggester {
  // One entry per lower-case spelling; the forms it is written in (Polish and polish) beside it.
  const keys: string[] = [];
  const forms = new Map<string, string[]>();
  const numberOf = new Map<string, number>();
  const addKey = (word: string): number | undefined => {
    const key = word.toLowerCase();
    const known = numberOf.get(key);
    const written = forms.get(key);
    if (written) {
      if (!written.includes(word)) written.push(word);
    } else forms.set(key, [word]);
    if (known !== undefined) return undefined;
    numberOf.set(key, keys.length);
    keys.push(key);
    return keys.length - 1;
  };
  for (const word of words) addKey(word);

  type Index = { starts: Uint32Array; entries: Uint32Array; mask: number };
  let index: Index | undefined;
  let stats: SuggesterStats | undefined;
  // Words added after the index was built, found by comparing them all (there are few).
  const late: number[] = [];

  /** The index's build, yielding after each `stepWords` words; it returns the index and its figures. */
  function* building(stepWords: number): Generator<void, { built: Index; figures: SuggesterStats }> {
    const started = performance.now();
    // Words added while the index is built in steps come after these, and are kept as late ones.
    const count = keys.length;
    let total = 0;
    for (let number = 0; number < count; number++) total += deleteCount(Math.min(keys[number]!.length, prefixLength));
    const bucketBits = Math.max(10, Math.ceil(Math.log2(total)) - 1);
    const mask = (1 << bucketBits) - 1;
    const starts = new Uint32Array(mask + 2);
    for (let number = 0; number < count; number++) {
      forEachDeleteHash(keys[number]!, prefixLength, (hash) => void starts[(hash & mask) + 1]!++);
      if (number % stepWords === stepWords - 1) yield;
    }
    for (let bucket = 1; bucket < starts.length; bucket++) starts[bucket]! += starts[bucket - 1]!;
    const entries = new Uint32Array(total);
    const filled = starts.slice(0, mask + 1);
    for (let number = 0; number < count; number++) {
      forEachDeleteHash(keys[number]!, prefixLength, (hash) => void (entries[filled[hash & mask]!++] = number));
      if (number % stepWords === stepWords - 1) yield;
    }
    const figures = {
      words: count,
      entries: total,
      buildMs: performance.now() - started,
      indexBytes: starts.byteLength + entries.byteLength,
    };
    return { built: { starts, entries, mask }, figures };
  }

  const keep = ({ built, figures }: { built: Index; figures: SuggesterStats }): SuggesterStats => {
    index = built;
    stats = figures;
    for (let number = figures.words; number < keys.length; number++) late.push(number);
    return figures;
  };

  const build = (): SuggesterStats => {
    const steps = building(Number.POSITIVE_INFINITY);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return keep(step.value);
  };

  const buildInSteps = async (pause: () => Promise<void>): Promise<SuggesterStats> => {
    const steps = building(4000);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return stats ?? keep(step.value);
      await pause();
      // A suggestion asked for meanwhile built the index whole: this build is not needed.
      if (stats) return stats;
    }
  };

  // Reused between calls: marks[n] === stamp when word n was already looked at for this query.
  let marks = new Uint32Array(0);
  let stamp = 0;

  const candidatesOf = (query: string, bound: number): number[] => {
    if (!index) build();
    const { starts, entries, mask } = index!;
    if (marks.length < keys.length) marks = new Uint32Array(keys.length + 1024);
    stamp++;
    const found: number[] = [];
    const consider = (number: number) => {
      if (marks[number] === stamp) return;
      marks[number] = stamp;
      if (boundedEditDistance(query, keys[number]!, bound) <= bound) found.push(number);
    };
    forEachDeleteHash(query, prefixLength, (hash) => {
      const bucket = hash & mask;
      for (let at = starts[bucket]!; at < starts[bucket + 1]!; at++) consider(entries[at]!);
    });
    for (const number of late) consider(number);
    return found;
  };

  const likelihoodCost = (query: string, key: string): number => {
    const count = frequencies.countOf(key);
    const rarity = -Math.log10(count + 1) * frequencyWeight;
    return typingCost(query, key) + rarity + (query[0] === key[0] ? 0 : firstLetterCost);
  };

  return {
    suggest(word, max = 5) {
      const curly = word.includes('’');
      const query = word.replaceAll('’', "'").toLowerCase();
      if (query.length === 0) return [];
      const bound = query.length <= 3 ? 1 : maxEdits;
      const ranked = candidatesOf(query, bound).map((number) => ({
        key: keys[number]!,
        cost: likelihoodCost(query, keys[number]!),
      }));
      ranked.push(...splitInTwo(query));
      ranked.sort((a, b) => a.cost - b.cost);
      const shown = new Set<string>();
      const suggestions: string[] = [];
      for (const { key } of ranked) {
        const written = writtenLike(word, preferredForm(key));
        const text = curly ? written.replaceAll("'", '’') : written;
        if (shown.has(text) || text === word) continue;
        shown.add(text);
        suggestions.push(text);
        if (suggestions.length === max) break;
      }
      return suggestions;
    },
    addWord(word) {
      const number = addKey(word);
      if (number !== undefined && index) late.push(number);
    },
    prepare: () => stats ?? build(),
    prepareInSteps: async (pause) => stats ?? buildInSteps(pause),
  };

  // A lower-case query wants the lower-case word (caterpillar, not the brand Caterpillar) when there is one.
  function preferredForm(key: string): string {
    const written = forms.get(key);
    if (!written) return key;
    return written.includes(key) ? key : written[0]!;
  }

  // "alot" is "a lot", "infact" is "in fact": two common words run together.
  function splitInTwo(query: string): { key: string; cost: number }[] {
    const splits: { key: string; cost: number }[] = [];
    for (let at = 1; at < query.length; at++) {
      const left = query.slice(0, at);
      const right = query.slice(at);
      if (!forms.get(left)?.includes(left) || !forms.get(right)?.includes(right)) continue;
      const rarer = Math.min(frequencies.countOf(left), frequencies.countOf(right));
      if ((left.length === 1 && left !== 'a' && left !== 'i') || right.length < 3 || rarer < 1000) continue;
      const key = `${left} ${right}`;
      forms.set(key, [key]);
      splits.push({ key, cost: 0.9 - Math.log10(rarer + 1) * frequencyWeight });
    }
    return splits;
  }
}

/** Gives a suggestion the case of the word typed: Acheived -> Achieved, ACHEIVED -> ACHIEVED. */
function writtenLike(typed: string, suggestion: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase() && typed !== typed.toLowerCase())
    return suggestion.toUpperCase();
  const first = typed[0]!;
  if (first !== first.toLowerCase()) return suggestion[0]!.toUpperCase() + suggestion.slice(1);
  return suggestion;
}

function deleteCount(length: number): number {
  return 1 + length + (length * (length - 1)) / 2;
}

// FNV-1a over the first `prefixLength` characters of `text`, leaving out the characters at `skipA` and `skipB`.
function hashWithout(text: string, end: number, skipA: number, skipB: number): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < end; at++) {
    if (at === skipA || at === skipB) continue;
    hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  }
  return hash >>> 0;
}

function forEachDeleteHash(text: string, prefixLength: number, visit: (hash: number) => void): void {
  const end = Math.min(text.length, prefixLength);
  visit(hashWithout(text, end, -1, -1));
  for (let a = 0; a < end; a++) {
    visit(hashWithout(text, end, a, -1));
    for (let b = a + 1; b < end; b++) visit(hashWithout(text, end, a, b));
  }
}
