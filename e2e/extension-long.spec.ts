// Long documents with the built extension in a real Chromium (e2e/pages/long-document.html: a textarea
// of 300 lines that scrolls inside itself and a contenteditable of 300 paragraphs, each with a
// misspelling in its first and its last paragraph): only what is near the screen is checked at first,
// the popup says the count is so far, scrolling brings the rest in, and "Before you submit" still
// checks every word.
import { test, expect, type Page } from '@playwright/test';
import {
  highlighted,
  launchWithExtension,
  mirrorUnderlines,
  openPopupFor,
  serveTestPages,
  type ExtensionBrowser,
  type TestPages,
} from './extension-browser.ts';

let browser: ExtensionBrowser;
let pages: TestPages;

test.beforeAll(async () => {
  browser = await launchWithExtension();
  pages = await serveTestPages();
});

test.afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

async function openLongDocument(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${pages.url}/long-document.html`);
  return page;
}

const uncheckedIn = (detail: string) =>
  Number(/(\d+) paragraphs further on are not checked yet/.exec(detail)?.[1] ?? 0);

test('checks the paragraphs near the screen first, the far ones once scrolled to, keeping what it found; the popup says the count is so far', async () => {
  const page = await openLongDocument();
  await expect.poll(() => highlighted(page)).toEqual(['acheived']);
  await expect.poll(() => mirrorUnderlines(page)).toEqual(['spelling:Teh']);

  const popup = await openPopupFor(browser, page);
  const status = popup.getByRole('status');
  await expect(status).toContainText('2 findings so far in 2 text fields;');
  await expect(status).toContainText('Scroll to check the rest.');
  // Of 600 paragraphs in all, most are far below the screen and not checked.
  const before = uncheckedIn(await status.innerText());
  expect(before).toBeGreaterThan(400);
  expect(before).toBeLessThan(600);

  // The textarea scrolled inside itself to its last line.
  await page.locator('#log').evaluate((field) => (field.scrollTop = field.scrollHeight));
  await expect.poll(() => mirrorUnderlines(page)).toEqual(['spelling:Teh', 'spelling:beleive']);
  // The page scrolled to the last paragraph of the rich-text field: it is checked, and the first keeps its underline.
  await page.locator('#notes p').last().scrollIntoViewIfNeeded();
  await expect.poll(() => highlighted(page)).toEqual(['acheived', 'recieved']);

  await popup.getByRole('button', { name: 'Check this page again' }).click();
  await expect(status).toContainText('4 findings so far in 2 text fields;');
  expect(uncheckedIn(await status.innerText())).toBeLessThan(before);
  await Promise.all([page.close(), popup.close()]);
});

test('"Before you submit" checks every paragraph of a long field, near the screen or not', async () => {
  const page = await openLongDocument();
  await expect.poll(() => highlighted(page)).toEqual(['acheived']);
  await page.getByRole('button', { name: 'Send report' }).click();
  const panel = page.getByRole('dialog', { name: 'Before you submit' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('button', { name: /“recieved”/ })).toBeVisible();
  await expect(panel.getByRole('button', { name: /“beleive”/ })).toBeVisible();
  // While typing, the far paragraphs are still left for later.
  expect(await highlighted(page)).toEqual(['acheived']);
  await page.close();
});
