import { describe, expect, it, vi } from 'vitest';
import {
  personalWordsFromApp,
  PERSONAL_WORDS_EVENT,
  REQUEST_PERSONAL_WORDS_EVENT,
  wordsIn,
} from './personal-words-from-app.ts';
import type { MarginPage } from './page-features.ts';

/** A document at an address, with DOM events, enough for the handover. */
function fakeDocument(href: string) {
  const target = new EventTarget();
  return Object.assign(target, { location: { href } }) as unknown as Document;
}

const pageFor = (document: Document) => ({ document }) as MarginPage;

describe('the personal words handed over by Margin’s app', () => {
  it('reads the words from the JSON the app sends, and nothing else', () => {
    expect(wordsIn(JSON.stringify({ words: ['Aaliyah', 'Kwame'] }))).toEqual(['Aaliyah', 'Kwame']);
    expect(wordsIn(JSON.stringify({ words: ['Aaliyah', 7, null] }))).toEqual(['Aaliyah']);
    expect(wordsIn('{not json')).toBeNull();
    expect(wordsIn({ words: ['Aaliyah'] })).toBeNull();
    expect(wordsIn(JSON.stringify({ names: [] }))).toBeNull();
  });

  it('asks the app for its words on Margin’s pages and passes on each list it sends', () => {
    const document = fakeDocument('http://localhost:5173/reports/1');
    const asked = vi.fn();
    document.addEventListener(REQUEST_PERSONAL_WORDS_EVENT, asked);
    const send = vi.fn(async () => undefined);
    const stop = personalWordsFromApp(send).start(pageFor(document));
    expect(asked).toHaveBeenCalledTimes(1);

    document.dispatchEvent(new CustomEvent(PERSONAL_WORDS_EVENT, { detail: JSON.stringify({ words: ['Zainab'] }) }));
    expect(send).toHaveBeenCalledWith(['Zainab']);
    stop?.();
    document.dispatchEvent(new CustomEvent(PERSONAL_WORDS_EVENT, { detail: JSON.stringify({ words: ['Later'] }) }));
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('does not listen on other sites, so no site can put words into the dictionary', () => {
    const document = fakeDocument('https://reports.agency.example/form');
    const send = vi.fn(async () => undefined);
    personalWordsFromApp(send).start(pageFor(document));
    document.dispatchEvent(new CustomEvent(PERSONAL_WORDS_EVENT, { detail: JSON.stringify({ words: ['Sneaky'] }) }));
    expect(send).not.toHaveBeenCalled();
  });
});
