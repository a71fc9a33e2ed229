// The extension in a real Chromium on Margin's own addresses: its content script finds the fields on a page, the
// background and the offscreen checker check them, underlines are drawn (Highlight API for rich text, a mirror overlay
// for text controls), suggestions apply through the page's own input path (a ProseMirror and a CKEditor 5 editor's own
// documents take them), and the personal dictionary is shared with the app and kept in the extension's storage.
import { test, expect, type Page } from '@playwright/test';
import { createSessionReport, editor } from './app.ts';
import { expectAccessible } from './fixtures.ts';
import {
  type ChromeGlobal,
  highlighted,
  launchWithExtension,
  mirrorUnderlines,
  openPopupFor,
  serveTestPages,
  suggestionList,
  type ExtensionBrowser,
  type TestPages,
} from './extension-browser.ts';
import { startRelay } from './relay.ts';

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

async function open(path: string): Promise<Page> {
  // Text typed by an earlier test on the same page is kept by "Never lose work" and offered back over the
  // empty field (e2e/extension-submit.spec.ts tests that); these tests start without those copies.
  await (await browser.serviceWorker()).evaluate(async () => {
    const storage = (globalThis as unknown as ChromeGlobal).chrome.storage.local;
    const drafts = Object.keys(await storage.get(null)).filter((key) => key.startsWith('draft:'));
    await storage.remove(drafts);
  });
  const page = await browser.context.newPage();
  await page.goto(`${pages.url}/${path}`);
  return page;
}

async function storedWords(): Promise<Record<string, unknown>> {
  return (await browser.serviceWorker()).evaluate(() =>
    (globalThis as unknown as ChromeGlobal).chrome.storage.local.get(['personal-words', 'app-personal-words']),
  );
}

test('underlines a misspelt word in a contenteditable field, grammar in its own highlight, and skips opted-out fields', async () => {
  const page = await open('contenteditable.html');
  await page.getByRole('textbox', { name: 'Session notes' }).click();
  await page.keyboard.type('The learner acheived it and could of done more');

  // Fields with spellcheck="false", readonly or disabled hold misspellings too, and are left alone.
  await expect.poll(() => highlighted(page, 'margin-spelling')).toEqual(['acheived']);
  await expect.poll(() => highlighted(page, 'margin-grammar')).toEqual(['of']);
  await page.close();
});

