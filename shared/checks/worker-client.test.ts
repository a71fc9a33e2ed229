import { describe, expect, it } from 'vitest';
import { type Answer, createChecksWorkerClient } from './worker-client.ts';
import {
  CHECKS_WORKER_PROTOCOL_VERSION,
  type ChecksWorkerPort,
  type ChecksWorkerReply,
  type ChecksWorkerRequest,
} from './worker-protocol.ts';

/** Stands in for a checks worker: records requests and lets the test answer them in any order. */
function fakeWorker() {
  const requests: ChecksWorkerRequest[] = [];
  const listeners = {
    message: [] as ((event: { data: ChecksWorkerReply }) => void)[],
    error: [] as ((event: { message?: string }) => void)[],
  };
  const port = {
    postMessage: (request: ChecksWorkerRequest) => void requests.push(request),
    addEventListener: (type: 'message' | 'error', listener: never) => void listeners[type].push(listener),
  } as ChecksWorkerPort;
  return {
    port,
    requests,
    reply: (reply: ChecksWorkerReply) => listeners.message.forEach((listener) => listener({ data: reply })),
    fail: (message: string) => listeners.error.forEach((listener) => listener({ message })),
  };
}

const reloadPage = { whenBroken: 'Reload the page to try again.' };
const found = [
  {
    kind: 'spelling' as const,
    rule: 'spelling/unknown-word',
    start: 0,
    end: 3,
    text: 'Teh',
    message: '…',
    suggestions: [],
  },
];

