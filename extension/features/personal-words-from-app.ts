// Takes the personal dictionary from Margin's app, whose IndexedDB the extension cannot read, through the page
// events declared in shared/protocol/app-and-extension.ts: on start this asks for the words; the app answers,
// and sends them again whenever they change. Only Margin's own pages are listened to (runsOn), so no other
// site can put words into the dictionary. Words added from the extension's suggestion list on Margin's pages
// are announced for the app to take up.
import { addedWordDetail, appPageEvents, wordsInDetail } from '../../shared/protocol/app-and-extension.ts';
import type { Feature } from './feature.ts';

export const personalWordsFromApp: Feature = {
  name: 'personal words from the app',
  runsOn: ['margin'],
  start({ document, ask, hear }) {
    const received = (event: Event) => {
      const words = wordsInDetail((event as CustomEvent<unknown>).detail);
      if (words) void ask({ to: 'background', type: 'app-personal-words', words });
    };
    document.addEventListener(appPageEvents.personalWords, received);
    document.dispatchEvent(new CustomEvent(appPageEvents.requestPersonalWords));
    // Tells the app of a word added from the extension's suggestion list.
    const unhear = hear('word-added', (word) =>
      document.dispatchEvent(new CustomEvent(appPageEvents.addPersonalWord, { detail: addedWordDetail(word) })),
    );
    return () => {
      unhear();
      document.removeEventListener(appPageEvents.personalWords, received);
    };
  },
};