test('checks fields added after the page has loaded, on localhost as well as 127.0.0.1', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${pages.url.replace('127.0.0.1', 'localhost')}/contenteditable.html`);
  await page.getByRole('button', { name: 'Add a field' }).click();
  await expect.poll(() => highlighted(page)).toEqual(['feild']);

  const late = await open('late-field.html');
  await expect(late.getByRole('textbox', { name: 'Session notes' })).toBeVisible();
  await expect.poll(() => mirrorUnderlines(late)).toEqual(['spelling:lerner']);
  await page.close();
  await late.close();
});

test('underlines words in a textarea and text inputs over the field, leaving the field itself alone, and skips e-mail, password and number inputs', async () => {
  const page = await open('text-fields.html');
  const comments = page.getByRole('textbox', { name: 'Comments' });
  await comments.fill('The learner acheived the objective');
  await page.getByRole('textbox', { name: 'Summary' }).fill('Teh summary');

  await expect.poll(() => mirrorUnderlines(page)).toEqual(['spelling:acheived', 'spelling:Teh']);
  // Nothing was added inside the field, and the mirror lies over it.
  await expect(comments).toHaveValue('The learner acheived the objective');
  const [fieldBox, mirrorBox] = await page.evaluate(() => {
    const mirror = document.querySelector('[data-margin-overlay]')!.shadowRoot!.querySelector<HTMLElement>('.mirror')!;
    const box = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return [rect.left, rect.top, rect.width, rect.height].map(Math.round);
    };
    return [box(document.getElementById('comments')!), box(mirror)];
  });
  expect(mirrorBox).toEqual(fieldBox);
  await page.close();
});

test('a suggestion clicked in a textarea replaces the word through the page’s own input events', async () => {
  const page = await open('text-fields.html');
  const comments = page.getByRole('textbox', { name: 'Comments' });
  await comments.fill('The learner acheived the objective');
  await expect.poll(() => mirrorUnderlines(page)).toEqual(['spelling:acheived']);

  // A click inside the underlined word opens the list beside it.
  await comments.click({ position: await wordPosition(page, 'comments', 'acheived') });
  const list = suggestionList(page);
  await expect(list).toBeVisible();
  await expectAccessible(page);
  await list.getByRole('button', { name: 'achieved', exact: true }).click();

  await expect(comments).toHaveValue('The learner achieved the objective');
  await expect(page.locator('#last-input')).toHaveText('comments insertText: The learner achieved the objective');
  await expect.poll(() => mirrorUnderlines(page)).toEqual([]);
  await page.close();
});

test('Alt+Enter in a misspelt word opens the suggestions from the keyboard; Enter applies the first', async () => {
  const page = await open('text-fields.html');
  const summary = page.getByRole('textbox', { name: 'Summary' });
  await summary.fill('Teh summary');
  await expect.poll(() => mirrorUnderlines(page)).toEqual(['spelling:Teh']);
  await summary.press('Home');
  await summary.press('ArrowRight');
  await summary.press('Alt+Enter');

  const list = suggestionList(page);
  await expect(list.getByRole('button', { name: 'The', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(summary).toHaveValue('The summary');
  await expect(page.locator('#last-input')).toHaveText('summary insertText: The summary');

  // Escape closes the list and gives the caret back to the field.
  await summary.fill('Teh summary');
  await expect.poll(() => mirrorUnderlines(page)).toEqual(['spelling:Teh']);
  await summary.press('Home');
  await summary.press('Control+.');
  await expect(list).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(summary).toBeFocused();
  await page.close();
});

test('in a Tiptap editor a suggestion goes through ProseMirror, whose own document changes', async () => {
  const page = await open('tiptap.html');
  const field = page.getByRole('textbox', { name: 'Progress comment' });
  await expect.poll(() => highlighted(page)).toEqual(['lerner']);
  await expect(field.locator('[class*="margin"], mark, span[style]')).toHaveCount(0);

  await field.click();
  await setCaretInside(page, 'lerner');
  await page.keyboard.press('Alt+Enter');
  await suggestionList(page).getByRole('button', { name: 'learner', exact: true }).click();

  await expect(page.locator('#editor-text')).toHaveText('The learner made good progress.');
  await expect.poll(() => highlighted(page)).toEqual([]);
  // The editor keeps working normally after the change.
  await field.press('End');
  await page.keyboard.type(' Wel done');
  await expect(page.locator('#editor-text')).toHaveText('The learner made good progress. Wel done');
  await expect.poll(() => highlighted(page)).toEqual(['Wel']);
  await page.close();
});

test('in a CKEditor 5 editor a suggestion goes through the editor’s own input, so its model holds the word and its undo takes it back', async () => {
  const page = await open('ckeditor.html');
  const field = page.getByRole('textbox', { name: /Progress comment/ });
  // The editor's own data, editor.getData(), read from its model at each change.
  const data = page.getByRole('status', { name: 'Progress comment data' });
  await expect(data).toHaveText('<p>The lerner made good progress.</p>');
  await expect.poll(() => highlighted(page)).toEqual(['lerner']);

  await field.click();
  await setCaretInside(page, 'lerner');
  await page.keyboard.press('Alt+Enter');
  await suggestionList(page).getByRole('button', { name: 'learner', exact: true }).click();

  await expect(data).toHaveText('<p>The learner made good progress.</p>');
  await expect(field).toHaveText('The learner made good progress.');
  await expect.poll(() => highlighted(page)).toEqual([]);

  // The editor's own undo takes the correction back, in its model and on the page, and the word is underlined again.
  await field.press('Control+z');
  await expect(data).toHaveText('<p>The lerner made good progress.</p>');
  await expect(field).toHaveText('The lerner made good progress.');
  await expect.poll(() => highlighted(page)).toEqual(['lerner']);
  await page.close();
});

test('"Add to dictionary" removes the underline, keeps the word in storage, and the options page can take it out again', async () => {
  const page = await open('contenteditable.html');
  const notes = page.getByRole('textbox', { name: 'Session notes' });
  await notes.click();
  await page.keyboard.type('Oluwaseun wrote well');
  await expect.poll(() => highlighted(page)).toEqual(['Oluwaseun']);
  await setCaretInside(page, 'Oluwaseun');
  await page.keyboard.press('Alt+Enter');
  await suggestionList(page).getByRole('button', { name: 'Add “Oluwaseun” to dictionary' }).click();

  await expect.poll(() => highlighted(page)).toEqual([]);
  await expect.poll(async () => (await storedWords())['personal-words']).toEqual(['Oluwaseun']);

  // A page opened later knows the word too.
  const later = await open('contenteditable.html');
  await later.getByRole('textbox', { name: 'Session notes' }).click();
  await later.keyboard.type('Oluwaseun and Oluwaseun’s techer');
  await expect.poll(() => highlighted(later)).toEqual(['techer']);

  // Removed on the options page, it is underlined again at once.
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const words = options.getByRole('list', { name: 'Words added in the extension' });
  await expect(words.getByRole('listitem')).toHaveText(['OluwaseunRemove']);
  await expectAccessible(options);
  await words.getByRole('button', { name: 'Remove Oluwaseun' }).click();
  await expect(options.getByText('No words added here yet.')).toBeVisible();
  await expect.poll(() => highlighted(later)).toEqual(['Oluwaseun', 'Oluwaseun’s', 'techer']);

  // Bad input is refused with the reason, and nothing is stored.
  await options.getByRole('textbox', { name: 'Add a word' }).fill('Ada Lovelace');
  await options.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(options.getByRole('alert')).toHaveText('Add one word at a time: "Ada Lovelace" is two words.');
  await options.getByRole('textbox', { name: 'Add a word' }).fill('techer');
  await options.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(words.getByRole('listitem')).toHaveText(['techerRemove']);
  await expect.poll(() => highlighted(later)).toEqual(['Oluwaseun', 'Oluwaseun’s']);
  await words.getByRole('button', { name: 'Remove techer' }).click();
  await Promise.all([page.close(), later.close(), options.close()]);
});

test('the options page switches grammar and advice off and on, and pages follow at once', async () => {
  const page = await open('contenteditable.html');
  await page.getByRole('textbox', { name: 'Session notes' }).click();
  await page.keyboard.type('He could of finished teh work');
  await expect.poll(() => highlighted(page, 'margin-grammar')).toEqual(['of']);

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const grammar = options.getByRole('checkbox', { name: 'Grammar' });
  await expect(grammar).toBeChecked();
  await grammar.press('Space');
  await expect(grammar).not.toBeChecked();
  await expect.poll(() => highlighted(page, 'margin-grammar')).toEqual([]);
  await expect.poll(() => highlighted(page, 'margin-spelling')).toEqual(['teh']);

  await grammar.check();
  await expect.poll(() => highlighted(page, 'margin-grammar')).toEqual(['of']);
  await Promise.all([page.close(), options.close()]);
});

test('the popup says nothing leaves the device, counts the findings on the page, and can be used with the keyboard', async () => {
  const page = await open('contenteditable.html');
  await page.getByRole('textbox', { name: 'Session notes' }).click();
  await page.keyboard.type('Teh learner acheived the objective');
  await expect.poll(() => highlighted(page)).toEqual(['Teh', 'acheived']);

  const popup = await openPopupFor(browser, page);
  await expect(popup.getByText('Nothing you type leaves this device.')).toBeVisible();
  await expect(popup.getByText('Always on for Margin’s own pages.')).toBeVisible();
  const status = popup.getByRole('status');
  await expect(status).toContainText('Checks are running on this page.');
  await expect(status).toContainText('2 findings in 1 text field.');
  await expectAccessible(popup);

  // Correct one word on the page; the popup's count changes when it is asked to check again.
  await page.getByRole('textbox', { name: 'Session notes' }).press('ControlOrMeta+a');
  await page.keyboard.type('The learner acheived the objective');
  await expect.poll(() => highlighted(page)).toEqual(['acheived']);
  await popup.keyboard.press('Tab');
  const checkAgain = popup.getByRole('button', { name: 'Check this page again' });
  await expect(checkAgain).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(status).toContainText('1 finding in 1 text field.');
  await Promise.all([page.close(), popup.close()]);
});

test('the popup says when Margin is not checking a page', async () => {
  const page = await browser.context.newPage();
  await page.goto('about:blank');
  const popup = await openPopupFor(browser, page);
  await expect(popup.getByRole('status')).toContainText('Margin is not checking this page.');
  await expect(popup.getByRole('button', { name: 'Check this page again' })).toHaveCount(0);
  await Promise.all([page.close(), popup.close()]);
});

test("takes the personal dictionary from Margin's app, and leaves the app's own fields to the app", async () => {
  const relay = await startRelay();
  try {
    const page = await browser.context.newPage();
    await createSessionReport(page, relay.url);
    const field = editor(page, 'Comment on progress towards learning objectives');
    await expect(field).toHaveAttribute('data-margin-checks', 'app');
    await field.click();
    await page.keyboard.type('Zainab acheived the objective');
    await expect.poll(() => field.locator('.check-spelling').allTextContents()).toEqual(['Zainab', 'acheived']);
    // The app underlines its own fields; the extension draws nothing there.
    await expect.poll(() => highlighted(page)).toEqual([]);

    // Added to the dictionary in the app, the word reaches the extension's storage.
    await field.locator('.check-spelling', { hasText: 'Zainab' }).click();
    await page.getByRole('button', { name: 'Add “Zainab” to my dictionary' }).click();
    await expect.poll(async () => (await storedWords())['app-personal-words']).toEqual(['Zainab']);

    // A field the app does not check, on the same page, is the extension's, and knows the app's words.
    await page.evaluate(() => {
      const notes = Object.assign(document.createElement('div'), {
        contentEditable: 'true',
        textContent: 'Zainab wrote extra notse',
      });
      notes.setAttribute('aria-label', 'Extra notes');
      document.body.append(notes);
    });
    await expect.poll(() => highlighted(page)).toEqual(['notse']);
    await page.close();
  } finally {
    await relay.stop();
  }
});

test('the offscreen checker runs the shared engine, and a new offscreen document gets the personal dictionary again', async () => {
  const worker = await browser.serviceWorker();
  const check = (text: string) =>
    worker.evaluate(
      async (text) =>
        (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage({
          to: 'offscreen',
          type: 'check-text',
          text,
        }),
      text,
    ) as Promise<{
      ok: boolean;
      value?: { findings: { rule: string; text: string }[] };
    }>;
  const rules = async (text: string) =>
    ((await check(text)).value?.findings ?? []).map((finding) => `${finding.rule}:${finding.text}`);

  await expect
    .poll(() => rules('He could of finished and we practiced.'))
    .toEqual(['grammar/could-of:of', 'grammar/practice-practise:practiced']);
  await expect
    .poll(() => rules('Then i read the book.'), { timeout: 30_000 })
    .toEqual(['grammar/harper/CapitalizePersonalPronouns:i']);

  // The dictionary is in storage; the offscreen document is closed (as Chrome may do), and the next
  // check from a page makes the background create a new one and hand it the words before checking.
  await worker.evaluate(() =>
    (globalThis as unknown as ChromeGlobal).chrome.storage.local.set({ 'personal-words': ['Kwabena'] }),
  );
  await expect.poll(() => rules('Kwabena read it')).toEqual([]);
  await worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.offscreen.closeDocument());
  const page = await open('contenteditable.html');
  await page.getByRole('textbox', { name: 'Session notes' }).click();
  await page.keyboard.type('Kwabena acheived it');
  await expect.poll(() => highlighted(page)).toEqual(['acheived']);
  expect(
    await worker.evaluate(
      async () =>
        (
          await (globalThis as unknown as ChromeGlobal).chrome.runtime.getContexts({
            contextTypes: ['OFFSCREEN_DOCUMENT'],
          })
        ).length,
    ),
  ).toBe(1);
  await worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.storage.local.remove('personal-words'));
  await page.close();
});

/** Where a word is drawn in a textarea, relative to the field, read from Margin's mirror. */
async function wordPosition(page: Page, fieldId: string, word: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ fieldId, word }) => {
      const overlay = document.querySelector('[data-margin-overlay]')!.shadowRoot!;
      const span = [...overlay.querySelectorAll<HTMLElement>('.mirror span')].find(
        (candidate) => candidate.textContent === word,
      )!;
      const wordBox = span.getBoundingClientRect();
      const fieldBox = document.getElementById(fieldId)!.getBoundingClientRect();
      return {
        x: wordBox.left - fieldBox.left + wordBox.width / 2,
        y: wordBox.top - fieldBox.top + wordBox.height / 2,
      };
    },
    { fieldId, word },
  );
}

/** Puts the caret two letters into the first occurrence of a word in the focused rich-text field. */
async function setCaretInside(page: Page, word: string): Promise<void> {
  await page.evaluate((word) => {
    const walker = document.createTreeWalker(document.activeElement ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(word);
      if (at < 0) continue;
      getSelection()!.collapse(node, at + 2);
      return;
    }
    throw new Error(`"${word}" is not in the focused field`);
  }, word);
}
