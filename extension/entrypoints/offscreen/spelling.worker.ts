// The checks worker: runs shared/checks (the same engine as the app and the command line) on each
// text, and suggests corrections for a misspelt word. The dictionary loads first and checks wait for
// it. Harper's grammar starts in a worker of its own (grammar.worker.ts) once the first answer is out,
// and joins the answers once it is ready; until then answers have spelling and our own grammar rules,
// marked partial.
import { createChecker, mergeFindings, type Checker } from '../../../shared/checks/checker.ts';
import type { Finding } from '../../../shared/checks/finding.ts';
import { createWordFrequencies, type WordCount } from '../../../shared/checks/spelling/word-frequency.ts';
import type { CheckContext } from '../../../shared/checks/context.ts';
import type {
  CheckReply,
  GrammarReply,
  GrammarRequest,
  SuggestReply,
  WorkerReply,
  WorkerRequest,
} from '../../messages.ts';

// Set by the first message, which is always load-dictionary (see offscreen/worker-checker.ts).
let checker: Promise<Checker> | undefined;
let harper: { check(text: string): Promise<Finding[]> } | undefined;
let harperStarted = false;
let harperWasmUrl: string | undefined;

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'load-dictionary') {
    harperWasmUrl = request.harperWasmUrl;
    checker = loadChecker(request.affUrl, request.dicUrl);
    if (request.frequenciesUrl) void addFrequencies(request.frequenciesUrl);
  } else if (request.type === 'set-personal-words') {
    void checker?.then((ready) => ready.spelling.personal.replaceAll(request.words));
  } else if (request.type === 'suggest') {
    void suggest(request.word).then((reply) =>
      self.postMessage({ type: 'suggested', id: request.id, reply } satisfies WorkerReply),
    );
  } else {
    void checkText(request.text, request.context).then((reply) =>
      self.postMessage({ type: 'checked', id: request.id, reply } satisfies WorkerReply),
    );
  }
});

async function loadChecker(affUrl: string, dicUrl: string): Promise<Checker> {
  const [aff, dic] = await Promise.all([fetchText(affUrl), fetchText(dicUrl)]);
  return createChecker({ dictionary: { aff, dic } });
}

// Suggestions are ranked by closeness alone until the counts are in; without them they still work.
async function addFrequencies(url: string): Promise<void> {
  try {
    const counts = createWordFrequencies(JSON.parse(await fetchText(url)) as WordCount[]);
    (await checker!).spelling.useFrequencies(counts);
  } catch (error) {
    console.warn('Margin: suggestions are ranked without word counts', error);
  }
}

function startHarper(): void {
  if (harperStarted || !harperWasmUrl) return;
  harperStarted = true;
  const grammar = new Worker(new URL('./grammar.worker.ts', import.meta.url), {
    type: 'module',
    name: 'margin-grammar',
  });
  const waiting = new Map<number, (findings: Finding[]) => void>();
  let nextId = 1;
  const ask = (request: GrammarRequest) => grammar.postMessage(request);
  grammar.addEventListener('message', ({ data }: MessageEvent<GrammarReply>) => {
    if (data.type === 'ready') {
      harper = {
        check: (text) =>
          new Promise((resolve) => {
            const id = nextId++;
            waiting.set(id, resolve);
            ask({ type: 'check', id, text });
          }),
      };
    } else if (data.type === 'failed') {
      console.warn('Margin: grammar checks could not start', data.problem);
    } else {
      waiting.get(data.id)?.(data.findings);
      waiting.delete(data.id);
    }
  });
  // A grammar worker that dies takes Harper's findings with it, not the checks: answers go on without them.
  grammar.addEventListener('error', (event) => {
    console.warn('Margin: grammar checks stopped', event.message);
    harper = undefined;
    for (const resolve of waiting.values()) resolve([]);
    waiting.clear();
  });
  ask({ type: 'load', wasmUrl: harperWasmUrl });
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load the dictionary (${response.status} for ${url})`);
  return response.text();
}

async function readyChecker(): Promise<Checker | string> {
  try {
    if (!checker) throw new Error('no dictionary was given');
    return await checker;
  } catch (error) {
    return `The spelling checker could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
}

async function checkText(text: string, context?: CheckContext): Promise<CheckReply> {
  const ready = await readyChecker();
  if (typeof ready === 'string') return { ok: false, problem: ready };
  const fast = ready.check(text, context);
  startHarper();
  if (!harper) return { ok: true, findings: fast, partial: true };
  try {
    return { ok: true, findings: mergeFindings(fast, await harper.check(text)) };
  } catch {
    return { ok: true, findings: fast };
  }
}

async function suggest(word: string): Promise<SuggestReply> {
  const ready = await readyChecker();
  if (typeof ready === 'string') return { ok: false, problem: ready };
  return { ok: true, suggestions: ready.suggest(word, 5) };
}
