// Runs on Margin's own pages (any port on localhost or 127.0.0.1: a match pattern without a port
// matches every port), and on the sites the user switched on in the popup (registered at that moment,
// see sites/site-access.ts), in the page and in its frames (features say which run in frames). It reads
// text and draws; the checking happens in the extension. What it does on a page is the list of features
// in features/feature-list.ts.
import '../page/underlines.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentRequest } from '../features/feature.ts';
import { features } from '../features/feature-list.ts';
import { runFeatures } from '../features/run-features.ts';
import type { ReplyTo } from '../messages.ts';

export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  // Also in the page's frames, including about:blank and srcdoc ones (which have no address of their own
  // to match), where TinyMCE and CKEditor 4 keep their editable body.
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main(ctx) {
    performance.mark('margin:content-start');
    const running = runFeatures(document, features, { ask, inFrame: window !== window.top });
    performance.measure('margin:content-ready', 'margin:content-start');
    ctx.onInvalidated(running.stop);
  },
});

async function ask<M extends ContentRequest>(request: M): Promise<ReplyTo<M> | undefined> {
  try {
    return await browser.runtime.sendMessage<M, ReplyTo<M>>(request);
  } catch {
    return undefined;
  }
}
