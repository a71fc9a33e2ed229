// Starts "Before you submit" and "Never lose work" on a page, talking to the background for both: the
// content script's one call for them. The adapter is chosen again at each use, as a single-page app
// turns one page into another.
import { browser } from 'wxt/browser';
import { adapterFor } from '../adapters/registry.ts';
import type { BackgroundRequest, CheckReply } from '../messages.ts';
import type { DraftReply, DraftRequest } from '../restore/draft-messages.ts';
import { keepDrafts } from '../restore/keep-drafts.ts';
import type { AskCheck } from './field-findings.ts';
import { guardSubmissions } from './submit-guard.ts';

const checkField: AskCheck = async (text, context) => {
  try {
    return await browser.runtime.sendMessage<BackgroundRequest, CheckReply>({
      to: 'background',
      type: 'check-text',
      text,
      context,
    });
  } catch {
    return { ok: false, problem: 'Margin cannot reach its checker.' };
  }
};

const askDrafts = async (request: DraftRequest): Promise<DraftReply> => {
  try {
    return (
      (await browser.runtime.sendMessage<DraftRequest, DraftReply | undefined>(request)) ?? {
        ok: false,
        problem: 'Nobody answered.',
      }
    );
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
};

export function guardFormsOnPage(document: Document) {
  const drafts = keepDrafts(document, { ask: askDrafts });
  const guard = guardSubmissions(document, {
    adapter: () => adapterFor(document, document.location),
    check: checkField,
    submitted: (scope) => drafts.forget(scope),
  });
  return {
    stop() {
      guard.stop();
      drafts.stop();
    },
  };
}
