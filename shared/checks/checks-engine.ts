// The engine inside every checks worker, the app's and the extension's: the dictionary first (spelling
// works as soon as it is in), then, when the worker is quiet, the suggestion index and Harper. Checks
// asked for while Harper loads get the fast findings; when it is ready, the latest text of each field
// is checked again in full. Each side only says where its files come from (EngineLoaders); the
// messages are worker-protocol.ts's.
import { createChecker, mergeFindings, type Checker, type CheckerResources } from './checker.ts';
import type { CheckContext } from './context.ts';
import type { Finding } from './finding.ts';
import type { WordFrequencies } from './spelling/word-frequency.ts';
import {
  CHECKS_WORKER_PROTOCOL_VERSION,
  type ChecksWorkerReply,
  type ChecksWorkerRequest,
  type ChecksWorkerScope,
  type GrammarState,
} from './worker-protocol.ts';

/** Harper's grammar, loaded in the worker itself (the app) or in a worker of its own (the extension). */
export interface LoadedGrammar {
  check(text: string): Promise<Finding[]>;
}

export interface EngineLoaders {
  dictionary(): Promise<CheckerResources['dictionary']>;
  frequencies(): Promise<WordFrequencies>;
  harper(): Promise<LoadedGrammar>;
  /** Runs work when the worker is idle (a timeout in a worker, immediate in tests). */
  later(work: () => void): void;
  /**
   * Lets waiting messages in between the steps of slow set-up (a zero timeout in a worker), so checks are answered
   * while the suggestion index is built; without it the index is built in one go.
   */
  pause?(): Promise<void>;
}

export type ChecksEngine = ReturnType<typeof createChecksEngine>;

export function createChecksEngine(loaders: EngineLoaders, reply: (message: ChecksWorkerReply) => void) {
  const checker: Promise<Checker> = loaders.dictionary().then((dictionary) => createChecker({ dictionary }));
  let harper: LoadedGrammar | undefined;
  let grammarState: GrammarState = 'loading';
  // The latest check of each field, so Harper can check them all again once it has loaded.
  const latest = new Map<string, { id: number; text: string; context: CheckContext; fast: Finding[] }>();
  let warming: Promise<void> | undefined;

  const setGrammar = (state: GrammarState, problem?: string) => {
    grammarState = state;
    reply({ type: 'grammar', state, problem });
  };

  // Everything slow, started once the first check has been answered, so it never delays it.
  const warmUp = () =>
    (warming ??= new Promise<void>((resolve) => loaders.later(resolve)).then(async () => {
      // Harper first: where it loads in a worker of its own, it starts while the suggestions are prepared here.
      const loading = loaders.harper();
      loading.catch(() => {});
      const ready = await checker;
      // Without word counts suggestions are still made, ranked by closeness alone.
      const frequencies = await loaders.frequencies().catch(() => undefined);
      if (frequencies) ready.spelling.useFrequencies(frequencies);
      if (loaders.pause) await ready.spelling.prepareSuggestionsInSteps(loaders.pause);
      else ready.spelling.prepareSuggestions();
      try {
        harper = await loading;
        setGrammar('ready');
        for (const [key, entry] of latest) {
          if (latest.get(key) === entry) await checkWithHarper(entry.id, entry.text, entry.fast);
        }
      } catch (error) {
        setGrammar('unavailable', `Grammar checks could not start: ${reasonOf(error)}`);
      }
    }));

  async function checkWithHarper(id: number, text: string, fast: Finding[]) {
    try {
      reply({ type: 'findings', id, findings: mergeFindings(fast, await harper!.check(text)), complete: true });
    } catch {
      reply({ type: 'findings', id, findings: fast, complete: true });
    }
  }

  return {
    async handle(request: ChecksWorkerRequest): Promise<void> {
      try {
        const ready = await checker;
        switch (request.type) {
          case 'check': {
            const fast = ready.check(request.text, request.context);
            const key = `${request.context.form ?? ''}/${request.context.field ?? ''}`;
            latest.set(key, { id: request.id, text: request.text, context: request.context, fast });
            reply({ type: 'findings', id: request.id, findings: fast, complete: grammarState === 'unavailable' });
            if (harper) await checkWithHarper(request.id, request.text, fast);
            else void warmUp();
            return;
          }
          case 'suggest':
            return reply({ type: 'suggestions', id: request.id, suggestions: ready.suggest(request.word, 5) });
          case 'add-word':
            return reply({ type: 'word-added', id: request.id, result: ready.spelling.personal.add(request.word) });
          case 'set-words':
            ready.spelling.personal.replaceAll(request.words);
            return;
        }
      } catch (error) {
        if ('id' in request)
          reply({ type: 'failed', id: request.id, problem: `Checks could not run: ${reasonOf(error)}` });
      }
    },
  };
}

/**
 * Runs the engine in a worker: says hello with the protocol's version, then answers each request in
 * turn, so a check never overtakes the personal words sent before it.
 */
export function serveChecksWorker(scope: ChecksWorkerScope, loaders: EngineLoaders): ChecksEngine {
  const engine = createChecksEngine(loaders, (reply) => scope.postMessage(reply));
  let queue = Promise.resolve();
  scope.addEventListener('message', ({ data }) => {
    queue = queue.then(() => engine.handle(data));
  });
  scope.postMessage({ type: 'hello', version: CHECKS_WORKER_PROTOCOL_VERSION });
  return engine;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
