// The personal dictionary as the extension keeps it, in storage.local: the words Margin's app hands
// over on its pages (replaced whenever the app sends its list) and the words added in the extension
// itself (from a suggestion list or the options page). The checker accepts both.
import { storage } from 'wxt/utils/storage';
import { normalisePersonalWord, type AddWordResult } from '../../shared/checks/spelling/personal-dictionary.ts';

export const ownWords = storage.defineItem<string[]>('local:personal-words', { fallback: [] });
export const appWords = storage.defineItem<string[]>('local:app-personal-words', { fallback: [] });

/** Every word the checker should accept, each once. */
export async function allPersonalWords(): Promise<string[]> {
  const [own, app] = await Promise.all([ownWords.getValue(), appWords.getValue()]);
  return [...new Set([...asWords(own), ...asWords(app)])].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

export async function addOwnWord(input: string): Promise<AddWordResult> {
  const result = normalisePersonalWord(input);
  if (!result.ok) return result;
  const own = asWords(await ownWords.getValue());
  if (!own.includes(result.value)) await ownWords.setValue([...own, result.value]);
  return result;
}

export async function removeOwnWord(word: string): Promise<void> {
  const own = asWords(await ownWords.getValue());
  if (own.includes(word)) await ownWords.setValue(own.filter((entry) => entry !== word));
}

/** Keeps the words the app sent that are words, dropping anything else a page might send. */
export async function replaceAppWords(words: unknown): Promise<void> {
  const valid = asWords(words).flatMap((word) => {
    const result = normalisePersonalWord(word);
    return result.ok ? [result.value] : [];
  });
  await appWords.setValue([...new Set(valid)]);
}

/** Calls back whenever either list changes (in any part of the extension). */
export function watchPersonalWords(changed: () => void): () => void {
  const unwatchOwn = ownWords.watch(changed);
  const unwatchApp = appWords.watch(changed);
  return () => {
    unwatchOwn();
    unwatchApp();
  };
}

function asWords(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((word): word is string => typeof word === 'string') : [];
}
