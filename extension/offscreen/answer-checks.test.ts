import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/checks/finding.ts';
import { createChecksWorkerClient } from '../../shared/checks/worker-client.ts';
import type { ChecksWorkerPort, ChecksWorkerReply, ChecksWorkerRequest } from '../../shared/checks/worker-protocol.ts';
import { answerChecks } from './answer-checks.ts';

/** The shared client over a stand-in worker that answers as the test says. */
function offscreen(answer: (request: ChecksWorkerRequest) => ChecksWorkerReply[]) {
  const requests: ChecksWorkerRequest[] = [];
  let listener: (event: { data: ChecksWorkerReply }) => void = () => {};
  const port = {
    postMessage(request: ChecksWorkerRequest) {
      requests.push(request);
      queueMicrotask(() => answer(request).forEach((reply) => listener({ data: reply })));
    },
    addEventListener(type: string, heard: never) {
      if (type === 'message') listener = heard;
    },
  } as ChecksWorkerPort;
  const client = createChecksWorkerClient(port, { whenBroken: 'Reload the extension to restart it.' });
  return { answer: answerChecks(client), requests, tell: (reply: ChecksWorkerReply) => listener({ data: reply }) };
}

const teh: Finding = {
  kind: 'spelling',
  rule: 'spelling/unknown-word',
  start: 0,
  end: 3,
  text: 'Teh',
  message: '…',
  suggestions: [],
};
const capitalI: Finding = { ...teh, kind: 'grammar', rule: 'grammar/harper/I', start: 4, end: 5, text: 'i' };

describe('answerChecks', () => {
  it('answers a check with the fast findings, marked partial, while Harper loads', async () => {
    const { answer, requests } = offscreen((request) =>
      request.type === 'check' ? [{ type: 'findings', id: request.id, findings: [teh], complete: false }] : [],
    );
    const context = { form: 'session-report', field: 'progressComment' };
    await expect(answer({ to: 'offscreen', type: 'check-text', text: 'Teh i', context })).resolves.toEqual({
      ok: true,
      value: { findings: [teh], partial: true },
    });
    expect(requests).toEqual([{ type: 'check', id: 1, text: 'Teh i', context }]);
  });

  it('answers with every finding, not partial, once Harper is ready', async () => {
    const { answer, tell } = offscreen((request) =>
      request.type === 'check'
        ? [
            { type: 'findings', id: request.id, findings: [teh], complete: false },
            { type: 'findings', id: request.id, findings: [teh, capitalI], complete: true },
          ]
        : [],
    );
    tell({ type: 'grammar', state: 'ready' });
    await expect(answer({ to: 'offscreen', type: 'check-text', text: 'Teh i' })).resolves.toEqual({
      ok: true,
      value: { findings: [teh, capitalI] },
    });
  });

  it('passes on suggestions, a failure in words, and the personal words', async () => {
    const { answer, requests } = offscreen((request) => {
      if (request.type !== 'suggest') return [];
      return request.word === 'acheived'
        ? [{ type: 'suggestions', id: request.id, suggestions: ['achieved', 'archived'] }]
        : [{ type: 'failed', id: request.id, problem: 'Checks could not run: no dictionary' }];
    });
    await expect(answer({ to: 'offscreen', type: 'suggest', word: 'acheived' })).resolves.toEqual({
      ok: true,
      value: ['achieved', 'archived'],
    });
    await expect(answer({ to: 'offscreen', type: 'suggest', word: 'x' })).resolves.toEqual({
      ok: false,
      problem: 'Checks could not run: no dictionary',
    });
    await expect(answer({ to: 'offscreen', type: 'set-personal-words', words: ['Kwabena'] })).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    expect(requests.at(-1)).toEqual({ type: 'set-words', words: ['Kwabena'] });
  });
});
