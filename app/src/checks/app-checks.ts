// The app's checks, started on first use: one worker for every field of every report on the page,
// the personal dictionary kept in sync between the worker, this device's database, other tabs and
// the Margin extension, words ignored for the rest of this visit, and dismissed prompts per report.
import type { AddWordResult } from '../../../shared/checks/spelling/personal-dictionary.ts';
import { createChecksWorkerClient, type ChecksWorkerClient } from '../../../shared/checks/worker-client.ts';
import type { ChecksWorkerPort } from '../../../shared/checks/worker-protocol.ts';
import { createChecksStore, type ChecksStore } from './checks-store.ts';
import { handPersonalWordsToExtension } from './extension-handover.ts';

export interface AppChecks {
  client: ChecksWorkerClient;
  /** Adds a word to the personal dictionary here, in other tabs and in the extension. */
  addWord(word: string): Promise<AddWordResult>;
  /** Stops flagging something (a word, a grammar finding) for the rest of this visit. */
  ignore(key: string): void;
  isIgnored(key: string): boolean;
  /** Called when the words that count as correct change, so fields check again. */
  onWordsChanged(listener: () => void): () => void;
  dismissedPrompts(reportId: string): Promise<Set<string>>;
  dismissPrompt(reportId: string, key: string): Promise<void>;
}

let started: AppChecks | undefined;

export function appChecks(): AppChecks {
  started ??= startAppChecks(
    new Worker(new URL('./checks.worker.ts', import.meta.url), {
      type: 'module',
      name: 'margin-checks',
    }) as ChecksWorkerPort,
    createChecksStore(),
  );
  return started;
}

export function startAppChecks(worker: ChecksWorkerPort, store: ChecksStore): AppChecks {
  const client = createChecksWorkerClient(worker, { whenBroken: 'Reload the page to try again.' });
  const ignored = new Set<string>();
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  const tabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel('margin-personal-words') : undefined;
  let words: string[] = [];
  // A word added from the extension's suggestion list joins the dictionary here too (addWord checks it).
  const extension = handPersonalWordsToExtension(
    () => words,
    (word) => void checks.addWord(word),
  );

  const load = async () => {
    words = await store.personalWords().catch(() => []);
    client.setWords(words);
    extension.handOver();
    changed();
  };
  void load();
  tabs?.addEventListener('message', () => void load());

  const checks: AppChecks = {
    client,
    async addWord(word) {
      const result = await client.addWord(word);
      if (!result.ok) return result;
      await store.addPersonalWord(result.value);
      words = [...new Set([...words, result.value])];
      extension.handOver();
      tabs?.postMessage('changed');
      changed();
      return result;
    },
    ignore(key) {
      ignored.add(key);
      changed();
    },
    isIgnored: (key) => ignored.has(key),
    onWordsChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dismissedPrompts: (reportId) => store.dismissedPrompts(reportId).catch(() => new Set<string>()),
    dismissPrompt: (reportId, key) => store.dismissPrompt(reportId, key),
  };
  return checks;
}
