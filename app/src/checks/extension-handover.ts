// Hands the personal dictionary to the Margin extension, whose content script runs on this page but
// cannot read the app's IndexedDB. The contract, on `document`:
//   the app dispatches  "margin:personal-words"          detail: JSON string {"words": string[]}
//                       when the words load or change, and in answer to
//   the extension's     "margin:request-personal-words"  (no detail), sent when its content script starts.
// and the other way, a word added from the extension's own suggestion list on this page:
//   the extension's     "margin:add-personal-word"       detail: JSON string {"word": string}
// The detail is a string because objects do not cross from the page into a content script's world.
export const personalWordsEvent = 'margin:personal-words';
export const requestPersonalWordsEvent = 'margin:request-personal-words';
export const addPersonalWordEvent = 'margin:add-personal-word';

export function handPersonalWordsToExtension(
  words: () => string[],
  wordAdded: (word: string) => void,
  target: EventTarget | undefined = globalThis.document,
) {
  const handOver = () =>
    target?.dispatchEvent(new CustomEvent(personalWordsEvent, { detail: JSON.stringify({ words: words() }) }));
  target?.addEventListener(requestPersonalWordsEvent, handOver);
  target?.addEventListener(addPersonalWordEvent, (event) => {
    const word = wordIn((event as CustomEvent<unknown>).detail);
    if (word) wordAdded(word);
  });
  return { handOver };
}

/** The word in an "add" event's detail, or null when the detail is not the shape the extension sends. */
function wordIn(detail: unknown): string | null {
  if (typeof detail !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(detail);
    const word = (parsed as { word?: unknown } | null)?.word;
    return typeof word === 'string' && word.trim() !== '' ? word : null;
  } catch {
    return null;
  }
}
