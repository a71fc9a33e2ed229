// A small router: starts the checker at once (so the dictionary is loading before the first check is asked
// for: in an offscreen document in Chromium, in a worker of its own in Firefox, background/checker.ts), passes
// checks from pages to it, keeps the personal dictionary in storage.local and hands it to every new checker,
// and forgets sites whose permission the user took away in the browser's settings (and completes the
// registrations of sites switched on before the page-world script). Stays a classic service worker in
// Chromium; Firefox runs it as an event page.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { checkerInBackground, chooseChecker } from '../background/checker.ts';
import { checkerInOffscreenDocument } from '../background/offscreen-document.ts';
import { routeRequest, type BackgroundParts } from '../background/route-request.ts';
import { answerMessagesTo } from '../messages.ts';
import { startChecksWorker } from '../offscreen/checks-worker.ts';
import { addOwnWord, allPersonalWords, replaceAppWords, watchPersonalWords } from '../settings/personal-words.ts';
import { currentRuleSettings } from '../settings/settings.ts';
import { completeSiteRegistrations, forgetSitesWithoutPermission, type SiteApis } from '../sites/site-access.ts';
import { answerDraftMessages } from '../restore/answer-drafts.ts';
import { createDraftStore } from '../restore/draft-store.ts';

export default defineBackground(() => {
  const handWordsOver = async () => {
    await checker.send({ to: 'offscreen', type: 'set-personal-words', words: await allPersonalWords() });
  };
  const checker = chooseChecker(
    { offscreen: browser.offscreen, Worker: globalThis.Worker },
    {
      inOffscreenDocument: () => checkerInOffscreenDocument(handWordsOver),
      inBackground: () => checkerInBackground(startChecksWorker, handWordsOver),
    },
  );
  const parts: BackgroundParts = {
    checker,
    settings: currentRuleSettings,
    // The checker has the new words before the page hears back, so its next check already knows them.
    words: {
      replaceAppWords: async (words) => {
        await replaceAppWords(words);
        await checker.start().then(handWordsOver);
      },
      addOwnWord: async (word) => {
        const result = await addOwnWord(word);
        if (result.ok) await checker.start().then(handWordsOver);
        return result;
      },
      handOver: handWordsOver,
    },
  };
  checker.start().catch((error: unknown) => console.error('Margin: could not start the checker', error));
  watchPersonalWords(
    () =>
      void checker
        .start()
        .then(handWordsOver)
        .catch((error: unknown) => console.error('Margin: could not update the dictionary', error)),
  );
  browser.runtime.onMessage.addListener(answerMessagesTo('background', (request) => routeRequest(request, parts)));

  const sites = browser as unknown as SiteApis;
  const forget = () =>
    forgetSitesWithoutPermission(sites).catch((error: unknown) =>
      console.error('Margin: could not tidy site registrations', error),
    );
  browser.permissions.onRemoved.addListener(() => void forget());
  // Then sites switched on before the page-world script existed get it.
  void forget().then(() =>
    completeSiteRegistrations(sites).catch((error: unknown) =>
      console.error('Margin: could not complete site registrations', error),
    ),
  );
  // The copies kept of what is typed in large fields (restore/): expired ones go when the background starts.
  const drafts = createDraftStore(browser.storage.local);
  drafts.prune().catch((error: unknown) => console.warn('Margin: could not tidy the kept copies of typed text', error));
  browser.runtime.onMessage.addListener(answerDraftMessages(drafts));
});
