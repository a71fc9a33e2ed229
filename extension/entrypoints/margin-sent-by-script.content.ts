// Runs in the page's own world, before the page's scripts, on the same pages as the content script
// (and on the sites switched on, registered beside it in sites/site-access.ts): it lets "Before you
// submit" hear a form the page sends with form.submit() (submit/sent-by-script.ts), and makes a change
// Margin writes into an editor that records undo steps only from keys (CKEditor 4) a step of its undo
// (page/undo-steps.ts). It uses no extension API and sends nothing anywhere.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { recordUndoSteps } from '../page/undo-steps.ts';
import { announceScriptSubmissions } from '../submit/sent-by-script.ts';

export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    announceScriptSubmissions(window);
    recordUndoSteps(window);
  },
});
