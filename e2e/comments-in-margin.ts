// Comments in the report page's margin, as a person makes them: words selected as a mouse drag would, the
// comment written and posted, and the margin's threads found by their words.
import type { Page } from '@playwright/test';
import { editor } from './app.ts';
import { expect } from './fixtures.ts';

/** Selects words in a field as a mouse drag would (the words must lie in one paragraph). */
export async function selectWords(page: Page, label: string, words: string): Promise<void> {
  await editor(page, label).evaluate((element, words) => {
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
}

export const margin = (page: Page) => page.getByRole('complementary', { name: 'Comments' });
export const thread = (page: Page, text: string) => margin(page).locator('li.thread').filter({ hasText: text });

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
