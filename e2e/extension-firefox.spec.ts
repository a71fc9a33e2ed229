// The extension's Firefox build in a real Firefox (Debian's firefox-esr; e2e/firefox-browser.ts drives it over
// WebDriver BiDi): Firefox has no offscreen documents, so its background starts the checks worker itself, and a
// misspelt word and Harper's grammar (its WebAssembly, in the worker beneath) are underlined as in Chromium.
import { expect, test } from '@playwright/test';
import { serveTestPages, type TestPages } from './extension-browser.ts';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from './firefox-browser.ts';

let firefox: FirefoxWithExtension;
let pages: TestPages;

test.beforeAll(async () => {
  pages = await serveTestPages();
  firefox = await launchFirefoxWithExtension();
});

test.afterAll(async () => {
  await firefox?.close();
  await pages?.close();
});

const mirrorUnderlines = `JSON.stringify([...(document.querySelector('[data-margin-overlay]')?.shadowRoot
  ?.querySelectorAll('.mirror span') ?? [])].map((span) => span.className + ':' + span.textContent))`;

test('in Firefox the background runs the checker itself: spelling and Harper’s grammar are underlined in a textarea', async () => {
  await firefox.open(`${pages.url}/text-fields.html`);
  await firefox.evaluate(`(() => {
    const comments = document.getElementById('comments');
    comments.focus();
    comments.value = 'The learner acheived it and i think so.';
    comments.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    return true;
  })()`);
  // Harper's capital "I" comes once its WebAssembly has loaded in the worker: a few seconds on a busy machine.
  await expect
    .poll(async () => JSON.parse(await firefox.evaluate<string>(mirrorUnderlines)), { timeout: 60_000 })
    .toEqual(['spelling:acheived', 'grammar:i']);
  // The field itself is left as it was typed.
  expect(await firefox.evaluate<string>(`document.getElementById('comments').value`)).toBe(
    'The learner acheived it and i think so.',
  );
});
