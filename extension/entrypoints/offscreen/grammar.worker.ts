// Harper's grammar in a worker of its own, started by the checks worker (checks.worker.ts), so
// that its slow start (compiling 16 MB of WebAssembly, building its dictionary: one to several
// seconds on a busy machine) never holds up spelling. Says "ready" once it can check, then answers
// each text with Harper's findings.
import { createBinaryModuleFromUrl } from 'harper.js';
import { loadHarperGrammar, type HarperGrammar } from '../../../shared/checks/grammar/harper.ts';
import type { GrammarReply, GrammarRequest } from '../../messages.ts';

let harper: Promise<HarperGrammar> | undefined;
const reply = (message: GrammarReply) => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<GrammarRequest>) => {
  const request = event.data;
  if (request.type === 'load') {
    harper = loadHarperGrammar(createBinaryModuleFromUrl(request.wasmUrl, 'slim'));
    harper.then(
      () => reply({ type: 'ready' }),
      (error: unknown) => reply({ type: 'failed', problem: error instanceof Error ? error.message : String(error) }),
    );
    return;
  }
  void harper
    ?.then((ready) => ready.check(request.text))
    .then(
      (findings) => reply({ type: 'checked', id: request.id, findings }),
      () => reply({ type: 'checked', id: request.id, findings: [] }),
    );
});
