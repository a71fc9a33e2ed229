// Every feature the content script starts on a page, in order. To add one, write a PageFeature
// (page-features.ts) in its own file and add it to this list; it gets the MarginPage and its fields.
import type { PageFeature } from './page-features.ts';
import { personalWordsFromApp } from './personal-words-from-app.ts';

export interface FeatureParts {
  /** Hands the app's personal words to the background. */
  sendAppWords(words: string[]): Promise<unknown>;
}

export function pageFeatures(parts: FeatureParts): PageFeature[] {
  return [personalWordsFromApp(parts.sendAppWords)];
}
