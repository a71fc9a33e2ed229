// The one message protocol between a page and the worker that runs the checks, used by the app's
// checks worker and the extension's offscreen worker alike. Both ends import it; neither restates it.
//
//   page --ChecksWorkerRequest--> worker (checks-engine.ts) --ChecksWorkerReply--> page (worker-client.ts)
//
// The worker says hello with its version as it starts. A check is answered at once with the fast
// findings (spelling, our grammar rules, prompts), marked complete: false while Harper is still to run
// (loading, or checking), and then again, complete, with every finding. The app redraws on each
// answer; the extension answers its pages once, with the fast findings marked partial while Harper
// loads, and with the complete answer once it is ready.
//
// The ports are the few members of a Worker (and of a worker's global scope) this needs, written out
// so shared/ names no DOM type and tests can stand in for either end.
import type { CheckContext } from './context.ts';
import type { Finding } from './finding.ts';
import type { AddWordResult } from './spelling/personal-dictionary.ts';

/** Raised when a message changes meaning, so a page never talks to a worker from another build. */
export const CHECKS_WORKER_PROTOCOL_VERSION = 1;

export type ChecksWorkerRequest =
  | { type: 'check'; id: number; text: string; context: CheckContext }
  | { type: 'suggest'; id: number; word: string }
  | { type: 'add-word'; id: number; word: string }
  /** The whole personal dictionary, replacing the list before. */
  | { type: 'set-words'; words: string[] };

/** How Harper's grammar is doing in the worker: it loads after the first answer, and may never come. */
export type GrammarState = 'loading' | 'ready' | 'unavailable';

export type ChecksWorkerReply =
  | { type: 'hello'; version: number }
  | { type: 'findings'; id: number; findings: Finding[]; complete: boolean }
  | { type: 'suggestions'; id: number; suggestions: string[] }
  | { type: 'word-added'; id: number; result: AddWordResult }
  | { type: 'failed'; id: number; problem: string }
  | { type: 'grammar'; state: GrammarState; problem?: string };

/** The page's end: a Worker. */
export interface ChecksWorkerPort {
  postMessage(request: ChecksWorkerRequest): void;
  addEventListener(type: 'message', listener: (event: { data: ChecksWorkerReply }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
}

/** The worker's end: its global scope (`self`). */
export interface ChecksWorkerScope {
  postMessage(reply: ChecksWorkerReply): void;
  addEventListener(type: 'message', listener: (event: { data: ChecksWorkerRequest }) => void): void;
}
