// Node only (the command line and unit tests): reads the British English dictionary from the
// dictionary-en-gb package. Its "exports" only expose index.js, so the files are found beside it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DictionaryText } from './spelling/spell-checker.ts';

export function loadBritishDictionary(): DictionaryText {
  const folder = dirname(createRequire(import.meta.url).resolve('dictionary-en-gb'));
  return {
    aff: readFileSync(join(folder, 'index.aff'), 'utf8'),
    dic: readFileSync(join(folder, 'index.dic'), 'utf8'),
  };
}
