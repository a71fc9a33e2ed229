// The page's side of the checks worker: sends each field's text with a number and hands the answers
// back to whoever asked. Nothing here checks anything; it only talks to the worker.
import type { CheckContext } from '../../../shared/checks/context.ts';
import type { Finding } from '../../../shared/checks/finding.ts';
import type { AddWordResult } from '../../../shared/checks/spelling/personal-dictionary.ts';
import type { CheckReply, CheckRequest, GrammarState } from './protocol.ts';

/** The part of a Worker this needs, so tests can stand in for one. */
export interface WorkerPort {
  postMessage(request: CheckRequest): void;
  addEventListener(type: 'message', listener: (event: { data: CheckReply }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
}

export interface FindingsAnswer {
  findings: Finding[];
  /** False while Harper's grammar is still to come for this text. */
  complete: boolean;
}

export type Answer = ({ ok: true } & FindingsAnswer) | { ok: false; problem: string };

export interface ChecksClient {
  /** Checks a field's text; `answered` may be called twice (fast findings, then all of them). */
  check(text: string, context: CheckContext, answered: (answer: Answer) => void): void;
  suggest(word: string): Promise<string[]>;
  addWord(word: string): Promise<AddWordResult>;
  setWords(words: string[]): void;
  grammarState(): GrammarState;
  onGrammarState(listener: (state: GrammarState) => void): () => void;
}

export function createChecksClient(worker: WorkerPort): ChecksClient {
  let nextId = 1;
  let broken: string | undefined;
  let grammar: GrammarState = 'loading';
  const grammarListeners = new Set<(state: GrammarState) => void>();
  const checks = new Map<number, (answer: Answer) => void>();
  // Only the newest check of a field is still wanted: an older one's full answer is dropped.
  const newestByField = new Map<string, number>();
  const requests = new Map<number, { resolve(value: unknown): void; reject(problem: Error): void }>();

  worker.addEventListener('message', ({ data }) => {
    switch (data.type) {
      case 'findings':
        checks.get(data.id)?.({ ok: true, findings: data.findings, complete: data.complete });
        if (data.complete) checks.delete(data.id);
        return;
      case 'suggestions':
        requests.get(data.id)?.resolve(data.suggestions);
        requests.delete(data.id);
        return;
      case 'word-added':
        requests.get(data.id)?.resolve(data.result);
        requests.delete(data.id);
        return;
      case 'failed':
        checks.get(data.id)?.({ ok: false, problem: data.problem });
        checks.delete(data.id);
        requests.get(data.id)?.reject(new Error(data.problem));
        requests.delete(data.id);
        return;
      case 'grammar':
        grammar = data.state;
        grammarListeners.forEach((listener) => listener(data.state));
        // Harper will not come: answers already given are as complete as they will be.
        if (data.state === 'unavailable') checks.clear();
        return;
    }
  });
  // A worker that fails to load would leave every caller waiting for ever.
  worker.addEventListener('error', (event) => {
    broken = `The checks stopped working: ${event.message ?? 'the checker could not start'}. Reload the page to try again.`;
    for (const answered of checks.values()) answered({ ok: false, problem: broken });
    checks.clear();
    for (const request of requests.values()) request.reject(new Error(broken));
    requests.clear();
  });

  const ask = <T>(build: (id: number) => CheckRequest): Promise<T> => {
    if (broken) return Promise.reject(new Error(broken));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      requests.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage(build(id));
    });
  };

  return {
    check(text, context, answered) {
      if (broken) return answered({ ok: false, problem: broken });
      const id = nextId++;
      const field = `${context.form ?? ''}/${context.field ?? ''}`;
      checks.delete(newestByField.get(field) ?? 0);
      newestByField.set(field, id);
      checks.set(id, answered);
      worker.postMessage({ type: 'check', id, text, context });
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
