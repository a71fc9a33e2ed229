// What the extension's browser tests share: Chromium with the built extension loaded, the test pages
// in e2e/pages/ served on loopback addresses, and ways to read what the extension drew and said.
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { build } from 'esbuild';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { browser as ExtensionApi } from 'wxt/browser';
import WebSocket from 'ws';
import { chromiumArgs, chromiumExecutable } from './browser.ts';

export const extensionDir = fileURLToPath(new URL('../.output/chrome-mv3', import.meta.url));
const pagesDir = new URL('./pages/', import.meta.url);

/** The extension's APIs as its own pages and service worker see them. */
export type Chrome = typeof ExtensionApi;
/** globalThis in the extension's pages and service worker, for code run there with evaluate(). */
export type ChromeGlobal = { chrome: Chrome };

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  /** Sends one command to the browser's own DevTools endpoint (for what Playwright has no API for). */
  browserCommand(method: string, params: object): Promise<unknown>;
  close(): Promise<void>;
}

export async function launchWithExtension(extraArgs: string[] = []): Promise<ExtensionBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'margin-extension-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumExecutable(),
    headless: true,
    args: [
      // The same closed-off network as every browser test, with 127.0.0.2 (the "other site") let through too.
      ...chromiumArgs.map((arg) => (arg.startsWith('--host-resolver-rules=') ? `${arg}, EXCLUDE 127.0.0.2` : arg)),
      // A DevTools endpoint of our own, for Extensions.triggerAction (a click on the toolbar button).
      '--remote-debugging-port=0',
      '--enable-unsafe-extension-debugging',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...extraArgs,
    ],
  });
  const serviceWorker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await serviceWorker()).url()).host;
  let devtools: WebSocket | undefined;
  let nextId = 0;

  return {
    context,
    extensionId,
    serviceWorker,
    async browserCommand(method, params) {
      if (!devtools) {
        const [port, path] = (await readFile(join(profile, 'DevToolsActivePort'), 'utf8')).split('\n');
        devtools = new WebSocket(`ws://127.0.0.1:${port}${path}`);
        await new Promise((resolve, reject) => devtools!.once('open', resolve).once('error', reject));
      }
      const socket = devtools;
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        const answered = (data: WebSocket.RawData) => {
          const message = JSON.parse(String(data)) as { id: number; result?: unknown; error?: { message: string } };
          if (message.id !== id) return;
          socket.off('message', answered);
          if (message.error) reject(new Error(`${method}: ${message.error.message}`));
          else resolve(message.result);
        };
        socket.on('message', answered);
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    async close() {
      devtools?.close();
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Clicks the extension's toolbar button for a tab, as the user would (headless Chromium has no toolbar):
 * this is what gives the popup the tab's address (activeTab) on a site Margin has no access to yet.
 */
export async function clickToolbarButton(browser: ExtensionBrowser, page: Page): Promise<void> {
  const { targetInfos } = (await browser.browserCommand('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
    targetInfos: { targetId: string; url: string }[];
  };
  const tab = targetInfos.find((target) => target.url === page.url());
  if (!tab) throw new Error(`No tab shows ${page.url()}`);
  await browser.browserCommand('Extensions.triggerAction', { id: browser.extensionId, targetId: tab.targetId });
}

/**
 * Opens the toolbar popup for `page` in a window of its own that does not take focus, leaving `page`
 * the tab it asks about (the popup Extensions.triggerAction opens is not one Playwright can reach).
 */
export async function openPopupFor(browser: ExtensionBrowser, page: Page): Promise<Page> {
  await page.bringToFront();
  const opened = browser.context.waitForEvent('page', (candidate) => candidate.url().endsWith('/popup.html'));
  await (await browser.serviceWorker()).evaluate(async () => {
    const { runtime, windows } = (globalThis as unknown as ChromeGlobal).chrome;
    await windows.create({ url: runtime.getURL('/popup.html'), type: 'popup', focused: false });
  });
  return opened;
}

export interface TestPages {
  /** http://127.0.0.1:<port>: one of Margin's own addresses, checked without asking. */
  url: string;
  /** The same pages at http://127.0.0.2:<port>: "another site", checked only once switched on. */
  otherSiteUrl: string;
  close(): Promise<void>;
}

/** Bundles one of the editors the test pages use, from its npm package, the first time a page asks for it. */
function editorScript(source: string): () => Promise<Uint8Array> {
  let bundled: Promise<Uint8Array> | undefined;
  return () =>
    (bundled ??= build({
      entryPoints: [fileURLToPath(new URL(source, import.meta.url))],
      bundle: true,
      format: 'iife',
      // React and Draft.js read these, as a bundler for the browser would give them.
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      write: false,
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0]!.contents));
}

const editorFiles: Record<string, { type: string; body: () => Promise<Uint8Array | Buffer> }> = {
  'tiptap-editor.js': { type: 'text/javascript', body: editorScript('./extension-tiptap-editor.ts') },
  'ckeditor-editor.js': { type: 'text/javascript', body: editorScript('./extension-ckeditor-editor.ts') },
  'tinymce7-editor.js': { type: 'text/javascript', body: editorScript('./extension-tinymce7-editor.ts') },
  'ckeditor4-editor.js': { type: 'text/javascript', body: editorScript('./extension-ckeditor4-editor.ts') },
  'slate-editor.js': { type: 'text/javascript', body: editorScript('./extension-slate-editor.js') },
  'draft-editor.js': { type: 'text/javascript', body: editorScript('./extension-draft-editor.js') },
  'trix-editor.js': { type: 'text/javascript', body: editorScript('./extension-trix-editor.js') },
  'trix.css': {
    type: 'text/css',
    body: () => readFile(new URL('../node_modules/trix/dist/trix.css', import.meta.url)),
  },
  'quill-editor.js': { type: 'text/javascript', body: editorScript('./extension-quill-editor.ts') },
  'quill.snow.css': {
    type: 'text/css',
    body: () => readFile(new URL('../node_modules/quill/dist/quill.snow.css', import.meta.url)),
  },
  'lexical-editor.js': { type: 'text/javascript', body: editorScript('./extension-lexical-editor.ts') },
  'tinymce6-editor.js': { type: 'text/javascript', body: editorScript('./extension-tinymce6-editor.ts') },
  'ckeditor5.css': {
    type: 'text/css',
    body: () => readFile(new URL('../node_modules/ckeditor5/dist/ckeditor5.css', import.meta.url)),
  },
};

// CKEditor 4 is published as a build that loads its skin, languages and plugins from beside ckeditor.js: served as it is.
const ckeditor4Dir = new URL('../node_modules/ckeditor4/', import.meta.url);
const contentTypes: Record<string, string> = {
  js: 'text/javascript',
  css: 'text/css',
  png: 'image/png',
  svg: 'image/svg+xml',
  html: 'text/html',
};

/** Answers a request for an editor's script or style, if that is what it asks for; false if not. */
export async function serveEditorFile(name: string, response: ServerResponse): Promise<boolean> {
  const file = editorFiles[name];
  if (file) {
    response.writeHead(200, { 'content-type': file.type }).end(await file.body());
    return true;
  }
  const published = /^ckeditor4\/([\w./-]+)$/.exec(name)?.[1];
  if (!published || published.includes('..')) return false;
  try {
    const body = await readFile(new URL(published, ckeditor4Dir));
    const type = contentTypes[published.split('.').pop() ?? ''] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': type }).end(body);
  } catch {
    response.writeHead(404).end();
  }
  return true;
}

/** Serves e2e/pages/ (and the editors' scripts, bundled once) on 127.0.0.1 and 127.0.0.2, one free port. */
export async function serveTestPages(): Promise<TestPages> {
  const handle: Parameters<typeof createServer>[1] = async (request, response) => {
    const name = new URL(request.url ?? '/', 'http://127.0.0.1').pathname.slice(1);
    if (await serveEditorFile(name, response)) return;
    if (!/^[\w-]+\.html$/.test(name)) return void response.writeHead(404).end();
    try {
      const html = await readFile(new URL(name, pagesDir));
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } catch {
      response.writeHead(404).end();
    }
  };
  const own = createServer(handle);
  await new Promise<void>((resolve) => own.listen(0, '127.0.0.1', resolve));
  const port = (own.address() as AddressInfo).port;
  const other = createServer(handle);
  await new Promise<void>((resolve, reject) => other.once('error', reject).listen(port, '127.0.0.2', resolve));
  const stop = (server: Server) =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    });
  return {
    url: `http://127.0.0.1:${port}`,
    otherSiteUrl: `http://127.0.0.2:${port}`,
    close: async () => void (await Promise.all([stop(own), stop(other)])),
  };
}

/** The text of every range in one of the page's Margin highlights (rich-text fields), in document order. */
export function highlighted(page: Page, name = 'margin-spelling'): Promise<string[]> {
  return page.evaluate((name) => {
    const ranges: AbstractRange[] = [];
    CSS.highlights.get(name)?.forEach((range) => ranges.push(range));
    return ranges
      .filter((range): range is Range => range instanceof Range)
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .map((range) => range.toString());
  }, name);
}

/** The underlined words drawn over text controls, as "kind:text", from Margin's overlay. */
export function mirrorUnderlines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const overlay = document.querySelector('[data-margin-overlay]')?.shadowRoot;
    return [...(overlay?.querySelectorAll<HTMLElement>('.mirror span') ?? [])].map(
      (span) => `${span.className}:${span.textContent}`,
    );
  });
}

/** Margin's suggestion list, inside its overlay's shadow root (Playwright's locators pierce open shadow roots). */
export const suggestionList = (page: Page) => page.getByRole('dialog', { name: /suggestions for/ });
