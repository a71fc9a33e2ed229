// Takes the personal dictionary from Margin's app, whose IndexedDB the extension cannot read, through
// the page events declared in shared/protocol/app-and-extension.ts: on start this asks for the words;
// the app answers, and sends them again whenever they change. Only Margin's own pages are listened to,
// so no other site can put words into the dictionary. Words added from the extension's suggestion list
// on Margin's pages are announced for the app to take up.
import { addedWordDetail, appPageEvents, wordsInDetail } from '../../shared/protocol/app-and-extension.ts';
import type { PageFeature } from './page-features.ts';
import { siteOf } from '../sites/site-access.ts';

export function personalWordsFromApp(send: (words: string[]) => Promise<unknown>): PageFeature {
  return {
    name: 'personal words from the app',
    start({ document }) {
      if (siteOf(document.location?.href).kind !== 'margin') return;
      const received = (event: Event) => {
        const words = wordsInDetail((event as CustomEvent<unknown>).detail);
        if (words) void send(words);
      };
      document.addEventListener(appPageEvents.personalWords, received);
      document.dispatchEvent(new CustomEvent(appPageEvents.requestPersonalWords));
      return () => document.removeEventListener(appPageEvents.personalWords, received);
    },
  };
}

/** Tells Margin's app (on its own pages) that a word was added from the extension. */
export function announceAddedWord(document: Document, word: string): void {
  if (siteOf(document.location?.href).kind !== 'margin') return;
  document.dispatchEvent(new CustomEvent(appPageEvents.addPersonalWord, { detail: addedWordDetail(word) }));
}
