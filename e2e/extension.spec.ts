// The extension in a real Chromium: its content script finds the fields on a page, the background
// and the offscreen checker check them, and misspellings are drawn with the CSS Highlight API.
import { test, expect, chromium, type BrowserContext, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { browser as ExtensionApi } from 'wxt/browser';
import { chromiumArgs, chromiumExecutable } from './browser.ts';
import { createSessionReport, editor } from './app.ts';
import { startRelay } from './relay.ts';

const extensionDir = fileURLToPath(new URL('../.output/chrome-mv3', import.meta.url));
const pagesDir = new URL('./pages/', import.meta.url);

let context: BrowserContext;
let pages: Server;
/** Where e2e/pages/ is served, on a port chosen for the run: the content script's patterns name no port. */
let pagesUrl: string;

test.beforeAll(async () => {
  context = await chromium.launchPersistentContext('', {
    executablePath: chromiumExecutable(),
    headless: true,
    args: [...chromiumArgs, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  ({ server: pages, url: pagesUrl } = await serveTestPages());
});

test.afterAll(async () => {
  await context?.close();
  pages?.closeAllConnections();
  await new Promise((resolve) => (pages ? pages.close(resolve) : resolve(undefined)));
});

test('underlines a misspelt word typed into a contenteditable field, and only that word', async () => {
  const page = await context.newPage();
  await page.goto(`${pagesUrl}/contenteditable.html`);
  await page.getByRole('textbox', { name: 'Session notes' }).click();
  await page.keyboard.type('The learner acheived the objective');

  // Fields with spellcheck="false", readonly or disabled hold misspellings too, and are left alone.
  await expect.poll(() => underlinedWords(page)).toEqual(['acheived']);
});

test('checks a field added after the page has loaded, on localhost as well as 127.0.0.1', async () => {
  const page = await context.newPage();
  await page.goto(`${pagesUrl.replace('127.0.0.1', 'localhost')}/contenteditable.html`);
  await page.getByRole('button', { name: 'Add a field' }).click();

  await expect.poll(() => underlinedWords(page)).toEqual(['feild']);
});

test('the popup says that checks are running and how many words are underlined, and can be used with the keyboard', async () => {
  const page = await context.newPage();
  await page.goto(`${pagesUrl}/contenteditable.html`);
  await page.getByRole('textbox', { name: 'Session notes' }).click();
  await page.keyboard.type('Teh learner acheived the objective');
  await expect.poll(() => underlinedWords(page)).toEqual(['Teh', 'acheived']);

  const popup = await openPopupFor(page);
  const status = popup.getByRole('status');
  await expect(status).toContainText('Checks are running on this page.');
  await expect(status).toContainText('2 words underlined in 1 text field.');

  // Correct one word on the page; the popup's count changes when it is asked to check again.
  await page.getByRole('textbox', { name: 'Session notes' }).press('ControlOrMeta+a');
  await page.keyboard.type('The learner acheived the objective');
  await expect.poll(() => underlinedWords(page)).toEqual(['acheived']);
  await popup.keyboard.press('Tab');
  const checkAgain = popup.getByRole('button', { name: 'Check this page again' });
  await expect(checkAgain).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(status).toContainText('1 word underlined in 1 text field.');
});

test('the popup says when Margin is not checking a page', async () => {
  const page = await context.newPage();
  await page.goto('about:blank');
  const popup = await openPopupFor(page);
  await expect(popup.getByRole('status')).toContainText('Margin is not checking this page.');
  await expect(popup.getByRole('button')).toHaveCount(0);
});

test("leaves the app's own fields to the app, which underlines them itself, and still checks other fields on the page", async () => {
  const relay = await startRelay();
  try {
    const page = await context.newPage();
    await createSessionReport(page, relay.url);
    const field = editor(page, 'Comment on progress towards learning objectives');
    await expect(field).toHaveAttribute('data-margin-checks', 'app');
    await field.click();
    await page.keyboard.type('The learner acheived the objective');

    await expect.poll(() => field.locator('.check-spelling').allTextContents()).toEqual(['acheived']);
    // A field the app does not check, added to the same page, is still the extension's.
    await page.evaluate(() => {
      const notes = Object.assign(document.createElement('div'), { contentEditable: 'true', textContent: 'Extra notse' });
      notes.setAttribute('aria-label', 'Extra notes');
      document.body.append(notes);
    });
    await expect.poll(() => underlinedWords(page)).toEqual(['notse']);
  } finally {
    await relay.stop();
  }
});

test('the offscreen checker runs the shared engine: our British grammar rules at once, and Harper once its WebAssembly has loaded', async () => {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const check = (text: string) =>
    worker.evaluate(async (text) => {
      const { runtime } = (globalThis as unknown as { chrome: typeof ExtensionApi }).chrome;
      return runtime.sendMessage({ to: 'offscreen', type: 'check-text', text });
    }, text) as Promise<{ ok: boolean; findings?: { rule: string; text: string }[] }>;
  const rules = async (text: string) => ((await check(text)).findings ?? []).map((finding) => `${finding.rule}:${finding.text}`);

  await expect.poll(() => rules('He could of finished and we practiced.')).toEqual(['grammar/could-of:of', 'grammar/practice-practise:practiced']);
  await expect.poll(() => rules('Then i read the book.'), { timeout: 30_000 }).toEqual(['grammar/harper/CapitalizePersonalPronouns:i']);
});

/** The text of every range in the page's margin-spelling highlight, in document order. */
function underlinedWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ranges: AbstractRange[] = [];
    CSS.highlights.get('margin-spelling')?.forEach((range) => ranges.push(range));
    return ranges
      .filter((range): range is Range => range instanceof Range)
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .map((range) => range.toString());
  });
}

/**
 * Opens the toolbar popup for `page`. Headless Chromium cannot click the toolbar, so the popup's page
 * is opened in a window of its own that does not take focus, leaving `page` the tab it asks about.
 */
async function openPopupFor(page: Page): Promise<Page> {
  await page.bringToFront();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const opened = context.waitForEvent('page', (candidate) => candidate.url().endsWith('/popup.html'));
  await worker.evaluate(async () => {
    const { runtime, windows } = (globalThis as unknown as { chrome: typeof ExtensionApi }).chrome;
    await windows.create({ url: runtime.getURL('/popup.html'), type: 'popup', focused: false });
  });
  return opened;
}

/** Serves e2e/pages/ on a free loopback port. */
async function serveTestPages(): Promise<{ server: Server; url: string }> {
  const server = createServer(async (request, response) => {
    const name = new URL(request.url ?? '/', 'http://127.0.0.1').pathname.slice(1);
    if (!/^[\w-]+\.html$/.test(name)) return void response.writeHead(404).end();
    try {
      const html = await readFile(new URL(name, pagesDir));
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
