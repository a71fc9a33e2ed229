// The extension in the rich-text editors report sites use, each on a local page built from its own npm
// package (e2e/extension-*-editor.ts): the word is underlined, a suggestion (clicked, and from the
// keyboard with Alt+Enter) goes through the editor's own input path, so the editor's own model holds the
// corrected word (read from the editor, not the DOM) and the editor's own undo takes it back, and
// "Before you submit" sees the editor's text. TinyMCE keeps its editable body in an iframe (srcdoc in
// TinyMCE 7, about:blank written by script in the TinyMCE 6 page), where the content script runs too.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Frame, type Page } from '@playwright/test';
import {
  type ChromeGlobal,
  launchWithExtension,
  serveTestPages,
  suggestionList,
  type ExtensionBrowser,
  type TestPages,
} from './extension-browser.ts';
import type { EditorModel } from './extension-editor-model.ts';

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
  // Copies of typed text kept by "Never lose work" would be offered back over a field; these tests start without them.
  await (await browser.serviceWorker()).evaluate(async () => {
    const storage = (globalThis as unknown as ChromeGlobal).chrome.storage.local;
    const drafts = Object.keys(await storage.get(null)).filter((key) => key.startsWith('draft:'));
    await storage.remove(drafts);
  });
  const page = await browser.context.newPage();
  await page.goto(`${pages.url}/${path}`);
  await page.locator('body[data-editor-ready]').waitFor();
  return page;
}

/** The editor's own content, from its model (window.editorModel, set by the test page). */
const model = (page: Page) => page.evaluate(() => (window as { editorModel?: EditorModel }).editorModel!.content());
const undo = (page: Page) => page.evaluate(() => (window as { editorModel?: EditorModel }).editorModel!.undo!());
const focusEditor = (page: Page) => page.evaluate(() => (window as { editorModel?: EditorModel }).editorModel!.focus());

/** The text of every range in one of Margin's highlights in a document (the page, or an editor's frame). */
function highlightedIn(where: Page | Frame, name = 'margin-spelling'): Promise<string[]> {
  return where.evaluate((name) => {
    const ranges: string[] = [];
    CSS.highlights.get(name)?.forEach((range) => ranges.push((range as Range).toString()));
    return ranges;
  }, name);
}

