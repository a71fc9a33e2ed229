// The extension's checks worker: the shared engine (shared/checks/checks-engine.ts), the same as the
// app's, with the dictionary, word counts and Harper's WebAssembly fetched from the extension's own
// files (copied in by wxt.config.ts). Harper runs in a worker of its own beneath this one
// (grammar.worker.ts), so its slow start never holds up spelling.
import { serveChecksWorker } from '../../../shared/checks/checks-engine.ts';
import { createWordFrequencies, type WordCount } from '../../../shared/checks/spelling/word-frequency.ts';
import type { ChecksWorkerScope } from '../../../shared/checks/worker-protocol.ts';
import { type GrammarWorkerPort, loadHarperInWorker } from '../../offscreen/harper-in-worker.ts';

// The worker has no chrome.* APIs, but it runs on the extension's origin, where these files are.
const file = (path: string) => new URL(path, self.location.origin).href;

async function fetchText(path: string): Promise<string> {
  const response = await fetch(file(path));
  if (!response.ok) throw new Error(`could not load the dictionary (${response.status} for ${path})`);
  return response.text();
}

serveChecksWorker(self as unknown as ChecksWorkerScope, {
  dictionary: async () => {
    const [aff, dic] = await Promise.all([
      fetchText('/dictionaries/en-GB/index.aff'),
      fetchText('/dictionaries/en-GB/index.dic'),
    ]);
    return { aff, dic };
  },
  frequencies: async () =>
    createWordFrequencies(JSON.parse(await fetchText('/dictionaries/en-GB/frequencies.json')) as WordCount[]),
  harper: () =>
    loadHarperInWorker(
      new Worker(new URL('./grammar.worker.ts', import.meta.url), {
        type: 'module',
        name: 'margin-grammar',
      }) as GrammarWorkerPort,
      file('/harper_wasm_slim_bg.wasm'),
    ),
  // The offscreen document (Firefox: the background) has no page to keep smooth: the slow set-up starts as soon
  // as the first answer is out.
  later: (work) => setTimeout(work, 0),
  pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
});
