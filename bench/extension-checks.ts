// The built extension in Chromium on local test pages: how long from a pause in typing to the
// underline (the content script waits 300 ms after the last key, then asks the offscreen checker and
// draws in the next frame), in a plain contenteditable, a textarea and a 5,000-word document, with the
// longest main-thread task while typing in that document; and what the content script costs a page
// that loads (its own start-up, measured with performance marks, and the page's load with and without
// the extension); and how much of a 5,000-word document with a misspelling in every paragraph is
// checked, and how soon, once it appears in a field (only the paragraphs near the screen, at first).
// Needs .output/chrome-mv3 (npm run build:extension).
import { chromium, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { chromiumArgs, chromiumExecutable } from '../e2e/browser.ts';
import {
  extensionDir,
  launchWithExtension,
  serveTestPages,
  type ChromeGlobal,
  type ExtensionBrowser,
  type TestPages,
} from '../e2e/extension-browser.ts';

export const MISSPELLINGS = [
  'acheived',
  'recieve',
  'seperate',
  'definately',
  'occured',
  'untill',
  'wich',
  'beleive',
  'goverment',
  'enviroment',
];

// Installed before the page's own scripts: when the last key went down, how many underlines there are
// (highlights and mirror spans, read every frame), and every long task. Kept as text: the bundler that
// runs the benchmark would otherwise add helpers to a function's source that the page does not have.
const watchScript = `
  const marks = { lastKey: 0, underlinedAt: [], longTasks: [] };
  globalThis.__bench = marks;
  addEventListener('keydown', () => (marks.lastKey = performance.now()), true);
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => marks.longTasks.push(entry.duration))).observe({ type: 'longtask' });
  let last = -1;
  requestAnimationFrame(function look() {
    let count = 0;
    CSS.highlights?.get('margin-spelling')?.forEach(() => void count++);
    count += document.querySelector('[data-margin-overlay]')?.shadowRoot?.querySelectorAll('.mirror span').length ?? 0;
    if (count !== last) marks.underlinedAt.push({ count, at: performance.now() });
    last = count;
    requestAnimationFrame(look);
  });
`;
type Marks = { lastKey: number; underlinedAt: { count: number; at: number }[]; longTasks: number[] };
const marks = (page: Page) => page.evaluate(() => (globalThis as unknown as { __bench: Marks }).__bench);

/** Types one misspelt word (after a space) and returns the ms from its last key to its underline. */
async function pauseToUnderline(page: Page, word: string, before: number): Promise<number> {
  await page.keyboard.type(` ${word}.`, { delay: 20 });
  await page.waitForFunction(
    (before) => {
      const { underlinedAt } = (globalThis as unknown as { __bench: Marks }).__bench;
      return (underlinedAt.at(-1)?.count ?? 0) > before;
    },
    before,
    { timeout: 30_000 },
  );
  const { lastKey, underlinedAt } = await marks(page);
  return underlinedAt.at(-1)!.at - lastKey;
}

async function latencies(page: Page, rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const before = (await marks(page)).underlinedAt.at(-1)?.count ?? 0;
    times.push(await pauseToUnderline(page, MISSPELLINGS[round % MISSPELLINGS.length]!, before));
  }
  return times;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${Math.round(value)} ms`;
const spread = (values: number[]) => `median ${ms(median(values))}, max ${ms(Math.max(...values))}`;

/** A 5,000-word document in the contenteditable field, in 100 paragraphs. */
function longDocument(page: Page): Promise<void> {
  return page.evaluate(() => {
    const sentence =
      'The learner worked through the fractions task with growing confidence and explained each step clearly. ';
    const paragraph = sentence.repeat(3).trim();
    const notes = document.getElementById('notes')!;
    notes.innerHTML = Array.from({ length: 100 }, () => `<p>${paragraph} ${paragraph}</p>`).join('');
  });
}

/**
 * A 5,000-word document with one misspelling in each of its 100 paragraphs put into the field at once:
 * how many paragraphs get checked (each checked one gets its underline) and how long after the
 * document appeared the underlines stop changing (settled: unchanged for two seconds).
 */
async function firstSettle(page: Page): Promise<{ paragraphs: number; settledAfter: number }> {
  const appeared = await page.evaluate((misspellings) => {
    const sentence =
      'The learner worked through the fractions task with growing confidence and explained each step clearly. ';
    const paragraph = sentence.repeat(3).trim();
    document.getElementById('notes')!.innerHTML = Array.from(
      { length: 100 },
      (_, index) => `<p>${misspellings[index % misspellings.length]} ${paragraph} ${paragraph}</p>`,
    ).join('');
    return performance.now();
  }, MISSPELLINGS);
  for (;;) {
    await page.waitForTimeout(250);
    const [now, last] = await page.evaluate(
      () => [performance.now(), (globalThis as unknown as { __bench: Marks }).__bench.underlinedAt.at(-1)] as const,
    );
    if (last && last.count > 0 && now - last.at > 2_000)
      return { paragraphs: last.count, settledAfter: last.at - appeared };
  }
}

/** Waits until the offscreen checker answers in full (Harper's grammar loaded), asking as the service worker. */
export async function untilWarm(browser: ExtensionBrowser): Promise<void> {
  await (await browser.serviceWorker()).evaluate(async () => {
    const { runtime } = (globalThis as unknown as ChromeGlobal).chrome;
    for (let tries = 0; tries < 300; tries++) {
      // The offscreen document may not be there yet (the background makes it for the first check): ask again.
      const reply = (await runtime
        .sendMessage({ to: 'offscreen', type: 'check-text', text: 'Then i read.' })
        .catch(() => null)) as { ok: boolean; value?: { partial?: boolean } } | null;
      if (reply?.ok && !reply.value?.partial) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
}

const taskSummary = (tasks: number[]) => (tasks.length ? `${tasks.length}, longest ${ms(Math.max(...tasks))}` : 'none');

/** The long tasks a plain Chromium has while the same words are typed into the same long document. */
async function typingWithoutExtension(pages: TestPages): Promise<number[]> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumExecutable(),
    headless: true,
    args: chromiumArgs,
  });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: watchScript });
    await page.goto(`${pages.url}/contenteditable.html`);
    await longDocument(page);
    await page.getByRole('textbox', { name: 'Session notes' }).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.waitForTimeout(1_500);
    await page.evaluate(() => ((globalThis as unknown as { __bench: Marks }).__bench.longTasks.length = 0));
    for (const word of MISSPELLINGS) {
      await page.keyboard.type(` ${word}.`, { delay: 20 });
      await page.waitForTimeout(400);
    }
    return (await marks(page)).longTasks;
  } finally {
    await context.close();
  }
}

/** The text fields page's load event (ms after navigation start), loaded `rounds` times, in a browser with or without the extension. */
async function pageLoad(pages: TestPages, withExtension: boolean, rounds: number): Promise<number[]> {
  const browser = withExtension ? await launchWithExtension() : undefined;
  const context =
    browser?.context ??
    (await chromium.launchPersistentContext('', {
      executablePath: chromiumExecutable(),
      headless: true,
      args: chromiumArgs,
    }));
  try {
    // The extension's checker starts with the browser; the loads are timed once it has settled.
    if (browser) await untilWarm(browser);
    const page = await context.newPage();
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      await page.goto(`${pages.url}/text-fields.html`, { waitUntil: 'load' });
      times.push(
        await page.evaluate(
          () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
        ),
      );
    }
    return times;
  } finally {
    await (browser ? browser.close() : context.close());
  }
}

export async function extensionChecks(): Promise<string> {
  if (!existsSync(`${extensionDir}/manifest.json`))
    throw new Error('the extension is not built: run npm run build:extension');
  const pages = await serveTestPages();
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.addInitScript({ content: watchScript });

    // The first underline in a fresh browser (the checker starting, Harper's grammar loading behind it).
    await page.goto(`${pages.url}/late-field.html`);
    await page.waitForFunction(
      () => (globalThis as unknown as { __bench: Marks }).__bench.underlinedAt.some((mark) => mark.count > 0),
      undefined,
      { timeout: 30_000 },
    );
    const firstUnderline = await page.evaluate(
      () => (globalThis as unknown as { __bench: Marks }).__bench.underlinedAt.find((mark) => mark.count > 0)!.at,
    );
    // Measured from here on warm.
    await untilWarm(browser);

    await page.goto(`${pages.url}/contenteditable.html`);
    await page.getByRole('textbox', { name: 'Session notes' }).click();
    await page.keyboard.type('The learner');
    const rich = await latencies(page, 10);

    await page.goto(`${pages.url}/text-fields.html`);
    await page.getByRole('textbox', { name: 'Comments' }).click();
    await page.keyboard.type('The learner');
    const plain = await latencies(page, 10);

    const settles: { paragraphs: number; settledAfter: number }[] = [];
    for (let round = 0; round < 3; round++) {
      await page.goto(`${pages.url}/contenteditable.html`);
      settles.push(await firstSettle(page));
    }

    await page.goto(`${pages.url}/contenteditable.html`);
    await longDocument(page);
    const notes = page.getByRole('textbox', { name: 'Session notes' });
    await notes.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.waitForTimeout(1_500);
    await page.evaluate(() => ((globalThis as unknown as { __bench: Marks }).__bench.longTasks.length = 0));
    const long = await latencies(page, 10);
    const longTasks = (await marks(page)).longTasks;
    const baselineTasks = await typingWithoutExtension(pages);

    // The content script's own start-up on a page, from its performance marks (shared with the page).
    await page.goto(`${pages.url}/text-fields.html`);
    await page.waitForFunction(() => performance.getEntriesByName('margin:content-ready').length > 0, undefined, {
      timeout: 10_000,
    });
    const startUp = await page.evaluate(() => performance.getEntriesByName('margin:content-ready')[0]!.duration);
    const [without, withIt] = [await pageLoad(pages, false, 8), await pageLoad(pages, true, 8)];
    return [
      `pause to underline: contenteditable ${spread(rich)}; textarea ${spread(plain)}; 5,000-word document ${spread(long)} (each includes the 300 ms wait after typing)`,
      `first underline in a fresh browser: ${ms(firstUnderline)} after the page opened (the field comes at 1,000 ms)`,
      `5,000-word document (100 paragraphs, a misspelling in each) put into a field: ${settles.map((settle) => settle.paragraphs).join('/')} paragraphs checked, settled ${spread(settles.map((settle) => settle.settledAfter))} after it appeared (3 rounds)`,
      `main-thread tasks over 50 ms while typing 10 words in the 5,000-word document: ${taskSummary(longTasks)} with the extension, ${taskSummary(baselineTasks)} without it`,
      `content script start-up on the text fields page: ${startUp.toFixed(1)} ms`,
      `text fields page load event: without the extension ${spread(without)}, with it ${spread(withIt)}`,
    ].join('\n  ');
  } finally {
    await browser.close();
    await pages.close();
  }
}
