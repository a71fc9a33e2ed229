// Runs on Margin's own pages (any port on localhost or 127.0.0.1: a match pattern without a port
// matches every port), and on the sites the user switched on in the popup (registered at that moment,
// see sites/site-access.ts). It reads text and draws underlines; the checking happens in the extension.
// What else it does on a page is the list of features in page/features.ts.
import '../page/underlines.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { CheckContext } from '../../shared/checks/context.ts';
import { answerMessagesTo, type BackgroundRequest, type ReplyTo } from '../messages.ts';
import { checkFieldsOnPage } from '../page/checks-on-page.ts';
import { pageFeatures } from '../page/features.ts';
import { announceAddedWord } from '../page/personal-words-from-app.ts';
import { watchPersonalWords } from '../settings/personal-words.ts';
import { ruleSettings } from '../settings/settings.ts';
import { guardFormsOnPage } from '../submit/guard-forms-on-page.ts';

const unreachable = 'Margin cannot reach its checker. Reload the page, or reload the extension if that does not help.';

export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  main(ctx) {
    performance.mark('margin:content-start');
    const checks = checkFieldsOnPage(document, {
      check: async (text: string, context?: CheckContext) =>
        (await ask({ to: 'background', type: 'check-text', text, context })) ?? { ok: false, problem: unreachable },
      suggest: async (word) => {
        const reply = await ask({ to: 'background', type: 'suggest', word });
        return reply?.ok ? reply.suggestions : [];
      },
      addWord: async (word) => {
        const reply = (await ask({ to: 'background', type: 'add-personal-word', word })) ?? {
          ok: false,
          problem: unreachable,
        };
        if (reply.ok) announceAddedWord(document, reply.word);
        return reply;
      },
    });
    const stopFeatures = pageFeatures({
      sendAppWords: (words) => ask({ to: 'background', type: 'app-personal-words', words }),
    }).map((feature) => feature.start(checks.page));
    // "Before you submit" and "Never lose work" (submit/, restore/, adapters/).
    const forms = guardFormsOnPage(document);
    performance.measure('margin:content-ready', 'margin:content-start');

    const checkAfresh = () => void checks.forgetAndCheckAgain();
    // The checker must have the new words before the page checks again, or it would keep the old answers.
    const unwatchWords = watchPersonalWords(
      () => void ask({ to: 'background', type: 'sync-personal-words' }).then(checkAfresh),
    );
    const unwatchSettings = ruleSettings.watch(checkAfresh);
    const stop = () => {
      checks.stop();
      forms.stop();
      stopFeatures.forEach((stopFeature) => stopFeature?.());
      unwatchWords();
      unwatchSettings();
      browser.runtime.onMessage.removeListener(answerPopup);
    };
    const answerPopup = answerMessagesTo('page', async (request) => {
      if (request.type === 'check-page-again') await checks.checkAgain();
      const status = checks.status();
      if (request.type === 'stop-checking') stop();
      return status;
    });
    browser.runtime.onMessage.addListener(answerPopup);
    ctx.onInvalidated(stop);
  },
});

async function ask<M extends BackgroundRequest>(request: M): Promise<ReplyTo<M> | undefined> {
  try {
    return await browser.runtime.sendMessage<M, ReplyTo<M>>(request);
  } catch {
    return undefined;
  }
}
