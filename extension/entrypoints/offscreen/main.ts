// The offscreen document (Chromium): starts the checks worker (offscreen/checks-worker.ts) and answers the
// checks, suggestions and personal words the background passes on.
import { browser } from 'wxt/browser';
import { answerMessagesTo } from '../../messages.ts';
import { answerChecks } from '../../offscreen/answer-checks.ts';
import { startChecksWorker } from '../../offscreen/checks-worker.ts';

browser.runtime.onMessage.addListener(answerMessagesTo('offscreen', answerChecks(startChecksWorker())));
