// The offscreen document's side of its checks worker: sends each text (or word to suggest for) with
// a number and matches the worker's answers back to the callers waiting for them.
import type { CheckContext } from '../../shared/checks/context.ts';
import type { CheckReply, SuggestReply, WorkerReply, WorkerRequest } from '../messages.ts';

/** The part of a Worker this needs, so tests can stand in for one. */
export interface WorkerPort {
  postMessage(request: WorkerRequest): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerReply }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
}

export interface DictionaryUrls {
  affUrl: string;
  dicUrl: string;
  /** Word counts that rank suggestions; Harper's WebAssembly for grammar. Both optional. */
  frequenciesUrl?: string;
  harperWasmUrl?: string;
}

export function createWorkerChecker(worker: WorkerPort, dictionary: DictionaryUrls) {
  const waiting = new Map<number, (reply: CheckReply | SuggestReply) => void>();
  let nextId = 1;
  let broken: string | undefined;

  worker.addEventListener('message', ({ data }) => {
    waiting.get(data.id)?.(data.reply);
    waiting.delete(data.id);
  });
  // A worker that fails to load or throws outside a check would leave its callers waiting for ever.
  worker.addEventListener('error', (event) => {
    broken = `The checks worker stopped: ${event.message ?? 'unknown error'}`;
    for (const resolve of waiting.values()) resolve({ ok: false, problem: broken });
    waiting.clear();
  });
  worker.postMessage({ type: 'load-dictionary', ...dictionary });

  const ask = <R extends CheckReply | SuggestReply>(request: (id: number) => WorkerRequest): Promise<R> => {
    if (broken) return Promise.resolve({ ok: false, problem: broken } as R);
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, resolve as (reply: CheckReply | SuggestReply) => void);
      worker.postMessage(request(id));
    });
  };

  return {
    /** The user's own words (names): the whole list, replacing the one before. */
    setPersonalWords(words: string[]): void {
      if (!broken) worker.postMessage({ type: 'set-personal-words', words });
    },
    check: (text: string, context?: CheckContext) =>
      ask<CheckReply>((id) => ({ type: 'check-text', id, text, context })),
    suggest: (word: string) => ask<SuggestReply>((id) => ({ type: 'suggest', id, word })),
  };
}