/** Puts the caret two letters into the first occurrence of a word in a document's focused field. */
async function setCaretInside(where: Page | Frame, word: string): Promise<void> {
  await where.evaluate((word) => {
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

/** Where a word is drawn in a frame's document (or the page), in the page's coordinates (for a click on it). */
async function wordInFrame(frame: Frame, word: string): Promise<{ x: number; y: number }> {
  const inFrame = await wordAt(frame, word);
  const frameBox = (await (await frame.frameElement()).boundingBox())!;
  return { x: frameBox.x + inFrame.x, y: frameBox.y + inFrame.y };
}

function wordAt(where: Page | Frame, word: string): Promise<{ x: number; y: number }> {
  return where.evaluate((word) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(word);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    throw new Error(`"${word}" is not on the page`);
  }, word);
}

/**
 * An editor whose editable body is in an iframe of the page (about:blank or srcdoc): the content script in
 * the frame underlines the word, the list opens on the page, the correction lands in the editor's model
 * and its undo takes it back, and "Before you submit" on the page sees the frame's text.
 */
function testEditorInFrame(
  name: string,
  path: string,
  expected: {
    frame: string;
    before: string;
    after: string;
  },
) {
  test.describe(name, () => {
    const editorFrame = (page: Page) => page.frame({ url: /^about:/ })!;

    test('a suggestion from Alt+Enter or a click lands in the editor’s content, and its undo takes it back', async () => {
      const page = await open(path);
      const frame = editorFrame(page);
      expect(frame.url()).toBe(expected.frame);
      await expect.poll(() => highlightedIn(frame)).toEqual(['lerner']);
      // Nothing is drawn for the textarea the editor hides and stands in for: the editor is the field. (Under load
      // the extension may find the textarea before the editor replaces it; its underlines then hide with it.)
      await expect
        .poll(() =>
          page.evaluate(() =>
            [...(document.querySelector('[data-margin-overlay]')?.shadowRoot?.querySelectorAll('.mirror') ?? [])]
              .filter((mirror) => getComputedStyle(mirror).display !== 'none')
              .map((mirror) => mirror.textContent),
          ),
        )
        .toEqual([]);

      await focusEditor(page);
      await setCaretInside(frame, 'lerner');
      await page.keyboard.press('Alt+Enter');
      // The list opens on the page (the editor's frame is too small to hold it), with the focus on its first suggestion.
      const list = suggestionList(page);
      await expect(list.locator('button.suggestion').first()).toBeFocused();
      await list.getByRole('button', { name: 'learner', exact: true }).press('Enter');
      await expect.poll(() => model(page)).toBe(expected.after);
      await expect.poll(() => highlightedIn(frame)).toEqual([]);

      // The editor's own undo takes the correction back, in its model, and the word is underlined again.
      await undo(page);
      await expect.poll(() => model(page)).toBe(expected.before);
      await expect.poll(() => highlightedIn(frame)).toEqual(['lerner']);

      // A click on the underlined word opens the list too, drawn where the word is on the page.
      const word = await wordInFrame(frame, 'lerner');
      await page.mouse.click(word.x, word.y);
      const learner = list.getByRole('button', { name: 'learner', exact: true });
      await expect(learner).toBeVisible();
      const listBox = (await list.boundingBox())!;
      expect(listBox.y).toBeGreaterThan(word.y);
      expect(Math.abs(listBox.x - word.x)).toBeLessThan(120);
      await learner.click();
      await expect.poll(() => model(page)).toBe(expected.after);
      // A second correction, made after an undo, is undone too, from the keyboard in the editor as the user would
      // (CKEditor 4 records undo steps from keys only: Margin asks it for one through its own API, undo-steps.ts).
      await focusEditor(page);
      await page.keyboard.press('Control+z');
      await expect.poll(() => model(page)).toBe(expected.before);
      await page.close();
    });

    test('"Ignore" and "Add to dictionary" work in the editor, and the page’s panel sees the editor’s text', async () => {
      const page = await open(path);
      const frame = editorFrame(page);
      await expect.poll(() => highlightedIn(frame)).toEqual(['lerner']);

      // Before you submit, on the page, reads the text in the editor's frame.
      await page.getByRole('button', { name: 'Send report' }).click();
      const panel = page.getByRole('dialog', { name: 'Before you submit' });
      await expect(panel).toBeVisible();
      await expect(panel.getByRole('button', { name: /“lerner”/ })).toBeVisible();
      await panel.getByRole('button', { name: 'Go back' }).click();
      await expect(panel).toBeHidden();

      await focusEditor(page);
      await setCaretInside(frame, 'lerner');
      await page.keyboard.press('Alt+Enter');
      await suggestionList(page).getByRole('button', { name: 'Ignore' }).click();
      await expect.poll(() => highlightedIn(frame)).toEqual([]);
      expect(await model(page)).toBe(expected.before);

      await frame.locator('body').press('End');
      await page.keyboard.type(' Zanele wrote well.');
      await expect.poll(() => highlightedIn(frame)).toEqual(['Zanele']);
      await setCaretInside(frame, 'Zanele');
      await page.keyboard.press('Alt+Enter');
      await suggestionList(page).getByRole('button', { name: 'Add “Zanele” to dictionary' }).click();
      await expect.poll(() => highlightedIn(frame)).toEqual([]);
      const words = await (await browser.serviceWorker()).evaluate(() =>
        (globalThis as unknown as ChromeGlobal).chrome.storage.local.get('personal-words'),
      );
      expect(JSON.stringify(words)).toContain('Zanele');
      await (await browser.serviceWorker()).evaluate(() =>
        (globalThis as unknown as ChromeGlobal).chrome.storage.local.remove('personal-words'),
      );
      await page.close();
    });
  });
}

testEditorInFrame('TinyMCE 7', 'tinymce7.html', {
  frame: 'about:srcdoc',
  before: '<p>The lerner made good progress.</p>',
  after: '<p>The learner made good progress.</p>',
});
testEditorInFrame('TinyMCE 6', 'tinymce6.html', {
  frame: 'about:blank',
  before: '<p>The lerner made good progress.</p>',
  after: '<p>The learner made good progress.</p>',
});
testEditorInFrame('CKEditor 4', 'ckeditor4.html', {
  frame: 'about:blank',
  before: '<p>The lerner made good progress.</p>\n',
  after: '<p>The learner made good progress.</p>\n',
});

/**
 * An editor on the page itself (not in a frame): the misspelt "lerner" of its first paragraph is underlined,
 * a suggestion from Alt+Enter and from a click lands in the editor's own model, and the editor's own undo,
 * Ctrl+Z as the user presses it, takes each back (the second one made after an undo too); "Before you
 * submit" sees the editor's text.
 */
function testEditorOnPage(name: string, path: string, expected: { before: string; after: string }) {
  test(`${name}: a suggestion from Alt+Enter or a click lands in the editor’s model, and Ctrl+Z takes it back`, async () => {
    const page = await open(path);
    await expect.poll(() => highlightedIn(page)).toEqual(['lerner']);
    expect(await model(page)).toBe(expected.before);

    await focusEditor(page);
    await setCaretInside(page, 'lerner');
    await page.keyboard.press('Alt+Enter');
    const list = suggestionList(page);
    await expect(list.locator('button.suggestion').first()).toBeFocused();
    await list.getByRole('button', { name: 'learner', exact: true }).press('Enter');
    await expect.poll(() => model(page)).toBe(expected.after);
    await expect.poll(() => highlightedIn(page)).toEqual([]);

    await focusEditor(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => model(page)).toBe(expected.before);
    await expect.poll(() => highlightedIn(page)).toEqual(['lerner']);

    const word = await wordAt(page, 'lerner');
    await page.mouse.click(word.x, word.y);
    const learner = list.getByRole('button', { name: 'learner', exact: true });
    await expect(learner).toBeVisible();
    // Still open a moment later: the editor does not take the focus back from the list.
    await page.waitForTimeout(300);
    await expect(learner).toBeVisible();
    await learner.click();
    await expect.poll(() => model(page)).toBe(expected.after);
    await focusEditor(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => model(page)).toBe(expected.before);
    await page.close();
  });

  test(`${name}: "Before you submit" sees the editor’s text`, async () => {
    const page = await open(path);
    await expect.poll(() => highlightedIn(page)).toEqual(['lerner']);
    await page.getByRole('button', { name: 'Send report' }).click();
    const panel = page.getByRole('dialog', { name: 'Before you submit' });
    await expect(panel.getByRole('button', { name: /“lerner”/ })).toBeVisible();
    await panel.getByRole('button', { name: 'Go back' }).click();
    await expect(panel).toBeHidden();
    await page.close();
  });
}

testEditorOnPage('Lexical', 'lexical.html', {
  before: 'The lerner made good progress.',
  after: 'The learner made good progress.',
});
testEditorOnPage('Quill', 'quill.html', {
  before: 'The lerner made good progress.\n',
  after: 'The learner made good progress.\n',
});
testEditorOnPage('Slate', 'slate.html', {
  before: 'The lerner made good progress.',
  after: 'The learner made good progress.',
});
testEditorOnPage('Draft.js', 'draft.html', {
  before: 'The lerner made good progress.',
  after: 'The learner made good progress.',
});
testEditorOnPage('Trix', 'trix.html', {
  before: 'The lerner made good progress.\n',
  after: 'The learner made good progress.\n',
});

/** The copies "Never lose work" keeps of typed text, as the extension's storage holds them. */
async function keptCopies(): Promise<{ text: string; label: string }[]> {
  return (await browser.serviceWorker()).evaluate(async () => {
    const all = await (globalThis as unknown as ChromeGlobal).chrome.storage.local.get(null);
    return Object.entries(all)
      .filter(([key]) => key.startsWith('draft:'))
      .map(([, copy]) => {
        const { text, label } = copy as { text: string; label: string };
        return { text, label };
      });
  });
}

const lostText = 'Sam solved four of the five problems on his own.';

/**
 * "Restore what a site lost" in each editor: what is typed in an editor that starts empty (?empty, as a form
 * that came back after a time-out) is kept while typing, offered again over the empty editor after a reload,
 * and Restore writes it through the editor's own input path, so the editor's model holds it.
 */
function testRestoreIn(name: string, path: string, expected: { label: string; model: (text: string) => string }) {
  test(`${name}: typed text is kept, offered again after a reload, and Restore puts it in the editor’s model`, async () => {
    const page = await open(`${path}?empty`);
    await focusEditor(page);
    await page.keyboard.type(lostText);
    await expect.poll(() => model(page)).toBe(expected.model(lostText));
    await expect.poll(keptCopies).toEqual([{ text: lostText, label: expected.label }]);

    await page.reload();
    await page.locator('body[data-editor-ready]').waitFor();
    const prompt = page.getByRole('group', { name: `Restore lost text: ${expected.label}` });
    await expect(prompt).toContainText(/^Restore what you typed at \d\d:\d\d\?/);
    expect(await model(page)).toBe(expected.model(''));
    await prompt.getByRole('button', { name: 'Restore' }).click();
    await expect(prompt).toBeHidden();
    await expect.poll(() => model(page)).toBe(expected.model(lostText));
    await page.close();
  });
}

testRestoreIn('TinyMCE 7', 'tinymce7.html', {
  label: 'Session notes',
  model: (text) => (text ? `<p>${text}</p>` : ''),
});
testRestoreIn('TinyMCE 6', 'tinymce6.html', {
  label: 'Session notes',
  model: (text) => (text ? `<p>${text}</p>` : ''),
});
testRestoreIn('CKEditor 4', 'ckeditor4.html', {
  label: 'Session notes',
  model: (text) => (text ? `<p>${text}</p>\n` : ''),
});
testRestoreIn('Quill', 'quill.html', { label: 'Progress comment', model: (text) => `${text}\n` });
testRestoreIn('Lexical', 'lexical.html', { label: 'Progress comment', model: (text) => text });
testRestoreIn('Slate', 'slate.html', { label: 'Progress comment', model: (text) => text });
testRestoreIn('Trix', 'trix.html', { label: 'Progress comment', model: (text) => `${text}\n` });
testRestoreIn('Draft.js', 'draft.html', { label: 'Progress comment', model: (text) => text });
testRestoreIn('Tiptap', 'tiptap.html', { label: 'Progress comment', model: (text) => text });

test('TinyMCE 7: text typed just before leaving is kept; the prompt sits on the page over the editor’s frame, and Forget forgets it', async () => {
  const page = await open('tinymce7.html?empty');
  await focusEditor(page);
  await page.keyboard.type('Sam needs more time');
  // Gone at once, before the half-second pause after typing is up: the copy is written as the page goes.
  await page.goto(`${pages.url}/contenteditable.html`);
  await expect.poll(keptCopies).toEqual([{ text: 'Sam needs more time', label: 'Session notes' }]);

  await page.goto(`${pages.url}/tinymce7.html?empty`);
  await page.locator('body[data-editor-ready]').waitFor();
  // On the page itself (its own frame is the editor's content), before the frame in the keyboard order.
  const prompt = page.getByRole('group', { name: 'Restore lost text: Session notes' });
  await expect(prompt).toContainText(/^Restore what you typed at \d\d:\d\d\?/);
  const axe = await new AxeBuilder({ page }).include('[data-margin-panel="restore"]').analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  await prompt.getByRole('button', { name: 'Forget' }).click();
  await expect(prompt).toBeHidden();
  await expect.poll(keptCopies).toEqual([]);
  expect(await model(page)).toBe('');
  await page.reload();
  await page.locator('body[data-editor-ready]').waitFor();
  await page.waitForTimeout(1_000);
  await expect(prompt).toHaveCount(0);
  await page.close();
});

test('TinyMCE 7: once its form is sent, the copy kept of the editor’s text in its frame is cleared', async () => {
  const page = await open('tinymce7.html?empty');
  await focusEditor(page);
  await page.keyboard.type(lostText);
  await expect.poll(keptCopies).toEqual([{ text: lostText, label: 'Session notes' }]);
  // Nothing to change in the text: the form goes straight through to the page's own handler.
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Sent: /);
  await expect.poll(keptCopies).toEqual([]);
  await page.close();
});
