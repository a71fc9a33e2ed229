import { describe, expect, it } from 'vitest';
import type { CheckReply, WorkerReply, WorkerRequest } from '../messages.ts';
import { createWorkerChecker, type WorkerPort } from './worker-checker.ts';

/** Stands in for the spelling worker: records requests and lets the test answer them in any order. */
function fakeWorker() {
  const requests: WorkerRequest[] = [];
  const listeners: {
    message: ((event: { data: WorkerReply }) => void)[];
    error: ((event: { message?: string }) => void)[];
  } = { message: [], error: [] };
  const port = {
    postMessage: (request: WorkerRequest) => void requests.push(request),
    addEventListener: (type: 'message' | 'error', listener: never) => void listeners[type].push(listener),
  } as WorkerPort;
  return {
    port,
    requests,
    reply: (id: number, reply: CheckReply) =>
      listeners.message.forEach((listener) => listener({ data: { type: 'checked', id, reply } })),
    replySuggestions: (id: number, suggestions: string[]) =>
      listeners.message.forEach((listener) =>
        listener({ data: { type: 'suggested', id, reply: { ok: true, suggestions } } }),
      ),
    fail: (message: string) => listeners.error.forEach((listener) => listener({ message })),
  };
}

const urls = {
  affUrl: 'chrome-extension://id/dictionaries/en-GB/index.aff',
  dicUrl: 'chrome-extension://id/dictionaries/en-GB/index.dic',
};
const none: CheckReply = { ok: true, findings: [] };

describe('createWorkerChecker', () => {
  it('gives the worker the dictionary first, then each text with its own number', () => {
    const worker = fakeWorker();
    const checker = createWorkerChecker(worker.port, urls);
    void checker.check('one');
    void checker.check('two');
    expect(worker.requests).toEqual([
      { type: 'load-dictionary', ...urls },
      { type: 'check-text', id: 1, text: 'one' },
      { type: 'check-text', id: 2, text: 'two' },
    ]);
  });

  it('asks the worker for suggestions and gives the caller its own answer', async () => {
    const worker = fakeWorker();
    const checker = createWorkerChecker(worker.port, urls);
    const asked = checker.suggest('acheived');
    expect(worker.requests.at(-1)).toEqual({ type: 'suggest', id: 1, word: 'acheived' });
    worker.replySuggestions(1, ['achieved', 'archived']);
    await expect(asked).resolves.toEqual({ ok: true, suggestions: ['achieved', 'archived'] });
  });

  it('passes the personal words on to the worker', () => {
    const worker = fakeWorker();
    const checker = createWorkerChecker(worker.port, urls);
    checker.setPersonalWords(['Oluwaseun']);
    expect(worker.requests.at(-1)).toEqual({ type: 'set-personal-words', words: ['Oluwaseun'] });
  });

  it('gives each caller the answer to its own text, whatever order answers come in', async () => {
    const worker = fakeWorker();
    const checker = createWorkerChecker(worker.port, urls);
    const first = checker.check('one');
    const second = checker.check('two');
    const problem: CheckReply = { ok: false, problem: 'second' };
    worker.reply(2, problem);
    worker.reply(1, none);
    await expect(first).resolves.toEqual(none);
    await expect(second).resolves.toEqual(problem);
  });

  it('answers waiting and later callers with the problem when the worker fails', async () => {
    const worker = fakeWorker();
    const checker = createWorkerChecker(worker.port, urls);
    const waiting = checker.check('one');
    worker.fail('SyntaxError: bad chunk');
    const problem = { ok: false, problem: 'The checks worker stopped: SyntaxError: bad chunk' };
    await expect(waiting).resolves.toEqual(problem);
    await expect(checker.check('two')).resolves.toEqual(problem);
  });
});
