import { describe, expect, it, vi } from 'vitest';
import { appPageEvents, personalWordsDetail } from '../../shared/protocol/app-and-extension.ts';
import { personalWordsFromApp } from './personal-words-from-app.ts';
import type { MarginPage } from './page-features.ts';

/** A document at an address, with DOM events, enough for the handover. */
function fakeDocument(href: string) {
  const target = new EventTarget();
  return Object.assign(target, { location: { href } }) as unknown as Document;
}

const pageFor = (document: Document) => ({ document }) as MarginPage;

describe('the personal words handed over by Margin’s app', () => {
  it('asks the app for its words on Margin’s pages and passes on each list it sends', () => {
    const document = fakeDocument('http://localhost:5173/reports/1');
    const asked = vi.fn();
    document.addEventListener(appPageEvents.requestPersonalWords, asked);
    const send = vi.fn(async () => undefined);
    const stop = personalWordsFromApp(send).start(pageFor(document));
    expect(asked).toHaveBeenCalledTimes(1);

    document.dispatchEvent(new CustomEvent(appPageEvents.personalWords, { detail: personalWordsDetail(['Zainab']) }));
    expect(send).toHaveBeenCalledWith(['Zainab']);
    stop?.();
    document.dispatchEvent(
      new CustomEvent(appPageEvents.personalWords, { detail: JSON.stringify({ words: ['Later'] }) }),
    );
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('does not listen on other sites, so no site can put words into the dictionary', () => {
    const document = fakeDocument('https://reports.agency.example/form');
    const send = vi.fn(async () => undefined);
    personalWordsFromApp(send).start(pageFor(document));
    document.dispatchEvent(
      new CustomEvent(appPageEvents.personalWords, { detail: JSON.stringify({ words: ['Sneaky'] }) }),
    );
    expect(send).not.toHaveBeenCalled();
  });
});
