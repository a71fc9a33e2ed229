// Hands the personal dictionary to the Margin extension, whose content script runs on this page but
// cannot read the app's IndexedDB, and takes up the words added from the extension's suggestion list.
// The events and their details are declared once, for both sides, in shared/protocol/app-and-extension.ts.
import { appPageEvents, personalWordsDetail, wordInDetail } from '../../../shared/protocol/app-and-extension.ts';

export function handPersonalWordsToExtension(
  words: () => string[],
  wordAdded: (word: string) => void,
  target: EventTarget | undefined = globalThis.document,
) {
  const handOver = () =>
    target?.dispatchEvent(new CustomEvent(appPageEvents.personalWords, { detail: personalWordsDetail(words()) }));
  target?.addEventListener(appPageEvents.requestPersonalWords, handOver);
  target?.addEventListener(appPageEvents.addPersonalWord, (event) => {
    const word = wordInDetail((event as CustomEvent<unknown>).detail);
    if (word) wordAdded(word);
  });
  return { handOver };
}
