// The checks worker: runs shared/checks (the same engine as the app and the command line) on each
// text. The dictionary loads first and checks wait for it; Harper's grammar loads once the first
// answer is out, and joins the answers from then on. Checks asked for before it is ready get
// spelling and our own grammar rules.
import { createBinaryModuleFromUrl } from 'harper.js';
import { createChecker, mergeFindings, type Checker, type CheckContext } from '../../../shared/checks/checker.ts';
import { loadHarperGrammar, type HarperGrammar } from '../../../shared/checks/grammar/harper.ts';
import { createWordFrequencies, type WordCount } from '../../../shared/checks/spelling/word-frequency.ts';
import type { CheckReply, WorkerReply, WorkerRequest } from '../../messages.ts';

// Set by the first message, which is always load-dictionary (see offscreen/worker-checker.ts).
let checker: Promise<Checker> | undefined;
let harper: HarperGrammar | undefined;
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
  } else {
    void checkText(request.text, request.context).then((reply) => self.postMessage({ type: 'checked', id: request.id, reply } satisfies WorkerReply));
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
  const url = harperWasmUrl;
  setTimeout(() => {
    loadHarperGrammar(createBinaryModuleFromUrl(url, 'slim')).then(
      (loaded) => (harper = loaded),
      (error: unknown) => console.warn('Margin: grammar checks could not start', error),
    );
  }, 200);
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load the dictionary (${response.status} for ${url})`);
  return response.text();
}

async function checkText(text: string, context?: CheckContext): Promise<CheckReply> {
  let ready: Checker;
  try {
    if (!checker) throw new Error('no dictionary was given');
    ready = await checker;
  } catch (error) {
    return { ok: false, problem: `The spelling checker could not start: ${error instanceof Error ? error.message : String(error)}` };
  }
  const fast = ready.check(text, context);
  startHarper();
  if (!harper) return { ok: true, findings: fast };
  try {
    return { ok: true, findings: mergeFindings(fast, await harper.check(text)) };
  } catch {
    return { ok: true, findings: fast };
  }
}
