// Harper's grammar for the checks engine, running in a worker of its own (grammar.worker.ts) so its slow
// start (compiling 16 MB of WebAssembly, building its dictionary: one to several seconds on a busy
// machine) never holds up spelling in the checks worker. Resolves once Harper can check; a grammar
// worker that dies later takes Harper's findings with it, not the checks.
import type { LoadedGrammar } from '../../shared/checks/checks-engine.ts';
import type { Finding } from '../../shared/checks/finding.ts';
import type { GrammarReply, GrammarRequest } from '../messages.ts';

/** The part of a Worker this needs, so tests can stand in for one. */
export interface GrammarWorkerPort {
  postMessage(request: GrammarRequest): void;
  addEventListener(type: 'message', listener: (event: { data: GrammarReply }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
}

export function loadHarperInWorker(worker: GrammarWorkerPort, wasmUrl: string): Promise<LoadedGrammar> {
  const waiting = new Map<number, { resolve(findings: Finding[]): void; reject(problem: Error): void }>();
  let nextId = 1;
  let stopped: string | undefined;

  return new Promise((resolve, reject) => {
    const grammar: LoadedGrammar = {
      check: (text) =>
        stopped
          ? Promise.reject(new Error(stopped))
          : new Promise((found, failed) => {
              const id = nextId++;
              waiting.set(id, { resolve: found, reject: failed });
              worker.postMessage({ type: 'check', id, text });
            }),
    };
    worker.addEventListener('message', ({ data }) => {
      if (data.type === 'ready') resolve(grammar);
      else if (data.type === 'failed') reject(new Error(data.problem));
      else {
        waiting.get(data.id)?.resolve(data.findings);
        waiting.delete(data.id);
      }
    });
    worker.addEventListener('error', (event) => {
      stopped = `the grammar checker stopped: ${event.message ?? 'unknown error'}`;
      reject(new Error(stopped));
      for (const check of waiting.values()) check.reject(new Error(stopped));
      waiting.clear();
    });
    worker.postMessage({ type: 'load', wasmUrl });
  });
}
