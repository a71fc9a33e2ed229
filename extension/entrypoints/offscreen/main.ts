// The offscreen document: starts the checks worker (the same engine, protocol and client as the app's)
// and answers the checks, suggestions and personal words the background passes on.
import { browser } from 'wxt/browser';
import { createChecksWorkerClient } from '../../../shared/checks/worker-client.ts';
import type { ChecksWorkerPort } from '../../../shared/checks/worker-protocol.ts';
import { answerMessagesTo } from '../../messages.ts';
import { answerChecks } from '../../offscreen/answer-checks.ts';

const worker = new Worker(new URL('./checks.worker.ts', import.meta.url), { type: 'module', name: 'margin-checks' });
const client = createChecksWorkerClient(worker as ChecksWorkerPort, {
  whenBroken: 'Reload the extension to restart it.',
});
client.onGrammarState((state, problem) => {
  if (state === 'unavailable') console.warn('Margin:', problem);
});

browser.runtime.onMessage.addListener(answerMessagesTo('offscreen', answerChecks(client)));
