// Runs on Margin's own pages (any port on localhost or 127.0.0.1: a match pattern without a port
// matches every port). It reads text and draws underlines; the checking happens in the extension.
import '../page/spelling.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { answerMessagesTo, type BackgroundRequest, type CheckReply } from '../messages.ts';
import { checkSpellingOnPage } from '../page/spelling-on-page.ts';
import { guardFormsOnPage } from '../submit/guard-forms-on-page.ts';

export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  main(ctx) {
    const spelling = checkSpellingOnPage(document, { check: askBackgroundToCheck });
    const answerPopup = answerMessagesTo('page', async (request) => {
      if (request.type === 'check-page-again') await spelling.checkAgain();
      return spelling.status();
    });
    browser.runtime.onMessage.addListener(answerPopup);
    // "Before you submit" and "Never lose work" (submit/, restore/, adapters/).
    const forms = guardFormsOnPage(document);
    ctx.onInvalidated(() => {
      spelling.stop();
      forms.stop();
      browser.runtime.onMessage.removeListener(answerPopup);
    });
  },
});

async function askBackgroundToCheck(text: string): Promise<CheckReply> {
  try {
    const request: BackgroundRequest = { to: 'background', type: 'check-text', text };
    return await browser.runtime.sendMessage<BackgroundRequest, CheckReply>(request);
  } catch {
    return { ok: false, problem: 'Margin cannot reach its checker. Reload the page, or reload the extension if that does not help.' };
  }
}
