// The offscreen document: starts the spelling worker and answers the checks the background passes on.
// The worker has no chrome.* APIs, so it is given the dictionary's URLs.
import { browser } from 'wxt/browser';
import { answerMessagesTo } from '../../messages.ts';
import { createWorkerChecker, type WorkerPort } from '../../offscreen/worker-checker.ts';

const worker = new Worker(new URL('./spelling.worker.ts', import.meta.url), { type: 'module', name: 'margin-spelling' });
const checker = createWorkerChecker(worker as WorkerPort, {
  affUrl: browser.runtime.getURL('/dictionaries/en-GB/index.aff'),
  dicUrl: browser.runtime.getURL('/dictionaries/en-GB/index.dic'),
  frequenciesUrl: browser.runtime.getURL('/dictionaries/en-GB/frequencies.json'),
  harperWasmUrl: browser.runtime.getURL('/harper_wasm_slim_bg.wasm'),
});

browser.runtime.onMessage.addListener(answerMessagesTo('offscreen', (request) => checker.check(request.text, request.context)));
