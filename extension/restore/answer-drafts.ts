// The background's answers to the content script's draft requests. The page is the sender's own
// address (the frame the content script runs in); only a frame with no address of its own (about:blank,
// about:srcdoc, as an editor's iframe is) may name the page it is in, and only one on its own origin.
import { fail, ok } from '../../shared/result.ts';
import { isMessageTo, type MessageListener } from '../messages.ts';
import type { DraftReply, DraftRequest } from './draft-messages.ts';
import type { DraftStore } from './draft-store.ts';

/** Who sent a message, as the browser says (runtime.MessageSender): its address and its origin. */
export interface DraftSender {
  url?: string;
  origin?: string;
}

/** The page a request's drafts belong to, or undefined when the sender is not a web page. */
export function pageOfSender(request: DraftRequest, sender: DraftSender | undefined): string | undefined {
  const url = sender?.url;
  if (url && /^https?:/.test(url)) return url;
  if (!url?.startsWith('about:') || !request.page || !sender?.origin) return undefined;
  try {
    const named = new URL(request.page);
    return /^https?:$/.test(named.protocol) && named.origin === sender.origin ? named.href : undefined;
  } catch {
    return undefined;
  }
}

export async function answerDraftRequest(
  request: DraftRequest,
  sender: DraftSender | undefined,
  store: DraftStore,
): Promise<DraftReply> {
  const page = pageOfSender(request, sender);
  if (!page) return fail('Copies of typed text are kept only for web pages.');
  try {
    if (request.type === 'load-draft') return ok(await store.load(page, request.field));
    if (request.type === 'save-draft') await store.save(page, request.field, request.text, request.label);
    else await store.clear(page, request.fields);
    return ok(undefined);
  } catch (error) {
    return fail(`Margin could not keep a copy of your text: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A runtime.onMessage listener for messages addressed to 'drafts'; others are left to their own listeners. */
export function answerDraftMessages(store: DraftStore): MessageListener {
  return (message, sender, sendResponse) => {
    if (!isMessageTo(message, 'drafts')) return undefined;
    void answerDraftRequest(message, sender as DraftSender | undefined, store).then(sendResponse);
    return true;
  };
}
