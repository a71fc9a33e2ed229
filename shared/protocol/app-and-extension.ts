// What Margin's app and the Margin extension agree on, on the app's own pages, where the extension's
// content script runs beside the app but can read neither its IndexedDB nor its JavaScript.
//
// Personal dictionary, through DOM events on `document`:
//   the app dispatches   personalWords          detail: personalWordsDetail(words)
//                        when its words load or change, and in answer to
//   the extension's      requestPersonalWords   (no detail), sent when its content script starts;
//   the extension's      addPersonalWord        detail: addedWordDetail(word), a word added from its
//                        own suggestion list on the app's page, for the app to take up.
// A detail is a JSON string because objects do not cross from the page into a content script's world,
// and each side reads what the other sends as untrusted: a detail of any other shape is ignored.
//
// Fields: the app marks each field it checks itself with appCheckedAttribute="app" (and the field's key
// as its id); the extension leaves their underlines to the app and finds the report's fields by it.
// Submitting: the extension's "Before you submit" hooks the app's buttons by their accessible names.

export const appPageEvents = {
  personalWords: 'margin:personal-words',
  requestPersonalWords: 'margin:request-personal-words',
  addPersonalWord: 'margin:add-personal-word',
} as const;

export const personalWordsDetail = (words: readonly string[]): string => JSON.stringify({ words });

/** The words in a personalWords event's detail, or null when it is not the shape the app sends. */
export function wordsInDetail(detail: unknown): string[] | null {
  const words = parsed(detail)?.words;
  return Array.isArray(words) ? words.filter((word): word is string => typeof word === 'string') : null;
}

export const addedWordDetail = (word: string): string => JSON.stringify({ word });

/** The word in an addPersonalWord event's detail, or null when it is not the shape the extension sends. */
export function wordInDetail(detail: unknown): string | null {
  const word = parsed(detail)?.word;
  return typeof word === 'string' && word.trim() !== '' ? word : null;
}

export const appCheckedAttribute = 'data-margin-checks';
export const appCheckedSelector = `[${appCheckedAttribute}="app"]`;

/** The app's Submit and Resubmit buttons, which the extension's "Before you submit" panel comes before. */
export const appSubmitButtonNames = { submit: 'Submit report', resubmit: 'Resubmit report' } as const;

function parsed(detail: unknown): Record<string, unknown> | null {
  if (typeof detail !== 'string') return null;
  try {
    const value: unknown = JSON.parse(detail);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
