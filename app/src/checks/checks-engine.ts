// The checks worker's engine, kept apart from the worker's messaging so it can be tested in Node:
// the dictionary first (spelling works as soon as it is in), then, when the page is quiet, the
// suggestion index and Harper. Checks asked for while Harper loads get the fast findings; when it
// is ready, the latest text of each field is checked again in full.
import { createChecker, mergeFindings, type Checker, type CheckerResources } from '../../../shared/checks/checker.ts';
import type { CheckContext } from '../../../shared/checks/context.ts';
import type { Finding } from '../../../shared/checks/finding.ts';
import type { HarperGrammar } from '../../../shared/checks/grammar/harper.ts';
import type { WordFrequencies } from '../../../shared/checks/spelling/word-frequency.ts';
import type { CheckReply, CheckRequest, GrammarState } from './protocol.ts';

export interface EngineLoaders {
  dictionary(): Promise<CheckerResources['dictionary']>;
  frequencies(): Promise<WordFrequencies>;
  harper(): Promise<HarperGrammar>;
  /** Runs work when the worker is idle (a timeout in the worker, immediate in tests). */
  later(work: () => void): void;
}

export function createChecksEngine(loaders: EngineLoaders, reply: (message: CheckReply) => void) {
  const checker: Promise<Checker> = loaders.dictionary().then((dictionary) => createChecker({ dictionary }));
  let harper: HarperGrammar | undefined;
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
      const ready = await checker;
      // Without word counts suggestions are still made, ranked by closeness alone.
      const frequencies = await loaders.frequencies().catch(() => undefined);
      if (frequencies) ready.spelling.useFrequencies(frequencies);
      ready.spelling.prepareSuggestions();
      try {
        harper = await loaders.harper();
        setGrammar('ready');
        for (const [key, entry] of latest) {
          if (latest.get(key) === entry) await checkWithHarper(entry.id, entry.text, entry.fast);
        }
      } catch (error) {
        setGrammar(
          'unavailable',
          `Grammar checks could not start: ${error instanceof Error ? error.message : String(error)}`,
        );
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
    async handle(request: CheckRequest): Promise<void> {
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
          case 'add-word': {
            return reply({ type: 'word-added', id: request.id, result: ready.spelling.personal.add(request.word) });
          }
          case 'set-words':
            ready.spelling.personal.replaceAll(request.words);
            return;
        }
      } catch (error) {
        if ('id' in request)
          reply({
            type: 'failed',
            id: request.id,
            problem: `Checks could not run: ${error instanceof Error ? error.message : String(error)}`,
          });
      }
    },
  };
}
