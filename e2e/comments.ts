// Comment steps for the browser tests: selecting words in a field, the comments margin and its threads, adding a comment.
import { expect, type Page } from '@playwright/test';
import { editor } from './app.ts';

/** Selects words in a field as a mouse drag would (the words must lie in one paragraph). */
export async function selectWords(page: Page, label: string, words: string): Promise<void> {
  await editor(page, label).evaluate(async (element, words) => {
    (element as HTMLElement).focus();
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const text = nodes.map((node) => node.data).join('');
    const start = text.indexOf(words);
    if (start < 0) throw new Error(`"${words}" is not in the field`);
    const at = (offset: number, preferNext: boolean) => {
      let passed = 0;
      for (const node of nodes) {
        if (offset < passed + node.data.length || (!preferNext && offset === passed + node.data.length))
          return { node, offset: offset - passed };
        passed += node.data.length;
      }
      const last = nodes.at(-1)!;
      return { node: last, offset: last.data.length };
    };
    const from = at(start, true);
    const to = at(start + words.length, false);
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  }, words);
  await selectionTaken(page, label);
}

/**
 * Waits (up to 2 s) until the field's editor has taken the browser's selection: after selecting from a script, or
 * after a key the browser moves the caret for (arrows, Home, End). The editor takes it when the browser's
 * "selectionchange" task runs, and input can be handled ahead of that task (more often on a busy machine): a key the
 * editor handles itself (Enter, Backspace) pressed before then acts where the caret was before.
 */
export async function selectionTaken(page: Page, label: string): Promise<void> {
  await editor(page, label).evaluate(async (element) => {
    type View = {
      state: { selection: { anchor: number; head: number } };
      posAtDOM(node: Node, offset: number): number;
    };
    const view = (element as HTMLElement & { editor?: { view: View } }).editor?.view;
    const selection = document.getSelection();
    if (!view || !selection) return;
    const taken = () => {
      const { anchorNode, anchorOffset, focusNode, focusOffset } = selection;
      if (!anchorNode || !focusNode || !element.contains(anchorNode)) return true;
      try {
        const { anchor, head } = view.state.selection;
        return anchor === view.posAtDOM(anchorNode, anchorOffset) && head === view.posAtDOM(focusNode, focusOffset);
      } catch {
        return true;
      }
    };
    const started = performance.now();
    while (!taken() && performance.now() - started < 2000) await new Promise((resolve) => setTimeout(resolve, 10));
  });
}

/** The comments margin beside the report. */
export const margin = (page: Page) => page.getByRole('complementary', { name: 'Comments' });
/** A thread in the margin, by its text. */
export const thread = (page: Page, text: string) => margin(page).locator('li.thread').filter({ hasText: text });

/** Selects `words` in a field and comments on them, with the button or the shortcut. */
export async function addComment(
  page: Page,
  label: string,
  words: string,
  text: string,
  how: 'button' | 'shortcut' = 'button',
): Promise<void> {
  await selectWords(page, label, words);
  if (how === 'button') await page.getByRole('button', { name: 'Add comment (Ctrl+Alt+M)' }).click();
  else await page.keyboard.press('Control+Alt+KeyM');
  const box = margin(page).getByLabel('Your comment (Escape cancels)');
  await expect(box).toBeFocused();
  await box.fill(text);
  await margin(page).getByRole('button', { name: 'Post comment' }).click();
  await expect(thread(page, text)).toBeVisible();
}
