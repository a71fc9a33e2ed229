// The spelling worker: loads the British English dictionary once, then answers checks in order.
// Checks that arrive while the dictionary is loading wait for it.
import type { CheckReply, WorkerReply, WorkerRequest } from '../../messages.ts';
import { createSpellChecker, type SpellChecker } from '../../../shared/checks/spelling/spell-checker.ts';

// Set by the first message, which is always load-dictionary (see offscreen/worker-checker.ts).
let checker: Promise<SpellChecker> | undefined;

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'load-dictionary') {
    checker = loadChecker(request.affUrl, request.dicUrl);
  } else {
    void checkText(request.text).then((reply) => self.postMessage({ type: 'checked', id: request.id, reply } satisfies WorkerReply));
  }
});

async function loadChecker(affUrl: string, dicUrl: string): Promise<SpellChecker> {
  const [aff, dic] = await Promise.all([fetchText(affUrl), fetchText(dicUrl)]);
  return createSpellChecker({ aff, dic });
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load the dictionary (${response.status} for ${url})`);
  return response.text();
}

async function checkText(text: string): Promise<CheckReply> {
  try {
    if (!checker) throw new Error('no dictionary was given');
    return { ok: true, findings: (await checker).check(text) };
  } catch (error) {
    return { ok: false, problem: `The spelling checker could not start: ${error instanceof Error ? error.message : String(error)}` };
  }
}
