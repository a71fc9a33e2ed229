// Margin never loses a keystroke: not when the page reloads or the tab closes straight after typing,
// and not when a saved entry on the device is corrupt.
import type { BrowserContext } from '@playwright/test';
import { createSessionReport, editor, editorText } from './app.ts';
import { expect, test } from './fixtures.ts';

const field = 'Comment on progress towards learning objectives';

/** The relay never answers these pages, so only this device's storage can bring text back. */
const keepRelayAway = (context: BrowserContext) => context.routeWebSocket(/\/sync\//, () => {});

test('typing then reloading at once, 20 times, loses nothing', async ({ page, relay }) => {
  test.setTimeout(180_000);
  await createSessionReport(page, relay.url);
  await keepRelayAway(page.context());
  let expected = '';
  for (let i = 1; i <= 20; i++) {
    const word = `word${i} `;
    await editor(page, field).click();
    await page.keyboard.press('End');
    await page.keyboard.type(word);
    expected += word;
    await page.reload();
    await expect(editor(page, field)).toBeVisible();
    expect(await editorText(page, field), `after reload ${i}`).toBe(expected);
  }
});

test('closing the tab the instant after the last keystroke loses nothing', async ({ page, context, relay }) => {
  const url = await createSessionReport(page, relay.url);
  await keepRelayAway(context);
  let expected = '';
  let current = page;
  for (let i = 1; i <= 5; i++) {
    await editor(current, field).click();
    await current.keyboard.press('End');
    await current.keyboard.type(`line ${i}. `);
    expected += `line ${i}. `;
    await current.close();
    current = await context.newPage();
    await current.goto(url);
    await expect(editor(current, field)).toBeVisible();
    expect(await editorText(current, field), `after closing tab ${i}`).toBe(expected);
  }
});

test('a corrupt saved entry is set aside with a message, and the rest of the report opens', async ({ page, relay }) => {
  const url = await createSessionReport(page, relay.url);
  const reportId = new URL(url).pathname.split('/').pop()!;
  await keepRelayAway(page.context());
  await editor(page, field).pressSequentially('Kept safe.');
  await page.goto(relay.url);
  await page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('updates', 'readwrite');
      tx.objectStore('updates').add(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]));
      tx.objectStore('updates').add('not an update at all');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, `margin-report-${reportId}`);

  await page.goto(url);
  await expect(
    page.getByRole('alert').filter({
      hasText: '2 saved changes to this report could not be read on this device and were set aside, not deleted.',
    }),
  ).toBeVisible();
  expect(await editorText(page, field)).toBe('Kept safe.');
  const quarantined = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('margin');
        request.onsuccess = () => {
          const count = request.result.transaction('quarantine').objectStore('quarantine').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );
  expect(quarantined).toBe(2);

  await page.reload();
  await expect(editor(page, field)).toBeVisible();
  await expect(page.getByText('could not be read')).toHaveCount(0);
  expect(await editorText(page, field)).toBe('Kept safe.');
});
