// Every message the extension's parts send each other, as tagged unions, so both ends read one truth.
//
//   content script / popup --{to: background}--> background --{to: offscreen}--> offscreen document
//   popup --{to: page}--> content script (browser.tabs.sendMessage)
//   content script --{to: drafts}--> background (restore/draft-store.ts: the copies kept of what is typed)
//   offscreen document <--WorkerRequest / WorkerReply--> its spelling worker (postMessage)
//
// runtime.sendMessage reaches every extension page that listens, the offscreen document and an open
// popup included, so each message says whom it is for and each listener ignores the rest.
import type { CheckContext } from '../shared/checks/context.ts';
import type { Finding } from '../shared/checks/finding.ts';
import type { DraftReply, DraftRequest } from './restore/draft-messages.ts';

// `context` (which form and field the text is from) lets the prompts apply; without it, spelling and grammar only.
export type BackgroundRequest = { to: 'background'; type: 'check-text'; text: string; context?: CheckContext };
export type OffscreenRequest = { to: 'offscreen'; type: 'check-text'; text: string; context?: CheckContext };
export type PageRequest = { to: 'page'; type: 'page-status' } | { to: 'page'; type: 'check-page-again' };
export type ExtensionMessage = BackgroundRequest | OffscreenRequest | PageRequest | DraftRequest;
export type Receiver = ExtensionMessage['to'];
export type MessageTo<R extends Receiver> = Extract<ExtensionMessage, { to: R }>;

/** The answer to a check: the findings, or why the checker could not give them, in words for the user. */
export type CheckReply = { ok: true; findings: Finding[] } | { ok: false; problem: string };

/** What the content script tells the popup about its page. */
export interface PageStatus {
  /** Text fields being checked. */
  fields: number;
  /** Words underlined across those fields (textareas are checked but not yet drawn). */
  underlined: number;
  /** Why checks are not working, when they are not. */
  problem: string | null;
}

export type ReplyTo<M extends ExtensionMessage> = M extends { type: 'check-text' } ? CheckReply : M extends DraftRequest ? DraftReply : PageStatus;

export type WorkerRequest =
  | { type: 'load-dictionary'; affUrl: string; dicUrl: string; frequenciesUrl?: string; harperWasmUrl?: string }
  | { type: 'check-text'; id: number; text: string; context?: CheckContext }
  | { type: 'set-personal-words'; words: string[] };
export type WorkerReply = { type: 'checked'; id: number; reply: CheckReply };

export function isMessageTo<R extends Receiver>(message: unknown, to: R): message is MessageTo<R> {
  return typeof message === 'object' && message !== null && (message as { to?: unknown }).to === to;
}

/** What a runtime.onMessage listener needs: the message and a way to answer it. */
export type MessageListener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | undefined;

/**
 * A runtime.onMessage listener that answers the messages addressed to `to` with `answer` and
 * ignores the rest (returning true only for its own, to keep the channel open for the async reply).
 */
export function answerMessagesTo<R extends Receiver>(
  to: R,
  answer: (message: MessageTo<R>) => Promise<ReplyTo<MessageTo<R>>>,
): MessageListener {
  return (message, _sender, sendResponse) => {
    if (!isMessageTo(message, to)) return undefined;
    answer(message).then(sendResponse, (error: unknown) => sendResponse(failedReply(message, error)));
    return true;
  };
}

function failedReply(message: ExtensionMessage, error: unknown): CheckReply | PageStatus | DraftReply {
  const reason = error instanceof Error ? error.message : String(error);
  if (message.to === 'drafts') return { ok: false, problem: `Margin could not reach the copies it keeps of your text: ${reason}` };
  const problem = `Margin's checks stopped working: ${reason}`;
  return message.type === 'check-text' ? { ok: false, problem } : { fields: 0, underlined: 0, problem };
}
