// Hands the personal dictionary to the Margin extension, whose content script runs on this page but
// cannot read the app's IndexedDB. The contract, on `document`:
//   the app dispatches  "margin:personal-words"          detail: JSON string {"words": string[]}
//                       when the words load or change, and in answer to
//   the extension's     "margin:request-personal-words"  (no detail), sent when its content script starts.
// The detail is a string because objects do not cross from the page into a content script's world.
export const personalWordsEvent = 'margin:personal-words';
export const requestPersonalWordsEvent = 'margin:request-personal-words';

export function handPersonalWordsToExtension(words: () => string[], target: EventTarget | undefined = globalThis.document) {
  const handOver = () => target?.dispatchEvent(new CustomEvent(personalWordsEvent, { detail: JSON.stringify({ words: words() }) }));
  target?.addEventListener(requestPersonalWordsEvent, handOver);
  return { handOver };
}
