// A small router: starts the offscreen document at once (so the dictionary is loading before the
// first check is asked for), passes checks from pages to it, keeps the personal dictionary in
// storage.local and hands it to every new offscreen document, and forgets sites whose permission the
// user took away in the browser's settings (and completes the registrations of sites switched on before
// the page-world script). Stays a classic service worker.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ensureOffscreenDocument } from '../background/offscreen-document.ts';
import { routeRequest, type BackgroundParts } from '../background/route-request.ts';
import { answerMessagesTo, type OffscreenRequest, type ReplyTo } from '../messages.ts';
import { addOwnWord, allPersonalWords, replaceAppWords, watchPersonalWords } from '../settings/personal-words.ts';
import { currentRuleSettings } from '../settings/settings.ts';
import { completeSiteRegistrations, forgetSitesWithoutPermission, type SiteApis } from '../sites/site-access.ts';
import { answerDraftMessages } from '../restore/answer-drafts.ts';
import { createDraftStore } from '../restore/draft-store.ts';

export default defineBackground(() => {
  const send = <M extends OffscreenRequest>(request: M) =>
    browser.runtime.sendMessage<M, ReplyTo<M> | undefined>(request);
  const handWordsOver = async () => {
    await send({ to: 'offscreen', type: 'set-personal-words', words: await allPersonalWords() });
  };
  const ensureDocument = () => ensureOffscreenDocument(handWordsOver);
  const parts: BackgroundParts = {
    offscreen: { ensureDocument, send },
    settings: currentRuleSettings,
    // The checker has the new words before the page hears back, so its next check already knows them.
    words: {
      replaceAppWords: async (words) => {
        await replaceAppWords(words);
        await ensureDocument().then(handWordsOver);
      },
      addOwnWord: async (word) => {
        const result = await addOwnWord(word);
        if (result.ok) await ensureDocument().then(handWordsOver);
        return result;
      },
      handOver: handWordsOver,
    },
  };
  ensureDocument().catch((error: unknown) => console.error('Margin: could not start the checker', error));
  watchPersonalWords(
    () =>
      void ensureDocument()
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
