// Takes the personal dictionary from Margin's app, whose IndexedDB the extension cannot read. The app
// and this feature talk through DOM events on the document (app/src/checks/extension-handover.ts):
// on start this asks with "margin:request-personal-words"; the app answers, and sends again whenever
// its words change, with "margin:personal-words" (detail: JSON {"words": [...]}). Only Margin's own
// pages are listened to (runsOn), so no other site can put words into the dictionary. Words added from the
// extension's suggestion list on Margin's pages are announced with "margin:add-personal-word"
// (detail: JSON {"word": "..."}) for the app to take up.
import type { Feature } from './feature.ts';

export const PERSONAL_WORDS_EVENT = 'margin:personal-words';
export const REQUEST_PERSONAL_WORDS_EVENT = 'margin:request-personal-words';
export const ADD_PERSONAL_WORD_EVENT = 'margin:add-personal-word';

export const personalWordsFromApp: Feature = {
  name: 'personal words from the app',
  runsOn: ['margin'],
  start({ document, ask, hear }) {
    const received = (event: Event) => {
      const words = wordsIn((event as CustomEvent<unknown>).detail);
      if (words) void ask({ to: 'background', type: 'app-personal-words', words });
    };
    document.addEventListener(PERSONAL_WORDS_EVENT, received);
    document.dispatchEvent(new CustomEvent(REQUEST_PERSONAL_WORDS_EVENT));
    // Tells the app of a word added from the extension's suggestion list.
    const unhear = hear('word-added', (word) =>
      document.dispatchEvent(new CustomEvent(ADD_PERSONAL_WORD_EVENT, { detail: JSON.stringify({ word }) })),
    );
    return () => {
      unhear();
      document.removeEventListener(PERSONAL_WORDS_EVENT, received);
    };
  },
};

/** The words in an event's detail, or null when it is not the shape the app sends. */
export function wordsIn(detail: unknown): string[] | null {
  if (typeof detail !== 'string') return null;
  try {
    const parsed = JSON.parse(detail) as { words?: unknown };
    return Array.isArray(parsed.words) ? parsed.words.filter((word): word is string => typeof word === 'string') : null;
  } catch {
    return null;
  }
}
