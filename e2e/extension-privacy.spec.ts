// "Nothing you type leaves this device": every request the browser makes while the extension checks
// text on local test pages (underlines, suggestions, add to dictionary, Harper's grammar loading) is
// recorded, and none goes anywhere but the extension's own files and the local test server.
//
// Playwright's request events miss the offscreen document and its worker, so Chromium's own network
// log (--log-net-log) is read as well: it holds every network request of every process, with the
// origin that started it, written out when the browser closes. (The extension's own files, such as the
// dictionary and Harper's WebAssembly, are read from the extension package, not the network.)
import { test, expect, type Request } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  highlighted,
  launchWithExtension,
  mirrorUnderlines,
  serveTestPages,
  suggestionList,
  type ChromeGlobal,
} from './extension-browser.ts';

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; params?: { url?: string; initiator?: string } }[];
}

test('checking text sends nothing anywhere: every request stays on this machine', async () => {
  const logDir = await mkdtemp(join(tmpdir(), 'margin-netlog-'));
  const logFile = join(logDir, 'net.json');
  const browser = await launchWithExtension([`--log-net-log=${logFile}`]);
  const pages = await serveTestPages();
  const seen: string[] = [];
  const record = (request: Request) => void seen.push(request.url());
  browser.context.on('request', record);
  try {
    const page = await browser.context.newPage();
    await page.goto(`${pages.url}/text-fields.html`);
    const comments = page.getByRole('textbox', { name: 'Comments' });
    await comments.fill('The learner acheived it. Then i read the book.');
    await expect.poll(() => mirrorUnderlines(page)).toContain('spelling:acheived');
    // Harper's WebAssembly has loaded when its finding appears.
    await expect.poll(() => mirrorUnderlines(page), { timeout: 30_000 }).toContain('grammar:i');
    await comments.evaluate((field: HTMLTextAreaElement) => field.setSelectionRange(14, 14));
    await comments.press('Alt+Enter');
    await expect(suggestionList(page)).toBeVisible();
    await page.keyboard.press('Escape');

    await page.goto(`${pages.url}/tiptap.html`);
    await expect.poll(() => highlighted(page)).toEqual(['lerner']);
    await (await browser.serviceWorker()).evaluate(() =>
      (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage({
        to: 'offscreen',
        type: 'suggest',
        word: 'lerner',
      }),
    );
    // A control: a request the test makes from the extension's service worker must show in the log, as the extension's.
    await (await browser.serviceWorker()).evaluate(
      (url) => fetch(url).then((response) => response.status),
      `${pages.url}/control.html`,
    );
  } finally {
    await browser.close();
    await pages.close();
  }

  const log = JSON.parse(await readFile(logFile, 'utf8')) as NetLog;
  await rm(logDir, { recursive: true, force: true });
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const requests = log.events
    .filter((event) => event.type === startJob && event.params?.url)
    .map((event) => event.params!);
  const extensionOrigin = `chrome-extension://${browser.extensionId}`;
  const local = (url: string) => url.startsWith(`${pages.url}/`);

  // Requests the extension makes carry its origin: the control shows the log sees them, and it is the only one.
  expect(requests.filter((request) => request.initiator === extensionOrigin).map((request) => request.url)).toEqual([
    `${pages.url}/control.html`,
  ]);
  // Whatever a page or a content script started (they carry the page's origin) stayed on the test server.
  const started = requests.filter((request) => request.initiator && request.initiator !== 'not an origin');
  expect(started.length).toBeGreaterThan(0);
  expect(started.filter((request) => !local(request.url!))).toEqual([]);
  // Playwright saw the pages' requests, and those too stayed local. (Requests with no origin are the test's
  // own navigations and Chromium's own services, such as its update check, which no extension can start.)
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((url) => !local(url))).toEqual([]);
});
