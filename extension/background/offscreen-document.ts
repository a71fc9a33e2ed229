// The offscreen document that runs the checks. Only one may exist per extension, it outlives service
// worker restarts, and createDocument fails if it is already there, so look before creating, and
// let calls that overlap share one creation. A new document starts with an empty personal
// dictionary, so `created` is called each time one is made, to hand the words over. Chromium's way of running
// the checker (checker.ts chooses it where the browser has chrome.offscreen).
import { browser } from 'wxt/browser';
import type { OffscreenRequest, ReplyTo } from '../messages.ts';
import type { Checker } from './checker.ts';

const OFFSCREEN_PATH = '/offscreen.html';
let creating: Promise<void> | undefined;

/** The checker in the offscreen document: made when first needed, asked through runtime messages. */
export function checkerInOffscreenDocument(created: () => Promise<void>): Checker {
  return {
    start: () => ensureOffscreenDocument(created),
    send: <M extends OffscreenRequest>(request: M) => browser.runtime.sendMessage<M, ReplyTo<M> | undefined>(request),
  };
}

export function ensureOffscreenDocument(created: () => Promise<void> = async () => {}): Promise<void> {
  creating ??= createIfMissing(created).finally(() => {
    creating = undefined;
  });
  return creating;
}

async function createIfMissing(created: () => Promise<void>): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const existing = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (existing.length > 0) return;
  // The promise settles once the document has loaded, so its message listener is there.
  await browser.offscreen.createDocument({
    url: OFFSCREEN_PATH,
    reasons: ['WORKERS'],
    justification:
      'Runs the spelling and grammar checker in a Web Worker, on this device, away from the pages being checked.',
  });
  await created();
}
