// Spelling, grammar and advice as the user types, in every free-text field of the page, with the
// suggestion list; checked afresh when the personal dictionary or the settings change. It also answers
// the popup, which shows how the checks are going and can check again or stop Margin on the page.
import { fail } from '../../shared/result.ts';
import { browser } from 'wxt/browser';
import type { CheckContext } from '../../shared/checks/context.ts';
import { answerMessagesTo, type CheckReply } from '../messages.ts';
import { checkFieldsOnPage } from '../page/checks-on-page.ts';
import { watchPersonalWords } from '../settings/personal-words.ts';
import { ruleSettings } from '../settings/settings.ts';
import type { Feature, FeaturePage } from './feature.ts';

export const checkerUnreachable =
  'Margin cannot reach its checker. Reload the page, or reload the extension if that does not help.';

/** Checks text with the extension's checker, or says why it could not. */
export const askCheck =
  (page: FeaturePage) =>
  async (text: string, context?: CheckContext): Promise<CheckReply> =>
    (await page.ask({ to: 'background', type: 'check-text', text, context })) ?? fail(checkerUnreachable);

export const checksAsYouType: Feature = {
  name: 'checks as you type',
  runsOn: ['margin', 'site'],
  inFrames: true,
  start(page) {
    const checks = checkFieldsOnPage(page.document, page.fields, {
      check: askCheck(page),
      suggest: async (word) => {
        const reply = await page.ask({ to: 'background', type: 'suggest', word });
        return reply?.ok ? reply.value : [];
      },
      addWord: async (word) => {
        const reply =
          (await page.ask({ to: 'background', type: 'add-personal-word', word })) ?? fail(checkerUnreachable);
        if (reply.ok) page.tell('word-added', reply.value);
        return reply;
      },
    });

    const checkAfresh = () => void checks.forgetAndCheckAgain();
    // The checker must have the new words before the page checks again, or it would keep the old answers.
    const unwatchWords = watchPersonalWords(
      () => void page.ask({ to: 'background', type: 'sync-personal-words' }).then(checkAfresh),
    );
    const unwatchSettings = ruleSettings.watch(checkAfresh);
    const answerPopup = answerMessagesTo('page', async (request) => {
      if (request.type === 'check-page-again') await checks.checkAgain();
      const status = checks.status();
      if (request.type === 'stop-checking') page.stop();
      return status;
    });
    // A frame (an editor's iframe) does what the popup asks but leaves the answer to the page itself.
    const followPopup: typeof answerPopup = (message, sender) => void answerPopup(message, sender, () => undefined);
    const listener = page.inFrame ? followPopup : answerPopup;
    browser.runtime.onMessage.addListener(listener);
    return () => {
      browser.runtime.onMessage.removeListener(listener);
      unwatchSettings();
      unwatchWords();
      checks.stop();
    };
  },
};
