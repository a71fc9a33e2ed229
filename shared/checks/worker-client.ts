// The page's side of a checks worker, for the app's pages and the extension's offscreen document alike:
// sends each text with a number and hands the answers back to whoever asked. Nothing here checks
// anything; it only talks to the worker (worker-protocol.ts).
import type { CheckContext } from './context.ts';
import type { Finding } from './finding.ts';
import { fail, ok, type Result } from '../result.ts';
import type { AddWordResult } from './spelling/personal-dictionary.ts';
import {
  CHECKS_WORKER_PROTOCOL_VERSION,
  type ChecksWorkerPort,
  type ChecksWorkerRequest,
  type GrammarState,
} from './worker-protocol.ts';

export interface FindingsAnswer {
  findings: Finding[];
  /** False while Harper's grammar is still to come for this text. */
  complete: boolean;
}

/** The findings for a text, or why the checks cannot run (the worker stopped, or is of another version). */
export type Answer = Result<FindingsAnswer>;

export interface ChecksWorkerClient {
  /**
   * Checks a field's text; `answered` may be called twice (fast findings, then all of them). A newer
   * check of the same field (form and field of the context) replaces this one.
   */
  check(text: string, context: CheckContext, answered: (answer: Answer) => void): void;
  /**
   * Checks a text and answers once: with every finding once Harper is ready, with the fast findings
   * (complete: false) while it loads. Checks of the same field do not replace each other.
   */
  checkOnce(text: string, context?: CheckContext): Promise<Answer>;
  suggest(word: string): Promise<string[]>;
  addWord(word: string): Promise<AddWordResult>;
  setWords(words: string[]): void;
  grammarState(): GrammarState;
  onGrammarState(listener: (state: GrammarState, problem?: string) => void): () => void;
}

export interface ChecksWorkerClientOptions {
  /** What the user can do when the worker has stopped, e.g. "Reload the page to try again." */
  whenBroken: string;
}

export function createChecksWorkerClient(
  worker: ChecksWorkerPort,
  { whenBroken }: ChecksWorkerClientOptions,
): ChecksWorkerClient {
  let nextId = 1;
  let broken: string | undefined;
  let grammar: GrammarState = 'loading';
  const grammarListeners = new Set<(state: GrammarState, problem?: string) => void>();
  // `heard` once a first answer came: when Harper will not come, only those are as complete as they will be.
  const checks = new Map<number, { answered(answer: Answer): void; heard: boolean }>();
  // Only the newest check of a field is still wanted: an older one's full answer is dropped.
  const newestByField = new Map<string, number>();
  const requests = new Map<number, { resolve(value: unknown): void; reject(problem: Error): void }>();

  const stop = (reason: string) => {
    broken = `${reason} ${whenBroken}`;
    for (const { answered } of checks.values()) answered(fail(broken));
    checks.clear();
    for (const request of requests.values()) request.reject(new Error(broken));
    requests.clear();
  };

  worker.addEventListener('message', ({ data }) => {
    switch (data.type) {
      case 'hello':
        if (data.version !== CHECKS_WORKER_PROTOCOL_VERSION)
          stop(`The checks stopped working: the checker is from another version of Margin (${data.version}).`);
        return;
      case 'findings': {
        const check = checks.get(data.id);
        if (!check) return;
        check.heard = true;
        if (data.complete) checks.delete(data.id);
        check.answered(ok({ findings: data.findings, complete: data.complete }));
        return;
      }
      case 'suggestions':
        requests.get(data.id)?.resolve(data.suggestions);
        requests.delete(data.id);
        return;
      case 'word-added':
        requests.get(data.id)?.resolve(data.result);
        requests.delete(data.id);
        return;
      case 'failed':
        checks.get(data.id)?.answered(fail(data.problem));
        checks.delete(data.id);
        requests.get(data.id)?.reject(new Error(data.problem));
        requests.delete(data.id);
        return;
      case 'grammar':
        grammar = data.state;
        grammarListeners.forEach((listener) => listener(data.state, data.problem));
        if (data.state === 'unavailable') {
          for (const [id, check] of checks) if (check.heard) checks.delete(id);
        }
        return;
    }
  });
  // A worker that fails to load would leave every caller waiting for ever.
  worker.addEventListener('error', (event) =>
    stop(`The checks stopped working: ${event.message ?? 'the checker could not start'}.`),
  );

  const send = (text: string, context: CheckContext, answered: (answer: Answer) => void): number => {
    const id = nextId++;
    checks.set(id, { answered, heard: false });
    worker.postMessage({ type: 'check', id, text, context });
    return id;
  };

  const ask = <T>(build: (id: number) => ChecksWorkerRequest): Promise<T> => {
    if (broken) return Promise.reject(new Error(broken));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      requests.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage(build(id));
    });
  };

  return {
    check(text, context, answered) {
      if (broken) return answered(fail(broken));
      const field = `${context.form ?? ''}/${context.field ?? ''}`;
      checks.delete(newestByField.get(field) ?? 0);
      newestByField.set(field, send(text, context, answered));
    },
    checkOnce(text, context = {}) {
      if (broken) return Promise.resolve(fail(broken));
      return new Promise((resolve) => {
        const id = send(text, context, (answer) => {
          // Harper is ready, so the complete answer follows this one at once: wait for it.
          if (answer.ok && !answer.value.complete && grammar === 'ready') return;
          checks.delete(id);
          resolve(answer);
        });
      });
    },
    suggest: (word) => ask<string[]>((id) => ({ type: 'suggest', id, word })),
    addWord: (word) => ask<AddWordResult>((id) => ({ type: 'add-word', id, word })),
    setWords(words) {
      if (!broken) worker.postMessage({ type: 'set-words', words });
    },
    grammarState: () => grammar,
    onGrammarState(listener) {
      grammarListeners.add(listener);
      return () => grammarListeners.delete(listener);
    },
  };
}
