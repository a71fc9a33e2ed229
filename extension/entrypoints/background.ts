// A small router: starts the offscreen document at once (so the dictionary is loading before the
// first check is asked for) and passes checks from pages to it. Stays a classic service worker.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ensureOffscreenDocument } from '../background/offscreen-document.ts';
import { routeRequest, type OffscreenChecker } from '../background/route-request.ts';
import { answerMessagesTo, type CheckReply, type OffscreenRequest } from '../messages.ts';
import { answerDraftMessages } from '../restore/answer-drafts.ts';
import { createDraftStore } from '../restore/draft-store.ts';

export default defineBackground(() => {
  const offscreen: OffscreenChecker = {
    ensureDocument: ensureOffscreenDocument,
    send: (request: OffscreenRequest) => browser.runtime.sendMessage<OffscreenRequest, CheckReply | undefined>(request),
  };
  ensureOffscreenDocument().catch((error: unknown) => console.error('Margin: could not start the checker', error));
  browser.runtime.onMessage.addListener(answerMessagesTo('background', (request) => routeRequest(request, offscreen)));
  // The copies kept of what is typed in large fields (restore/): expired ones go when the background starts.
  const drafts = createDraftStore(browser.storage.local);
  drafts.prune().catch((error: unknown) => console.warn('Margin: could not tidy the kept copies of typed text', error));
  browser.runtime.onMessage.addListener(answerDraftMessages(drafts));
});
