// The step library this device uses: the starter library until the school imports its own, kept in
// localStorage as the JSON a library file holds (so it is read back through the same schema).
import { createSignal } from 'solid-js';
import { parseLibrary, type LibraryParse, type StepLibrary } from '../../../shared/coaching/library.ts';
import { starterLibrary } from '../../../shared/coaching/starter-library.ts';

const storageKey = 'margin.coaching.library';

function stored(): StepLibrary {
  const text = localStorage.getItem(storageKey);
  if (!text) return starterLibrary;
  const parsed = parseLibrary(text);
  return parsed.ok ? parsed.value : starterLibrary;
}

const [library, setLibrary] = createSignal<StepLibrary>(stored());
export { library };

/** Replaces the library with the one in `text`; the reason, and nothing replaced, when it is not a library. */
export function importLibrary(text: string): LibraryParse {
  const parsed = parseLibrary(text);
  if (!parsed.ok) return parsed;
  localStorage.setItem(storageKey, JSON.stringify(parsed.value));
  setLibrary(parsed.value);
  return parsed;
}

export function restoreStarterLibrary(): void {
  localStorage.removeItem(storageKey);
  setLibrary(starterLibrary);
}

export const libraryFileName = (current: StepLibrary) =>
  `${
    current.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'step-library'
  }.json`;
