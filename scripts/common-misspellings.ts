// Node only, for tests and benchmarks: pairs of (misspelling, intended word) from Wikipedia's "Lists of
// common misspellings", as shipped by the misspellings package (a development dependency, never
// shipped in the app or extension). Kept: pairs whose intended word is one word that the British
// dictionary accepts and whose misspelling it rejects. Sorted, then split in two by position: the
// even half was used to tune the ranking, the odd half is held out to measure it honestly.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface Misspelling {
  typed: string;
  meant: string;
}

export function loadCommonMisspellings(isKnown: (word: string) => boolean): {
  tuning: Misspelling[];
  heldOut: Misspelling[];
} {
  const folder = dirname(createRequire(import.meta.url).resolve('misspellings/package.json'));
  const list = JSON.parse(readFileSync(join(folder, 'dict', 'dictionary.json'), 'utf8')) as Record<string, string>;
  const pairs = Object.entries(list)
    .filter(([typed, meant]) => /^[a-z']+$/i.test(meant) && typed !== meant && isKnown(meant) && !isKnown(typed))
    .map(([typed, meant]) => ({ typed, meant }))
    .sort((a, b) => (a.typed < b.typed ? -1 : 1));
  return { tuning: pairs.filter((_, i) => i % 2 === 0), heldOut: pairs.filter((_, i) => i % 2 === 1) };
}
