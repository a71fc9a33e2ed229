// A small router: starts the offscreen document at once (so the dictionary is loading before the
// first check is asked for) and passes checks from pages to it. Stays a classic service worker.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ensureOffscreenDocument } from '../background/offscreen-document.ts';
import { routeRequest, type OffscreenChecker } from '../background/route-request.ts';
import { answerMessagesTo, type CheckReply, type OffscreenRequest } from '../messages.ts';

export default defineBackground(() => {
  const offscreen: OffscreenChecker = {
    ensureDocument: ensureOffscreenDocument,
    send: (request: OffscreenRequest) => browser.runtime.sendMessage<OffscreenRequest, CheckReply | undefined>(request),
  };
  ensureOffscreenDocument().catch((error: unknown) => console.error('Margin: could not start the checker', error));
  browser.runtime.onMessage.addListener(answerMessagesTo('background', (request) => routeRequest(request, offscreen)));
});
