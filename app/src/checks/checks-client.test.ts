import { describe, expect, it } from 'vitest';
import type { Answer, WorkerPort } from './checks-client.ts';
import { createChecksClient } from './checks-client.ts';
import type { CheckReply, CheckRequest } from './protocol.ts';

function fakeWorker() {
  const requests: CheckRequest[] = [];
  const listeners = {
    message: [] as ((event: { data: CheckReply }) => void)[],
    error: [] as ((event: { message?: string }) => void)[],
  };
  const port = {
    postMessage: (request: CheckRequest) => void requests.push(request),
    addEventListener: (type: 'message' | 'error', listener: never) => void listeners[type].push(listener),
  } as WorkerPort;
  return {
    port,
    requests,
    reply: (reply: CheckReply) => listeners.message.forEach((listener) => listener({ data: reply })),
    fail: (message: string) => listeners.error.forEach((listener) => listener({ message })),
  };
}

describe('createChecksClient', () => {
  it('numbers each check and gives its answers (fast, then complete) to the caller', () => {
    const worker = fakeWorker();
    const client = createChecksClient(worker.port);
    const answers: Answer[] = [];
    client.check('Teh', { field: 'a' }, (answer) => answers.push(answer));
    expect(worker.requests).toEqual([{ type: 'check', id: 1, text: 'Teh', context: { field: 'a' } }]);
    worker.reply({ type: 'findings', id: 1, findings: [], complete: false });
    worker.reply({ type: 'findings', id: 1, findings: [], complete: true });
    worker.reply({ type: 'findings', id: 1, findings: [], complete: true });
    expect(answers).toEqual([
      { ok: true, findings: [], complete: false },
      { ok: true, findings: [], complete: true },
    ]);
  });

  it("drops an older check's late answer once the same field has been checked again", () => {
    const worker = fakeWorker();
    const client = createChecksClient(worker.port);
    const first: Answer[] = [];
    client.check('one', { field: 'a' }, (answer) => first.push(answer));
    client.check('two', { field: 'a' }, () => {});
    worker.reply({ type: 'findings', id: 1, findings: [], complete: true });
    expect(first).toEqual([]);
  });

  it('resolves suggestions and added words, and rejects with the problem when the worker fails', async () => {
    const worker = fakeWorker();
    const client = createChecksClient(worker.port);
    const suggestions = client.suggest('recieved');
    worker.reply({ type: 'suggestions', id: 1, suggestions: ['received'] });
    await expect(suggestions).resolves.toEqual(['received']);

    const waiting = client.addWord('Zainab');
    const answers: Answer[] = [];
    client.check('x', {}, (answer) => answers.push(answer));
    worker.fail('SyntaxError: bad chunk');
    await expect(waiting).rejects.toThrow(
      'The checks stopped working: SyntaxError: bad chunk. Reload the page to try again.',
    );
    expect(answers).toEqual([
      { ok: false, problem: 'The checks stopped working: SyntaxError: bad chunk. Reload the page to try again.' },
    ]);
    await expect(client.suggest('x')).rejects.toThrow('The checks stopped working');
  });

  it('tells listeners how Harper is doing', () => {
    const worker = fakeWorker();
    const client = createChecksClient(worker.port);
    const states: string[] = [];
    client.onGrammarState((state) => states.push(state));
    expect(client.grammarState()).toBe('loading');
    worker.reply({ type: 'grammar', state: 'ready' });
    expect(states).toEqual(['ready']);
    expect(client.grammarState()).toBe('ready');
  });
});
