import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/checks/finding.ts';
import type { GrammarReply, GrammarRequest } from '../messages.ts';
import { type GrammarWorkerPort, loadHarperInWorker } from './harper-in-worker.ts';

/** Stands in for the grammar worker: records requests and lets the test answer them. */
function fakeGrammarWorker() {
  const requests: GrammarRequest[] = [];
  const listeners = {
    message: [] as ((event: { data: GrammarReply }) => void)[],
    error: [] as ((event: { message?: string }) => void)[],
  };
  const port = {
    postMessage: (request: GrammarRequest) => void requests.push(request),
    addEventListener: (type: 'message' | 'error', listener: never) => void listeners[type].push(listener),
  } as GrammarWorkerPort;
  return {
    port,
    requests,
    reply: (reply: GrammarReply) => listeners.message.forEach((listener) => listener({ data: reply })),
    fail: (message: string) => listeners.error.forEach((listener) => listener({ message })),
  };
}

const capitalI: Finding = {
  kind: 'grammar',
  rule: 'grammar/harper/CapitalizePersonalPronouns',
  start: 5,
  end: 6,
  text: 'i',
  message: 'Use a capital letter: "I".',
  suggestions: ['I'],
};

describe('loadHarperInWorker', () => {
  it('loads Harper from the given WebAssembly, then gives each text its own findings', async () => {
    const worker = fakeGrammarWorker();
    const loading = loadHarperInWorker(worker.port, 'chrome-extension://id/harper_wasm_slim_bg.wasm');
    expect(worker.requests).toEqual([{ type: 'load', wasmUrl: 'chrome-extension://id/harper_wasm_slim_bg.wasm' }]);
    worker.reply({ type: 'ready' });
    const harper = await loading;
    const first = harper.check('Then i read.');
    const second = harper.check('Fine.');
    expect(worker.requests.slice(1)).toEqual([
      { type: 'check', id: 1, text: 'Then i read.' },
      { type: 'check', id: 2, text: 'Fine.' },
    ]);
    worker.reply({ type: 'checked', id: 2, findings: [] });
    worker.reply({ type: 'checked', id: 1, findings: [capitalI] });
    await expect(first).resolves.toEqual([capitalI]);
    await expect(second).resolves.toEqual([]);
  });

  it('fails to load with Harper’s reason', async () => {
    const worker = fakeGrammarWorker();
    const loading = loadHarperInWorker(worker.port, 'x.wasm');
    worker.reply({ type: 'failed', problem: 'CompileError: wasm' });
    await expect(loading).rejects.toThrow('CompileError: wasm');
  });

  it('fails waiting and later checks once the worker has died, so answers go on without Harper', async () => {
    const worker = fakeGrammarWorker();
    const loading = loadHarperInWorker(worker.port, 'x.wasm');
    worker.reply({ type: 'ready' });
    const harper = await loading;
    const waiting = harper.check('Then i read.');
    worker.fail('out of memory');
    await expect(waiting).rejects.toThrow('the grammar checker stopped: out of memory');
    await expect(harper.check('again')).rejects.toThrow('the grammar checker stopped: out of memory');
  });
});
