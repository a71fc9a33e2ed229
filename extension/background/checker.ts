// Where the checks run, chosen by what the browser has rather than by the build. Chromium's background is a
// service worker, which cannot start a Web Worker, so there the checks worker runs in an offscreen document
// (offscreen-document.ts) and requests reach it as runtime messages. Firefox has no offscreen documents, but its
// background is an event page with a DOM, so there the background starts the checks worker itself and asks it
// directly: the same worker, client and answers (offscreen/) either way.
import type { ChecksWorkerClient } from '../../shared/checks/worker-client.ts';
import type { OffscreenRequest, ReplyTo } from '../messages.ts';
import { answerChecks } from '../offscreen/answer-checks.ts';

export interface Checker {
  /** Makes sure the checker is running and has been handed the personal words; shared by calls that overlap. */
  start(): Promise<void>;
  /** Undefined when nothing answered. */
  send<M extends OffscreenRequest>(request: M): Promise<ReplyTo<M> | undefined>;
}

/** What the background can see of the browser: `chrome.offscreen` and the Worker constructor, where they exist. */
export interface CheckerPlaces {
  offscreen?: { createDocument?: unknown };
  Worker?: unknown;
}

export interface CheckerWays {
  inOffscreenDocument(): Checker;
  inBackground(): Checker;
}

export const noPlaceForChecker =
  'this browser can run it neither in an offscreen document nor in a worker of the extension’s background.';

export function chooseChecker(places: CheckerPlaces, ways: CheckerWays): Checker {
  if (typeof places.offscreen?.createDocument === 'function') return ways.inOffscreenDocument();
  if (typeof places.Worker === 'function') return ways.inBackground();
  return {
    start: async () => {
      throw new Error(noPlaceForChecker);
    },
    send: async () => undefined,
  };
}

/**
 * The checks worker started by the background itself (Firefox). `startWorker` runs once, on the first start;
 * `created` hands the new worker the personal words, and is tried again on the next start if it failed.
 */
export function checkerInBackground(startWorker: () => ChecksWorkerClient, created: () => Promise<void>): Checker {
  let answer: ReturnType<typeof answerChecks> | undefined;
  let starting: Promise<void> | undefined;
  const begin = async () => {
    answer ??= answerChecks(startWorker());
    await created();
  };
  return {
    start() {
      starting ??= begin().catch((error: unknown) => {
        starting = undefined;
        throw error;
      });
      return starting;
    },
    async send<M extends OffscreenRequest>(request: M) {
      return (await answer?.(request)) as ReplyTo<M> | undefined;
    },
  };
}
