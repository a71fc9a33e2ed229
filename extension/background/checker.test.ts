import '../testing/fake-browser-global.ts';
import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../shared/checks/finding.ts';
import { createChecksWorkerClient } from '../../shared/checks/worker-client.ts';
import type { ChecksWorkerPort, ChecksWorkerReply, ChecksWorkerRequest } from '../../shared/checks/worker-protocol.ts';
import { currentRuleSettings } from '../settings/settings.ts';
import { type Checker, checkerInBackground, chooseChecker, noPlaceForChecker } from './checker.ts';
import { routeRequest, type BackgroundParts } from './route-request.ts';

const acheived: Finding = {
  kind: 'spelling',
  rule: 'spelling/unknown-word',
  start: 4,
  end: 12,
  text: 'acheived',
  message: '…',
  suggestions: [],
};

/** A stand-in checks worker: records what it is sent and flags "acheived" unless it was handed that word. */
function standInWorker() {
  const requests: ChecksWorkerRequest[] = [];
  let words: string[] = [];
  let listener: (event: { data: ChecksWorkerReply }) => void = () => {};
  const port = {
    postMessage(request: ChecksWorkerRequest) {
      requests.push(request);
      if (request.type === 'set-words') words = request.words;
      if (request.type !== 'check') return;
      const findings = request.text.includes('acheived') && !words.includes('acheived') ? [acheived] : [];
      queueMicrotask(() => listener({ data: { type: 'findings', id: request.id, findings, complete: true } }));
    },
    addEventListener(type: string, heard: never) {
      if (type === 'message') listener = heard;
    },
  } as ChecksWorkerPort;
  return { requests, start: () => createChecksWorkerClient(port, { whenBroken: 'Reload the extension.' }) };
}

const ways = () => {
  const inOffscreenDocument = { start: vi.fn(async () => {}), send: vi.fn(async () => undefined) };
  const inBackground = { start: vi.fn(async () => {}), send: vi.fn(async () => undefined) };
  return {
    inOffscreenDocument,
    inBackground,
    ways: { inOffscreenDocument: () => inOffscreenDocument as Checker, inBackground: () => inBackground as Checker },
  };
};

function parts(checker: Checker): BackgroundParts {
  return {
    checker,
    settings: currentRuleSettings,
    words: {
      replaceAppWords: async () => {},
      addOwnWord: async () => ({ ok: true, value: '' }),
      handOver: async () => {},
    },
  };
}

describe('chooseChecker', () => {
  it('runs the checker in an offscreen document where the browser has chrome.offscreen (Chromium)', async () => {
    const { ways: both, inOffscreenDocument } = ways();
    const checker = chooseChecker({ offscreen: { createDocument: async () => {} }, Worker: undefined }, both);
    expect(checker).toBe(inOffscreenDocument);
  });

  it('runs it in a worker of the background where there is no chrome.offscreen but a Worker (Firefox)', async () => {
    const { ways: both, inBackground } = ways();
    expect(chooseChecker({ offscreen: undefined, Worker: class {} }, both)).toBe(inBackground);
    // An offscreen object without createDocument is not the API (a polyfill or a stub): the background's worker it is.
    expect(chooseChecker({ offscreen: {}, Worker: class {} }, both)).toBe(inBackground);
  });

  it('says in words why checks cannot run where the browser offers neither', async () => {
    const { ways: both, inOffscreenDocument, inBackground } = ways();
    const checker = chooseChecker({}, both);
    expect(checker).not.toBe(inOffscreenDocument);
    expect(checker).not.toBe(inBackground);
    await expect(routeRequest({ to: 'background', type: 'check-text', text: 'x' }, parts(checker))).resolves.toEqual({
      ok: false,
      problem: `The checker could not start: ${noPlaceForChecker}`,
    });
  });
});

describe('checkerInBackground', () => {
  it('starts one worker for starts that overlap, hands it the words, then answers checks through it', async () => {
    const worker = standInWorker();
    const startWorker = vi.fn(worker.start);
    const checker: Checker = checkerInBackground(startWorker, async () => {
      await checker.send({ to: 'offscreen', type: 'set-personal-words', words: ['Kwabena'] });
    });
    await Promise.all([checker.start(), checker.start()]);
    await checker.start();
    expect(startWorker).toHaveBeenCalledTimes(1);
    expect(worker.requests).toEqual([{ type: 'set-words', words: ['Kwabena'] }]);

    const context = { form: 'session-report', field: 'progressComment' };
    await expect(
      routeRequest({ to: 'background', type: 'check-text', text: 'She acheived it', context }, parts(checker)),
    ).resolves.toEqual({ ok: true, value: { findings: [acheived] } });
    expect(worker.requests.at(-1)).toEqual({ type: 'check', id: 1, text: 'She acheived it', context });
  });

  it('answers nothing before it has started, so the page hears the checker did not answer', async () => {
    const worker = standInWorker();
    const checker = checkerInBackground(worker.start, async () => {});
    await expect(checker.send({ to: 'offscreen', type: 'suggest', word: 'x' })).resolves.toBeUndefined();
    expect(worker.requests).toEqual([]);
  });

  it('tries again on the next start when the worker could not start, and says why meanwhile', async () => {
    const worker = standInWorker();
    const startWorker = vi
      .fn<() => ReturnType<typeof worker.start>>()
      .mockImplementationOnce(() => {
        throw new Error('Worker scripts are blocked');
      })
      .mockImplementation(worker.start);
    const checker = checkerInBackground(startWorker, async () => {});
    await expect(routeRequest({ to: 'background', type: 'check-text', text: 'x' }, parts(checker))).resolves.toEqual({
      ok: false,
      problem: 'The checker could not start: Worker scripts are blocked',
    });
    await expect(
      routeRequest({ to: 'background', type: 'check-text', text: 'She acheived it' }, parts(checker)),
    ).resolves.toMatchObject({ ok: true, value: { findings: [{ text: 'acheived' }] } });
    expect(startWorker).toHaveBeenCalledTimes(2);
  });

  it('hands the words over again on the next start if that failed, without a second worker', async () => {
    const worker = standInWorker();
    const startWorker = vi.fn(worker.start);
    let handOvers = 0;
    const checker: Checker = checkerInBackground(startWorker, async () => {
      handOvers += 1;
      if (handOvers === 1) throw new Error('storage is not ready');
      await checker.send({ to: 'offscreen', type: 'set-personal-words', words: ['acheived'] });
    });
    await expect(checker.start()).rejects.toThrow('storage is not ready');
    await checker.start();
    expect(startWorker).toHaveBeenCalledTimes(1);
    await expect(checker.send({ to: 'offscreen', type: 'check-text', text: 'She acheived it' })).resolves.toEqual({
      ok: true,
      value: { findings: [] },
    });
  });
});
