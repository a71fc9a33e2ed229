// The offscreen document: starts the checks worker and answers the checks, suggestions and personal
// words the background passes on. The worker has no chrome.* APIs, so it is given the files' URLs.
import { browser } from 'wxt/browser';
import { answerMessagesTo, type MessageTo, type ReplyTo } from '../../messages.ts';
import { createWorkerChecker, type WorkerPort } from '../../offscreen/worker-checker.ts';

const worker = new Worker(new URL('./spelling.worker.ts', import.meta.url), {
  type: 'module',
  name: 'margin-spelling',
});
const checker = createWorkerChecker(worker as WorkerPort, {
  affUrl: browser.runtime.getURL('/dictionaries/en-GB/index.aff'),
  dicUrl: browser.runtime.getURL('/dictionaries/en-GB/index.dic'),
  frequenciesUrl: browser.runtime.getURL('/dictionaries/en-GB/frequencies.json'),
  harperWasmUrl: browser.runtime.getURL('/harper_wasm_slim_bg.wasm'),
});

async function answer(request: MessageTo<'offscreen'>): Promise<ReplyTo<MessageTo<'offscreen'>>> {
  switch (request.type) {
    case 'check-text':
      return checker.check(request.text, request.context);
    case 'suggest':
      return checker.suggest(request.word);
    case 'set-personal-words':
      checker.setPersonalWords(request.words);
      return { ok: true };
  }
}

browser.runtime.onMessage.addListener(answerMessagesTo('offscreen', answer));
