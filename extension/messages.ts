// Every message the extension's parts send each other, as tagged unions, so both ends read one truth.
//
//   content script / popup / options --{to: background}--> background --{to: offscreen}--> offscreen document
//   popup --{to: page}--> content script (browser.tabs.sendMessage)
//   offscreen document <--shared/checks/worker-protocol.ts--> its checks worker (postMessage), as the app's
//   checks worker <--GrammarRequest / GrammarReply--> Harper's grammar worker (postMessage)
//   content script --{to: drafts}--> background (restore/draft-store.ts: the copies kept of what is typed)
//
// runtime.sendMessage reaches every extension page that listens, the offscreen document and an open
// popup included, so each message says whom it is for and each listener ignores the rest.
import { fail, type Result } from '../shared/result.ts';
import type { CheckContext } from '../shared/checks/context.ts';
import type { Finding } from '../shared/checks/finding.ts';
import type { AddWordResult } from '../shared/checks/spelling/personal-dictionary.ts';
import type { DraftReply, DraftRequest } from './restore/draft-messages.ts';

export type BackgroundRequest =
  | { to: 'background'; type: 'check-text'; text: string; context?: CheckContext }
  | { to: 'background'; type: 'suggest'; word: string }
  /** The words Margin's app keeps (handed over on its pages): they replace the app's earlier list. */
  | { to: 'background'; type: 'app-personal-words'; words: string[] }
  /** "Add to dictionary" from a suggestion list or the options page. */
  | { to: 'background'; type: 'add-personal-word'; word: string }
  /** Answered once the checker has the stored words, so a page that saw them change can check again with them. */
  | { to: 'background'; type: 'sync-personal-words' };
export type OffscreenRequest =
  | { to: 'offscreen'; type: 'check-text'; text: string; context?: CheckContext }
  | { to: 'offscreen'; type: 'suggest'; word: string }
  | { to: 'offscreen'; type: 'set-personal-words'; words: string[] };
export type PageRequest =
  | { to: 'page'; type: 'page-status' }
  | { to: 'page'; type: 'check-page-again' }
  | { to: 'page'; type: 'stop-checking' };
export type ExtensionMessage = BackgroundRequest | OffscreenRequest | PageRequest | DraftRequest;
export type Receiver = ExtensionMessage['to'];
export type MessageTo<R extends Receiver> = Extract<ExtensionMessage, { to: R }>;

/**
 * The answer to a check: the findings, or why the checker could not give them, in words for the user.
 * `partial` says Harper's grammar had not loaded yet, so a later check may find more.
 */
export type CheckReply = Result<{ findings: Finding[]; partial?: boolean }>;
/** Spelling suggestions for a word, best first. */
export type SuggestReply = Result<string[]>;
export type DoneReply = Result;

/** What the content script tells the popup about its page. */
export interface PageStatus {
  /** Text fields being checked. */
  fields: number;
  /** Findings (spelling, grammar and advice) across those fields. */
  findings: number;
  /** Paragraphs of long fields not checked yet: far from the screen, they are checked as they are scrolled near. */
  unchecked?: number;
  /** Why checks are not working, when they are not. */
  problem: string | null;
  /** The page's address, which the popup cannot always read from the tab (it has no access to every site). */
  url?: string;
}

type Replies = {
  'check-text': CheckReply;
  suggest: SuggestReply;
  'app-personal-words': DoneReply;
  'add-personal-word': AddWordResult;
  'sync-personal-words': DoneReply;
  'set-personal-words': DoneReply;
  'page-status': PageStatus;
  'check-page-again': PageStatus;
  'stop-checking': PageStatus;
  'save-draft': DraftReply;
  'load-draft': DraftReply;
  'clear-drafts': DraftReply;
};
export type ReplyTo<M extends ExtensionMessage> = Replies[M['type']];

/** Between the checks worker and Harper's grammar worker beneath it. */
export type GrammarRequest = { type: 'load'; wasmUrl: string } | { type: 'check'; id: number; text: string };
export type GrammarReply =
  | { type: 'ready' }
  | { type: 'failed'; problem: string }
  | { type: 'checked'; id: number; findings: Finding[] };

export function isMessageTo<R extends Receiver>(message: unknown, to: R): message is MessageTo<R> {
  return typeof message === 'object' && message !== null && (message as { to?: unknown }).to === to;
}

/** What a runtime.onMessage listener needs: the message and a way to answer it. */
export type MessageListener = (
  message: unknown,
  sender: unknown,
  sendResponse: (reply: unknown) => void,
) => boolean | undefined;

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

function failedReply(message: ExtensionMessage, error: unknown): ReplyTo<ExtensionMessage> {
  const reason = error instanceof Error ? error.message : String(error);
  if (message.to === 'drafts') return fail(`Margin could not reach the copies it keeps of your text: ${reason}`);
  const problem = `Margin's checks stopped working: ${reason}`;
  return message.to === 'page' ? { fields: 0, findings: 0, problem } : fail(problem);
}
