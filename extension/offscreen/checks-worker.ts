// Starts the checks worker (entrypoints/offscreen/checks.worker.ts: the same engine, protocol and client as the
// app's) and gives back its client. The offscreen document starts it in Chromium; in Firefox, which has no
// offscreen documents, the background starts it itself (background/checker.ts).
import { createChecksWorkerClient, type ChecksWorkerClient } from '../../shared/checks/worker-client.ts';
import type { ChecksWorkerPort } from '../../shared/checks/worker-protocol.ts';

export function startChecksWorker(): ChecksWorkerClient {
  const worker = new Worker(new URL('../entrypoints/offscreen/checks.worker.ts', import.meta.url), {
    type: 'module',
    name: 'margin-checks',
  });
  const client = createChecksWorkerClient(worker as ChecksWorkerPort, {
    whenBroken: 'Reload the extension to restart it.',
  });
  client.onGrammarState((state, problem) => {
    if (state === 'unavailable') console.warn('Margin:', problem);
  });
  return client;
}
