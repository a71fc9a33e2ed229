import { describe, expect, it } from 'vitest';
import { createChecksEngine, serveChecksWorker, type EngineLoaders, type LoadedGrammar } from './checks-engine.ts';
import type { Finding } from './finding.ts';
import { loadBritishDictionary, loadWordFrequencies } from '../../scripts/load-dictionary.ts';
import { CHECKS_WORKER_PROTOCOL_VERSION, type ChecksWorkerReply, type ChecksWorkerRequest } from './worker-protocol.ts';

const dictionary = loadBritishDictionary();
const frequencies = loadWordFrequencies();

/** A stand-in for Harper that flags every "i" and can be told to fail. */
function fakeHarper(): LoadedGrammar {
  return {
    async check(text) {
      return [...text.matchAll(/\bi\b/g)].map(
        (match): Finding => ({
          kind: 'grammar',
          rule: 'grammar/harper/I',
          start: match.index!,
          end: match.index! + 1,
          text: 'i',
          message: 'Capital',
          suggestions: ['I'],
        }),
      );
    },
  };
}

function engineWith(harper: () => Promise<LoadedGrammar>) {
  const replies: ChecksWorkerReply[] = [];
  let warm: () => void = () => {};
  const loaders: EngineLoaders = {
    dictionary: async () => dictionary,
    frequencies: async () => frequencies,
    harper,
    later: (work) => (warm = work),
  };
  const engine = createChecksEngine(loaders, (reply) => replies.push(reply));
  return { engine, replies, warmUp: async () => (warm(), await new Promise((resolve) => setTimeout(resolve, 50))) };
}

describe('the checks engine', () => {
  it('answers a check at once with the fast findings, then with Harper’s once it has loaded', async () => {
    const { engine, replies, warmUp } = engineWith(async () => fakeHarper());
    await engine.handle({
      type: 'check',
      id: 1,
      text: 'Then i acheived it.',
      context: { form: 'session-report', field: 'progressComment' },
    });
    expect(replies).toMatchObject([{ type: 'findings', id: 1, complete: false, findings: [{ text: 'acheived' }] }]);

    await warmUp();
    expect(replies.slice(1)).toMatchObject([
      { type: 'grammar', state: 'ready' },
      { type: 'findings', id: 1, complete: true, findings: [{ text: 'i' }, { text: 'acheived' }] },
    ]);
    await engine.handle({ type: 'check', id: 2, text: 'i know.', context: {} });
    expect(
      replies.slice(3).map((reply) => reply.type === 'findings' && [reply.complete, reply.findings.length]),
    ).toEqual([
      [false, 0],
      [true, 1],
    ]);
  });

  it('says grammar is unavailable when Harper cannot start, and spelling carries on complete', async () => {
    const { engine, replies, warmUp } = engineWith(async () => {
      throw new Error('CompileError: wasm');
    });
    await engine.handle({ type: 'check', id: 1, text: 'Teh end.', context: {} });
    await warmUp();
    expect(replies[1]).toEqual({
      type: 'grammar',
      state: 'unavailable',
      problem: 'Grammar checks could not start: CompileError: wasm',
    });
    await engine.handle({ type: 'check', id: 2, text: 'Teh end.', context: {} });
    expect(replies[2]).toMatchObject({ type: 'findings', id: 2, complete: true, findings: [{ text: 'Teh' }] });
  });

  it('suggests, adds personal words (refusing what is not a word) and takes a list of words', async () => {
    const { engine, replies } = engineWith(async () => fakeHarper());
    await engine.handle({ type: 'suggest', id: 1, word: 'recieved' });
    expect(replies[0]).toMatchObject({ type: 'suggestions', id: 1, suggestions: expect.arrayContaining(['received']) });
    await engine.handle({ type: 'add-word', id: 2, word: 'two words' });
    expect(replies[1]).toMatchObject({ type: 'word-added', id: 2, result: { ok: false } });
    await engine.handle({ type: 'set-words', words: ['Oluwaseun'] });
    await engine.handle({ type: 'check', id: 3, text: 'Oluwaseun read.', context: {} });
    expect(replies[2]).toMatchObject({ type: 'findings', id: 3, findings: [] });
  });

  it('answers with the problem when the dictionary cannot load', async () => {
    const replies: ChecksWorkerReply[] = [];
    const engine = createChecksEngine(
      {
        dictionary: () => Promise.reject(new Error('no dictionary')),
        frequencies: async () => frequencies,
        harper: async () => fakeHarper(),
        later: () => {},
      },
      (reply) => replies.push(reply),
    );
    await engine.handle({ type: 'check', id: 7, text: 'x', context: {} });
    expect(replies).toEqual([{ type: 'failed', id: 7, problem: 'Checks could not run: no dictionary' }]);
  });

  it('says hello with the protocol version as a worker, then answers requests in the order they came', async () => {
    const replies: ChecksWorkerReply[] = [];
    let listener: (event: { data: ChecksWorkerRequest }) => void = () => {};
    serveChecksWorker(
      { postMessage: (reply) => void replies.push(reply), addEventListener: (_type, heard) => (listener = heard) },
      {
        dictionary: async () => dictionary,
        frequencies: async () => frequencies,
        harper: () => new Promise(() => {}),
        later: () => {},
      },
    );
    expect(replies).toEqual([{ type: 'hello', version: CHECKS_WORKER_PROTOCOL_VERSION }]);
    // The check comes after the words, so Oluwaseun is already a word when it runs.
    listener({ data: { type: 'set-words', words: ['Oluwaseun'] } });
    listener({ data: { type: 'check', id: 1, text: 'Oluwaseun acheived it.', context: {} } });
    await expect.poll(() => replies.length).toBe(2);
    expect(replies[1]).toMatchObject({ type: 'findings', id: 1, complete: false, findings: [{ text: 'acheived' }] });
  });
});