describe('createChecksWorkerClient', () => {
  it('numbers each check and gives its answers (fast, then complete) to the caller', () => {
    const worker = fakeWorker();
    const client = createChecksWorkerClient(worker.port, reloadPage);
    const answers: Answer[] = [];
    client.check('Teh', { field: 'a' }, (answer) => answers.push(answer));
    expect(worker.requests).toEqual([{ type: 'check', id: 1, text: 'Teh', context: { field: 'a' } }]);
    worker.reply({ type: 'findings', id: 1, findings: [], complete: false });
    worker.reply({ type: 'findings', id: 1, findings: [], complete: true });
    worker.reply({ type: 'findings', id: 1, findings: [], complete: true });
    expect(answers).toEqual([
      { ok: true, value: { findings: [], complete: false } },
      { ok: true, value: { findings: [], complete: true } },
    ]);
  });

  it("drops an older check's late answer once the same field has been checked again", () => {
    const worker = fakeWorker();
    const client = createChecksWorkerClient(worker.port, reloadPage);
    const first: Answer[] = [];
    client.check('one', { field: 'a' }, (answer) => first.push(answer));
    client.check('two', { field: 'a' }, () => {});
    worker.reply({ type: 'findings', id: 1, findings: [], complete: true });
    expect(first).toEqual([]);
  });

  it('when Harper will not come, stops waiting for answered checks but still answers those not yet answered', () => {
    const worker = fakeWorker();
    const client = createChecksWorkerClient(worker.port, reloadPage);
    const answers: string[] = [];
    client.check('one', { field: 'a' }, (answer) => answers.push(`a:${answer.ok && answer.value.complete}`));
    client.check('two', { field: 'b' }, (answer) => answers.push(`b:${answer.ok && answer.value.complete}`));
    worker.reply({ type: 'findings', id: 1, findings: [], complete: false });
    worker.reply({ type: 'grammar', state: 'unavailable', problem: 'Grammar checks could not start: wasm' });
    worker.reply({ type: 'findings', id: 1, findings: [], complete: true });
    worker.reply({ type: 'findings', id: 2, findings: [], complete: true });
    expect(answers).toEqual(['a:false', 'b:true']);
  });

  it('checks once: the fast findings, marked incomplete, while Harper loads', async () => {
    const worker = fakeWorker();
    const client = createChecksWorkerClient(worker.port, reloadPage);
    const answer = client.checkOnce('Teh');
    expect(worker.requests).toEqual([{ type: 'check', id: 1, text: 'Teh', context: {} }]);
    worker.reply({ type: 'findings', id: 1, findings: found, complete: false });
    await expect(answer).resolves.toEqual({ ok: true, value: { findings: found, complete: false } });
  });

  it('checks once: every finding once Harper is ready, waiting past the fast answer', async () => {
    const worker = fakeWorker();
    const client = createChecksWorkerClient(worker.port, reloadPage);
    worker.reply({ type: 'grammar', state: 'ready' });
    const answer = client.checkOnce('Teh', { field: 'a' });
    worker.reply({ type: 'findings', id: 1, findings: [], complete: false });
    worker.reply({ type: 'findings', id: 1, findings: found, complete: true });
    await expect(answer).resolves.toEqual({ ok: true, value: { findings: found, complete: true } });
  });

  it('checks once for each caller, even for the same field, whatever order the answers come in', async () => {
    const worker = fakeWorker();
    const client = createChecksWorkerClient(worker.port, reloadPage);
    const first = client.checkOnce('one', { field: 'a' });
    const second = client.checkOnce('Teh', { field: 'a' });
    worker.reply({ type: 'failed', id: 2, problem: 'Checks could not run: no dictionary' });
    worker.reply({ type: 'findings', id: 1, findings: [], complete: true });
    await expect(first).resolves.toEqual({ ok: true, value: { findings: [], complete: true } });
    await expect(second).resolves.toEqual({ ok: false, problem: 'Checks could not run: no dictionary' });
  });

  it('passes the personal words on to the worker', () => {
    const worker = fakeWorker();
    createChecksWorkerClient(worker.port, reloadPage).setWords(['Oluwaseun']);
    expect(worker.requests).toEqual([{ type: 'set-words', words: ['Oluwaseun'] }]);
  });

  it('resolves suggestions and added words, and rejects with the problem when the worker fails', async () => {
    const worker = fakeWorker();
    const client = createChecksWorkerClient(worker.port, reloadPage);
    const suggestions = client.suggest('recieved');
    worker.reply({ type: 'suggestions', id: 1, suggestions: ['received'] });
    await expect(suggestions).resolves.toEqual(['received']);

    const waiting = client.addWord('Zainab');
    const answers: Answer[] = [];
    client.check('x', {}, (answer) => answers.push(answer));
    const once = client.checkOnce('y');
    worker.fail('SyntaxError: bad chunk');
    const problem = 'The checks stopped working: SyntaxError: bad chunk. Reload the page to try again.';
    await expect(waiting).rejects.toThrow(problem);
    expect(answers).toEqual([{ ok: false, problem }]);
    await expect(once).resolves.toEqual({ ok: false, problem });
    await expect(client.suggest('x')).rejects.toThrow('The checks stopped working');
    await expect(client.checkOnce('z')).resolves.toEqual({ ok: false, problem });
  });

  it('stops, saying so, when the worker speaks another version of the protocol', async () => {
    const worker = fakeWorker();
    const client = createChecksWorkerClient(worker.port, { whenBroken: 'Reload the extension to restart it.' });
    worker.reply({ type: 'hello', version: CHECKS_WORKER_PROTOCOL_VERSION });
    const waiting = client.checkOnce('x');
    worker.reply({ type: 'hello', version: CHECKS_WORKER_PROTOCOL_VERSION + 1 });
    await expect(waiting).resolves.toEqual({
      ok: false,
      problem: `The checks stopped working: the checker is from another version of Margin (${CHECKS_WORKER_PROTOCOL_VERSION + 1}). Reload the extension to restart it.`,
    });
  });

  it('tells listeners how Harper is doing', () => {
    const worker = fakeWorker();
    const client = createChecksWorkerClient(worker.port, reloadPage);
    const states: string[] = [];
    client.onGrammarState((state, problem) => states.push(problem ? `${state}: ${problem}` : state));
    expect(client.grammarState()).toBe('loading');
    worker.reply({ type: 'grammar', state: 'ready' });
    worker.reply({ type: 'grammar', state: 'unavailable', problem: 'wasm' });
    expect(states).toEqual(['ready', 'unavailable: wasm']);
    expect(client.grammarState()).toBe('unavailable');
  });
});
