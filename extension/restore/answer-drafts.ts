// The background's answers to the content script's draft requests. The page is the sender's own
// address (the frame the content script runs in), never one the message names.
import { fail, ok } from '../../shared/result.ts';
import { isMessageTo, type MessageListener } from '../messages.ts';
import type { DraftReply, DraftRequest } from './draft-messages.ts';
import type { DraftStore } from './draft-store.ts';

export async function answerDraftRequest(
  request: DraftRequest,
  senderUrl: string | undefined,
  store: DraftStore,
): Promise<DraftReply> {
  if (!senderUrl || !/^https?:/.test(senderUrl)) return fail('Copies of typed text are kept only for web pages.');
  try {
    if (request.type === 'load-draft') return ok(await store.load(senderUrl, request.field));
    if (request.type === 'save-draft') await store.save(senderUrl, request.field, request.text, request.label);
    else await store.clear(senderUrl, request.fields);
    return ok(undefined);
  } catch (error) {
    return fail(`Margin could not keep a copy of your text: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A runtime.onMessage listener for messages addressed to 'drafts'; others are left to their own listeners. */
export function answerDraftMessages(store: DraftStore): MessageListener {
  return (message, sender, sendResponse) => {
    if (!isMessageTo(message, 'drafts')) return undefined;
    void answerDraftRequest(message, (sender as { url?: string } | undefined)?.url, store).then(sendResponse);
    return true;
  };
}
