// Where the extension runs: Margin's own addresses from install, any other site only after the user
// switches it on in the popup, and not after it is switched off again. Tested with the built
// extension in Chromium, "another site" being the test pages served at 127.0.0.2.
//
// Headless Chromium cannot show the permission prompt, so the user's "Allow" is given where a user can
// also give it: the extension's Site access setting on chrome://extensions (developerPrivate, the API
// that page uses). The popup's own permission request then resolves at once, as it does for a site the
// user already allowed. Declining the prompt is covered by the unit tests (extension/sites/).
import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectAccessible } from './fixtures.ts';
import {
  clickToolbarButton,
  extensionDir,
  launchWithExtension,
  mirrorUnderlines,
  openPopupFor,
  serveTestPages,
  type ChromeGlobal,
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

test('the built manifest asks for no site at install beyond Margin’s own addresses', async () => {
  const manifest = JSON.parse(await readFile(`${extensionDir}/manifest.json`, 'utf8')) as {
    permissions: string[];
    host_permissions?: string[];
    optional_host_permissions: string[];
    content_scripts: { matches: string[] }[];
  };
  expect(manifest.host_permissions ?? []).toEqual([]);
  // The content script and the page-world script beside it, both on Margin's own addresses only.
  expect(manifest.content_scripts).toHaveLength(2);
  expect([...new Set(manifest.content_scripts.flatMap((script) => script.matches))].sort()).toEqual([
    'http://127.0.0.1/*',
    'http://localhost/*',
  ]);
  expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  expect(manifest.permissions.sort()).toEqual(['activeTab', 'offscreen', 'scripting', 'storage']);
  expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
});

async function typeIntoComments(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Comments' }).fill('The learner acheived the objective');
}

/** Whether the page's own world has Margin's wrapper of form.submit(), that is, whether the page-world script runs there. */
function submitWrapped(page: Page): Promise<boolean> {
  return page.evaluate(() => !String(HTMLFormElement.prototype.submit).includes('[native code]'));
}

async function siteRegistration() {
  return (await browser.serviceWorker()).evaluate(async () => {
    const { permissions, scripting } = (globalThis as unknown as ChromeGlobal).chrome;
    const scripts = await scripting.getRegisteredContentScripts();
    return {
      allowed: await permissions.contains({ origins: ['http://127.0.0.2/*'] }),
      scripts: scripts.map(({ id, matches, persistAcrossSessions }) => ({ id, matches, persistAcrossSessions })),
    };
  });
}

test('another site is checked only once switched on in the popup, and no longer once switched off', async () => {
  // Margin's own address is checked from the start: the same page there gets its underline.
  const own = await browser.context.newPage();
  await own.goto(`${pages.url}/text-fields.html`);
  await typeIntoComments(own);
  await expect.poll(() => mirrorUnderlines(own)).toEqual(['spelling:acheived']);
  await own.close();

  const page = await browser.context.newPage();
  await page.goto(`${pages.otherSiteUrl}/text-fields.html`);
  await typeIntoComments(page);
  await page.waitForTimeout(1_000);
  await expect(page.locator('[data-margin-overlay]')).toHaveCount(0);
  expect(await siteRegistration()).toEqual({ allowed: false, scripts: [] });
  expect(await submitWrapped(page)).toBe(false);

  // The user allows the site in the extension's settings, clicks Margin's toolbar button, and switches it on.
  const settings = await browser.context.newPage();
  await settings.goto('chrome://extensions/');
  await settings.evaluate(async (id) => {
    const { developerPrivate } = (
      globalThis as unknown as {
        chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
      }
    ).chrome;
    await developerPrivate.addHostPermission(id, 'http://127.0.0.2/*');
  }, browser.extensionId);
  await settings.close();
  await clickToolbarButton(browser, page);
  const popup = await openPopupFor(browser, page);
  await expect(popup.getByText('Nothing you type leaves this device.')).toBeVisible();
  const onOff = popup.getByRole('switch', { name: 'Check http://127.0.0.2' });
  await expect(onOff).not.toBeChecked();
  await expect(popup.getByRole('status')).toContainText('Margin is not checking this page.');
  await expectAccessible(popup);
  await onOff.click();

  // On at once in the open page, without a reload, and the popup counts what it found.
  await expect(onOff).toBeChecked();
  await expect.poll(() => mirrorUnderlines(page)).toEqual(['spelling:acheived']);
  await expect(popup.getByRole('status')).toContainText('1 finding in 3 text fields.');
  expect(await submitWrapped(page)).toBe(true);
  expect(await siteRegistration()).toEqual({
    allowed: true,
    scripts: [
      { id: 'margin-site:http://127.0.0.2', matches: ['http://127.0.0.2/*'], persistAcrossSessions: true },
      { id: 'margin-site-page-world:http://127.0.0.2', matches: ['http://127.0.0.2/*'], persistAcrossSessions: true },
    ],
  });
  await popup.close();

  // And on the next visit, through the registered content script.
  await page.reload();
  await typeIntoComments(page);
  await expect.poll(() => mirrorUnderlines(page)).toEqual(['spelling:acheived']);
  expect(await submitWrapped(page)).toBe(true);

  // In the site's frames too: TinyMCE 7 keeps its editable body in a srcdoc iframe.
  const editorPage = await browser.context.newPage();
  await editorPage.goto(`${pages.otherSiteUrl}/tinymce7.html`);
  await editorPage.locator('body[data-editor-ready]').waitFor();
  const editorFrame = editorPage.frame({ url: 'about:srcdoc' })!;
  await expect
    .poll(() =>
      editorFrame.evaluate(() => {
        const words: string[] = [];
        CSS.highlights.get('margin-spelling')?.forEach((range) => words.push((range as Range).toString()));
        return words;
      }),
    )
    .toEqual(['lerner']);
  await editorPage.close();

  // Switched off: the page's underlines go, the permission and the registration are removed.
  const again = await openPopupFor(browser, page);
  const switchAgain = again.getByRole('switch', { name: 'Check http://127.0.0.2' });
  await expect(switchAgain).toBeChecked();
  await switchAgain.press('Space');
  await expect(switchAgain).not.toBeChecked();
  await expect(page.locator('[data-margin-overlay]')).toHaveCount(0);
  await expect.poll(siteRegistration).toEqual({ allowed: false, scripts: [] });
  await again.close();

  await page.reload();
  await typeIntoComments(page);
  await page.waitForTimeout(1_000);
  await expect(page.locator('[data-margin-overlay]')).toHaveCount(0);
  expect(await submitWrapped(page)).toBe(false);
  await page.close();
});
