// The app's checks, started on first use: one worker for every field of every report on the page,
// the personal dictionary kept in sync between the worker, this device's database, other tabs and
// the Margin extension, the organisation's words beside it (organisation-words.ts, asked for again whenever
// who is signed in changes), words ignored for the rest of this visit, and dismissed prompts per report.
import type { AddWordResult } from '../../../shared/checks/spelling/personal-dictionary.ts';
import { createChecksWorkerClient, type ChecksWorkerClient } from '../../../shared/checks/worker-client.ts';
import type { ChecksWorkerPort } from '../../../shared/checks/worker-protocol.ts';
import { createEffect, createRoot, on } from 'solid-js';
import { organisationApi } from '../organisation/organisation-api.ts';
import { signedIn } from '../organisation/signed-in.ts';
import { createChecksStore, type ChecksStore } from './checks-store.ts';
import { handPersonalWordsToExtension } from './extension-handover.ts';
import { refreshOrganisationWords } from './organisation-words.ts';

export interface AppChecks {
  client: ChecksWorkerClient;
  /** Adds a word to the personal dictionary here, in other tabs and in the extension. */
  addWord(word: string): Promise<AddWordResult>;
  /** Stops flagging something (a word, a grammar finding) for the rest of this visit. */
  ignore(key: string): void;
  isIgnored(key: string): boolean;
  /** Called when the words that count as correct change, so fields check again. */
  onWordsChanged(listener: () => void): () => void;
  /** Asks the relay for the organisation's words again (after an administrator changed them). */
  refreshOrganisationWords(): Promise<void>;
  dismissedPrompts(reportId: string): Promise<Set<string>>;
  dismissPrompt(reportId: string, key: string): Promise<void>;
}

let started: AppChecks | undefined;

export function appChecks(): AppChecks {
  if (started) return started;
  const store = createChecksStore();
  const checks = startAppChecks(
    new Worker(new URL('./checks.worker.ts', import.meta.url), {
      type: 'module',
      name: 'margin-checks',
    }) as ChecksWorkerPort,
    store,
    () => refreshOrganisationWords(organisationApi.words, store),
  );
  started = checks;
  // Signing in or out changes which words the organisation lends this device.
  createRoot(() => createEffect(on(signedIn, () => void checks.refreshOrganisationWords(), { defer: true })));
  return checks;
}

/** After an administrator changed the organisation's words: the checker takes them, if it has started. */
export const refreshOrganisationWordsIfStarted = async (): Promise<void> => started?.refreshOrganisationWords();

/** `organisationWords`: the words the member's organisation accepts, or none (the default, for tests). */
export function startAppChecks(
  worker: ChecksWorkerPort,
  store: ChecksStore,
  organisationWords: () => Promise<string[]> = async () => [],
): AppChecks {
  const client = createChecksWorkerClient(worker, { whenBroken: 'Reload the page to try again.' });
  const ignored = new Set<string>();
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  const tabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel('margin-personal-words') : undefined;
  let words: string[] = [];
  let shared: string[] = [];
  const accepted = () => [...new Set([...words, ...shared])];
  // A word added from the extension's suggestion list joins the dictionary here too (addWord checks it). The
  // extension is handed the organisation's words with the person's own, so it accepts them on other sites too.
  const extension = handPersonalWordsToExtension(accepted, (word) => void checks.addWord(word));
  const share = () => {
    client.setWords(accepted());
    extension.handOver();
    changed();
  };

  const load = async () => {
    words = await store.personalWords().catch(() => []);
    share();
  };
  const loadShared = async () => {
    shared = await organisationWords().catch(() => shared);
    share();
  };
  void load();
  void loadShared();
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
    refreshOrganisationWords: loadShared,
    dismissedPrompts: (reportId) => store.dismissedPrompts(reportId).catch(() => new Set<string>()),
    dismissPrompt: (reportId, key) => store.dismissPrompt(reportId, key),
  };
  return checks;
}
