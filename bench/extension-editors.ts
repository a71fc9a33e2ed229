// The built extension in each rich-text editor's test page (e2e/pages/, built from the editors' npm packages
// by the test server): from the last keystroke of a misspelt word to its underline, p95 over 20 words
// (debounce included: the content script waits 300 ms after the last key), read in the document that holds
// the editable (TinyMCE's and CKEditor 4's iframe, or the page); and the main thread's tasks over 50 ms while
// typing 10 words at the end of a 5,000-word TinyMCE 7 document. Needs .output/chrome-mv3.
import type { Frame, Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { extensionDir, launchWithExtension, serveTestPages } from '../e2e/extension-browser.ts';
import type { EditorModel } from '../e2e/extension-editor-model.ts';
import { MISSPELLINGS, untilWarm } from './extension-checks.ts';

interface EditorPage {
  name: string;
  path: string;
  /** Focuses the editor, with the caret at the end; returns the document the editable is in. */
  focus(page: Page): Promise<Page | Frame>;
}

const byModel = async (page: Page): Promise<Page | Frame> => {
  await page.locator('body[data-editor-ready]').waitFor();
  await page.evaluate(() => (window as { editorModel?: EditorModel }).editorModel!.focus());
  await page.keyboard.press('ControlOrMeta+End');
  return page.frame({ url: /^about:/ }) ?? page;
};
const byClick = (name: string | RegExp) => async (page: Page) => {
  await page.getByRole('textbox', { name }).click();
  await page.keyboard.press('ControlOrMeta+End');
  return page;
};

const editors: EditorPage[] = [
  { name: 'contenteditable', path: 'contenteditable.html', focus: byClick('Session notes') },
  { name: 'Tiptap', path: 'tiptap.html', focus: byClick('Progress comment') },
  { name: 'CKEditor 5', path: 'ckeditor.html', focus: byClick(/Progress comment/) },
  ...[
    ['TinyMCE 7', 'tinymce7'],
    ['TinyMCE 6', 'tinymce6'],
    ['CKEditor 4', 'ckeditor4'],
    ['Quill', 'quill'],
    ['Lexical', 'lexical'],
    ['Slate', 'slate'],
    ['Trix', 'trix'],
    ['Draft.js', 'draft'],
  ].map(([name, page]) => ({ name: name!, path: `${page}.html`, focus: byModel })),
];

// Run in the editable's document: when the last key went down there, and when the count of spelling
// underlines changed (read every frame). Text, so the bundler adds nothing the page does not have.
const watchScript = `(() => {
  const marks = { lastKey: 0, underlinedAt: [] };
  globalThis.__benchEditor = marks;
  addEventListener('keydown', () => (marks.lastKey = performance.now()), true);
  let last = -1;
  requestAnimationFrame(function look() {
    let count = 0;
    CSS.highlights?.get('margin-spelling')?.forEach(() => void count++);
    if (count !== last) marks.underlinedAt.push({ count, at: performance.now() });
    last = count;
    requestAnimationFrame(look);
  });
})()`;
type Marks = { lastKey: number; underlinedAt: { count: number; at: number }[] };
const marksIn = (where: Page | Frame) =>
  where.evaluate(() => (globalThis as unknown as { __benchEditor: Marks }).__benchEditor);

async function lastKeyToUnderline(page: Page, where: Page | Frame, rounds: number): Promise<number[]> {
  await where.evaluate(watchScript);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const before = (await marksIn(where)).underlinedAt.at(-1)?.count ?? 0;
    await page.keyboard.type(` ${MISSPELLINGS[round % MISSPELLINGS.length]}.`, { delay: 20 });
    await where.waitForFunction(
      (before) =>
        ((globalThis as unknown as { __benchEditor: Marks }).__benchEditor.underlinedAt.at(-1)?.count ?? 0) > before,
      before,
      { timeout: 30_000 },
    );
    const { lastKey, underlinedAt } = await marksIn(where);
    times.push(underlinedAt.at(-1)!.at - lastKey);
  }
  return times;
}

/** Long tasks while 10 words are typed at the end of a 5,000-word document in TinyMCE 7. */
async function longTasksInTinymce(page: Page, url: string): Promise<number[]> {
  await page.goto(url);
  await page.locator('body[data-editor-ready]').waitFor();
  await page.evaluate(() => {
    const sentence =
      'The learner worked through the fractions task with growing confidence and explained each step clearly. ';
    const paragraph = sentence.repeat(3).trim();
    const editor = (window as unknown as { tinymce: { activeEditor: { setContent(html: string): void } } }).tinymce
      .activeEditor;
    editor.setContent(Array.from({ length: 100 }, () => `<p>${paragraph} ${paragraph}</p>`).join(''));
  });
  const frame = await byModel(page);
  await page.waitForTimeout(1_500);
  await page.evaluate(() => {
    const tasks: number[] = [];
    (globalThis as unknown as { __tasks: number[] }).__tasks = tasks;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({
      type: 'longtask',
    });
  });
  await lastKeyToUnderline(page, frame, 10);
  return page.evaluate(() => (globalThis as unknown as { __tasks: number[] }).__tasks);
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;
const ms = (value: number) => `${Math.round(value)} ms`;

export async function extensionEditors(): Promise<string> {
  if (!existsSync(`${extensionDir}/manifest.json`))
    throw new Error('the extension is not built: run npm run build:extension');
  const pages = await serveTestPages();
  const browser = await launchWithExtension();
  try {
    await untilWarm(browser);
    const lines: string[] = [];
    for (const editor of editors) {
      const page = await browser.context.newPage();
      await page.goto(`${pages.url}/${editor.path}`);
      const where = await editor.focus(page);
      const times = await lastKeyToUnderline(page, where, 20);
      lines.push(`${editor.name}: p95 ${ms(p95(times))}, max ${ms(Math.max(...times))}`);
      await page.close();
    }
    const page = await browser.context.newPage();
    const tasks = await longTasksInTinymce(page, `${pages.url}/tinymce7.html`);
    await page.close();
    return [
      'last keystroke to underline, 20 words each (includes the 300 ms wait after typing):',
      ...lines.map((line) => `  ${line}`),
      `main-thread tasks over 50 ms while typing 10 words in a 5,000-word TinyMCE 7 document: ${tasks.length ? `${tasks.length}, longest ${ms(Math.max(...tasks))}` : 'none'}`,
    ].join('\n  ');
  } finally {
    await browser.close();
    await pages.close();
  }
}
