import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageAt } from '../testing/parsed-page.ts';
import type { Feature } from './feature.ts';
import { appPageEvents } from '../../shared/protocol/app-and-extension.ts';
import { personalWordsFromApp } from './personal-words-from-app.ts';
import { runFeatures } from './run-features.ts';

/** Runs the handover on a page at an address, with what it asks the background written down. */
function runAt(href: string, others: Feature[] = []) {
  const document = pageAt(href);
  // The parsed page dispatches only its own window's events; the feature makes them with the global.
  vi.stubGlobal('CustomEvent', document.defaultView!.CustomEvent);
  const asked: unknown[] = [];
  const appAsked = vi.fn();
  document.addEventListener(appPageEvents.requestPersonalWords, appAsked);
  const running = runFeatures(document, [personalWordsFromApp, ...others], {
    ask: async (request) => {
      asked.push(request);
      return undefined;
    },
  });
  const appSends = (detail: unknown) =>
    document.dispatchEvent(new CustomEvent(appPageEvents.personalWords, { detail }));
  return { document, asked, appAsked, appSends, running };
}

afterEach(() => vi.unstubAllGlobals());

describe('the personal words handed over by Margin’s app', () => {
  it('asks the app for its words on Margin’s pages and passes on each list it sends', () => {
    const { asked, appAsked, appSends, running } = runAt('http://localhost:5173/reports/1');
    expect(appAsked).toHaveBeenCalledTimes(1);
    appSends(JSON.stringify({ words: ['Zainab'] }));
    appSends('not the shape the app sends');
    expect(asked).toEqual([{ to: 'background', type: 'app-personal-words', words: ['Zainab'] }]);
    running.stop();
    appSends(JSON.stringify({ words: ['Later'] }));
    expect(asked).toHaveLength(1);
  });

  it('does not run on other sites, so no site can put words into the dictionary', () => {
    const { asked, appAsked, appSends, running } = runAt('https://reports.agency.example/form');
    appSends(JSON.stringify({ words: ['Sneaky'] }));
    expect(appAsked).not.toHaveBeenCalled();
    expect(asked).toEqual([]);
    expect(running.running()).toEqual([]);
  });

  it('tells the app of a word added from the suggestion list', () => {
    let addWord: (word: string) => void = () => undefined;
    const suggestions: Feature = {
      name: 'suggestion list',
      runsOn: ['margin'],
      start: (page) => {
        addWord = (word) => page.tell('word-added', word);
        return undefined;
      },
    };
    const { document, running } = runAt('http://127.0.0.1:8787/reports/1', [suggestions]);
    const announced: unknown[] = [];
    document.addEventListener(appPageEvents.addPersonalWord, (event) => announced.push((event as CustomEvent).detail));
    addWord('Oluwaseun');
    running.stop();
    addWord('Later');
    expect(announced).toEqual([JSON.stringify({ word: 'Oluwaseun' })]);
  });
});
