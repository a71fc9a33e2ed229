// Comments in the margin, through the real relay with several browser profiles: a reviewer comments on words
// and the tutor sees it arrive live with a count; replies, resolve and reopen, edits and deletions of one's
// own comments only; the highlight follows the words through concurrent edits and the thread stays, marked,
// when the words are deleted; comment text is only ever text; a rejection points at threads; a comment written
// offline arrives when the connection returns.
import type { Browser, Page } from '@playwright/test';
import { makeShareLink } from './access-links.ts';
import { completeSessionReport, createSessionReport, editor, editorText, signIn } from './app.ts';
import { addComment, margin, selectWords, thread } from './comments-in-margin.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const progress = 'Comment on progress towards learning objectives';
const engagement = 'Engagement comment';

/** Puts the caret just before the `n`th character of `words` in a field (0: before its first). */
async function caretInside(page: Page, label: string, words: string, n: number): Promise<void> {
  await editor(page, label).evaluate(
    (element, [words, n]) => {
      (element as HTMLElement).focus();
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let passed = 0;
      const nodes: Text[] = [];
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      const target =
        nodes
          .map((node) => node.data)
          .join('')
          .indexOf(words as string) + (n as number);
      for (const node of nodes) {
        if (target <= passed + node.data.length) {
          document.getSelection()!.collapse(node, target - passed);
          return;
        }
        passed += node.data.length;
      }
    },
    [words, n] as const,
  );
}

/** The words the highlights of a field cover, joined. */
const highlighted = (page: Page, fieldId: string) =>
  page.locator(`#${fieldId} .comment-highlight`).evaluateAll((spans) => spans.map((span) => span.textContent).join(''));

async function people(browser: Browser, count: number) {
  const contexts = await Promise.all(Array.from({ length: count }, () => browser.newContext()));
  const pages = await Promise.all(contexts.map((context) => context.newPage()));
  return { pages, close: () => Promise.all(contexts.map((context) => context.close())) };
}

test('a reviewer’s comment arrives live with a count; replies, resolve, reopen; only one’s own comments can be changed', async ({
  browser,
  relay,
}) => {
  test.setTimeout(120_000);
  const { pages, close } = await people(browser, 2);
  const [tutor, reviewer] = pages;
  try {
    await createSessionReport(tutor, relay.url, { learner: 'Cal Reyes', subject: 'Maths' });
    await editor(tutor, progress).pressSequentially('Added 8 of 10 pairs correctly.');
    const link = await makeShareLink(tutor, 'reviewer');
    await signIn(reviewer, relay.url, 'Rita Reviewer');
    await reviewer.goto(link);
    await expect.poll(() => editorText(reviewer, progress)).toBe('Added 8 of 10 pairs correctly.');
    await expect(editor(reviewer, progress)).toHaveAttribute('contenteditable', 'false');

    // The reviewer's field is read-only, yet words can be selected and commented on.
    await addComment(reviewer, progress, '8 of 10 pairs', 'Which pairs did they find hard?');
    await expect.poll(() => highlighted(reviewer, 'progressComment')).toBe('8 of 10 pairs');

    await expect(margin(tutor).getByRole('button', { name: '1 new comment' })).toBeVisible();
    await expect(thread(tutor, 'Which pairs did they find hard?')).toContainText('Rita Reviewer (Reviewer)');
    await expect(thread(tutor, 'Which pairs did they find hard?').locator('.tag.new')).toHaveText('New');
    await expect.poll(() => highlighted(tutor, 'progressComment')).toBe('8 of 10 pairs');
    await expectAccessible(tutor);
    // On a wide screen the thread sits beside its words.
    const besideWords = () =>
      tutor.evaluate(() => {
        const card = document.querySelector('li.thread')!.getBoundingClientRect();
        const words = document.querySelector('#progressComment .comment-highlight')!.getBoundingClientRect();
        return Math.abs(card.top - words.top) < 40 && card.left > words.right;
      });
    await expect.poll(besideWords).toBe(true);

    // Clicking the highlight shows its thread; the thread's quote selects the words.
    await tutor.locator('#progressComment .comment-highlight').first().click();
    await expect(thread(tutor, 'Which pairs did they find hard?')).toBeFocused();
    await expect(margin(tutor).getByRole('button', { name: '1 new comment' })).toHaveCount(0);
    await editor(tutor, engagement).click();
    await thread(tutor, 'Which pairs did they find hard?')
      .getByRole('button', { name: 'Show the words “8 of 10 pairs”' })
      .click();
    await expect.poll(() => tutor.evaluate(() => document.getSelection()?.toString())).toBe('8 of 10 pairs');

    // Found by id from here on: while a comment is edited its words are in a text box, not the page's text.
    const threadId = await thread(tutor, 'Which pairs did they find hard?').getAttribute('data-thread');
    const tutorThread = margin(tutor).locator(`li.thread[data-thread="${threadId}"]`);
    await tutorThread.getByRole('button', { name: 'Reply' }).click();
    await tutorThread.getByLabel('Your reply').fill('The ones with mixed numbers.');
    await tutorThread.getByRole('button', { name: 'Send reply' }).click();
    const reviewerThread = margin(reviewer).locator(`li.thread[data-thread="${threadId}"]`);
    await expect(reviewerThread).toContainText('The ones with mixed numbers.');

    // Only one's own comments have Edit and Delete.
    const reviewerOwn = reviewerThread.locator('li.comment').first();
    const tutorsReplyAtReviewer = reviewerThread.locator('li.comment').filter({ hasText: 'mixed numbers' });
    await expect(tutorsReplyAtReviewer.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await expect(tutorsReplyAtReviewer.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await expect(
      tutorThread.locator('li.comment').filter({ hasText: 'Which pairs' }).getByRole('button', { name: 'Edit' }),
    ).toHaveCount(0);
    await reviewerOwn.getByRole('button', { name: 'Edit' }).click();
    await reviewerOwn.getByLabel('Edit your comment').fill('Which pairs did they find hardest?');
    await reviewerOwn.getByRole('button', { name: 'Save' }).click();
    await expect(tutorThread).toContainText('Which pairs did they find hardest?');
    await expect(tutorThread.locator('li.comment').first()).toContainText('edited');

    const tutorsReply = tutorThread.locator('li.comment').filter({ hasText: 'mixed numbers' });
    await tutorsReply.getByRole('button', { name: 'Delete' }).click();
    await tutorsReply.getByRole('button', { name: 'Delete comment' }).click();
    await expect(reviewerThread.locator('li.comment').nth(1)).toHaveText(/Comment deleted/);
    await expect(reviewerThread).not.toContainText('mixed numbers');

    await reviewerThread.getByRole('button', { name: 'Resolve' }).click();
    await expect(tutorThread.locator('.tag.resolved-tag')).toHaveText('Resolved');
    await tutorThread.getByRole('button', { name: 'Reopen' }).click();
    await expect(reviewerThread.getByRole('button', { name: 'Resolve' })).toBeVisible();
    await expect(reviewerThread.locator('.tag.resolved-tag')).toHaveCount(0);

    // Away from the report, a new comment shows on the home page's entry for it.
    await tutor.goto(relay.url);
    const entry = tutor.getByRole('link', { name: /Cal Reyes/ }).first();
    await expect(entry).toBeVisible();
    await expect(entry).not.toContainText('new comment');
    await addComment(reviewer, progress, 'correctly', 'Say how you checked.', 'shortcut');
    await expect(entry).toContainText('1 new comment');
    await entry.click();
    await expect(margin(tutor).getByRole('button', { name: '1 new comment' })).toBeVisible();
    await margin(tutor).getByRole('button', { name: '1 new comment' }).click();
    await expect(thread(tutor, 'Say how you checked.')).toBeFocused();
  } finally {
    await close();
  }
});

test('a comment stays on its words while two people edit around and inside them, and is kept when they are deleted', async ({
  browser,
  relay,
}) => {
  test.setTimeout(120_000);
  const { pages, close } = await people(browser, 3);
  const [tutor, mentor, reviewer] = pages;
  try {
    await createSessionReport(tutor, relay.url, { learner: 'Dina Cole', subject: 'Maths' });
    await editor(tutor, progress).pressSequentially('Added 8 of 10 pairs correctly.');
    const mentorLink = await makeShareLink(tutor, 'mentor');
    const reviewerLink = await makeShareLink(tutor, 'reviewer');
    await mentor.goto(mentorLink);
    await reviewer.goto(reviewerLink);
    await expect.poll(() => editorText(reviewer, progress)).toBe('Added 8 of 10 pairs correctly.');
    await addComment(reviewer, progress, '8 of 10 pairs', 'Which pairs?');
    await expect.poll(() => highlighted(tutor, 'progressComment')).toBe('8 of 10 pairs');
    await expect.poll(() => highlighted(mentor, 'progressComment')).toBe('8 of 10 pairs');

    // The tutor types before the words and inside them while the mentor types at the end of the field and elsewhere.
    await caretInside(tutor, progress, '8 of 10 pairs', '8 of 10'.length);
    await caretInside(mentor, progress, 'correctly.', 'correctly.'.length);
    await Promise.all([
      tutor.keyboard.type(' matching', { delay: 20 }),
      (async () => {
        await mentor.keyboard.type(' Well done.', { delay: 20 });
        await editor(mentor, engagement).click();
        await mentor.keyboard.type('Focused.', { delay: 20 });
      })(),
    ]);
    await caretInside(tutor, progress, '8 of 10', 0);
    await tutor.keyboard.type('about ');

    const expected = 'Added about 8 of 10 matching pairs correctly. Well done.';
    for (const page of [tutor, mentor, reviewer]) {
      await expect.poll(() => editorText(page, progress)).toBe(expected);
      await expect.poll(() => highlighted(page, 'progressComment')).toBe('8 of 10 matching pairs');
    }

    // Deleting the words keeps the thread, marked as about removed text.
    await selectWords(tutor, progress, 'about 8 of 10 matching pairs ');
    await tutor.keyboard.press('Backspace');
    await expect.poll(() => editorText(mentor, progress)).toBe('Added correctly. Well done.');
    for (const page of [tutor, mentor, reviewer]) {
      await expect(thread(page, 'Which pairs?')).toContainText('About removed text: “8 of 10 pairs”');
      await expect(page.locator('#progressComment .comment-highlight')).toHaveCount(0);
    }
    await expectAccessible(reviewer);
  } finally {
    await close();
  }
});

test('comment text is only text, too long a comment is refused and kept, and a rejection points at threads', async ({
  browser,
  relay,
}) => {
  test.setTimeout(120_000);
  const { pages, close } = await people(browser, 2);
  const [tutor, reviewer] = pages;
  const dialogs: string[] = [];
  for (const page of pages) {
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }
  try {
    await createSessionReport(tutor, relay.url, { learner: 'Eli Ford', subject: 'History' });
    await editor(tutor, progress).pressSequentially('Dated the Tudors. Named six wives.');
    await completeSessionReport(tutor, 'Eli Ford');
    const link = await makeShareLink(tutor, 'reviewer');
    await signIn(reviewer, relay.url, 'Rita Reviewer');
    await reviewer.goto(link);
    await expect.poll(() => editorText(reviewer, progress)).toBe('Dated the Tudors. Named six wives.');

    const image = '<img src=x onerror=alert(1)>';
    const script = '<script>alert(2)</script>';
    await addComment(reviewer, progress, 'Dated the Tudors.', image);
    await addComment(reviewer, progress, 'six wives', script);
    for (const page of pages) {
      await expect(thread(page, image).locator('.comment-text')).toHaveText(image);
      await expect(thread(page, script).locator('.comment-text')).toHaveText(script);
      await expect(margin(page).locator('img, script')).toHaveCount(0);
    }

    // Too long: refused with the reason, and what was typed stays in the box.
    await selectWords(reviewer, progress, 'Named');
    await reviewer.getByRole('button', { name: 'Add comment (Ctrl+Alt+M)' }).click();
    await margin(reviewer).getByLabel('Your comment (Escape cancels)').fill('x'.repeat(2001));
    await margin(reviewer).getByRole('button', { name: 'Post comment' }).click();
    await expect(margin(reviewer).getByRole('alert')).toHaveText(
      'A comment can be at most 2,000 characters; this one is 2,001. Shorten it and send it again.',
    );
    await expect(margin(reviewer).getByLabel('Your comment (Escape cancels)')).toHaveValue('x'.repeat(2001));
    await reviewer.keyboard.press('Escape');
    await expect(margin(reviewer).getByLabel('Your comment (Escape cancels)')).toHaveCount(0);
    await expect(editor(reviewer, progress)).toBeFocused();

    await tutor.getByRole('button', { name: 'Submit report' }).click();
    await expect(reviewer.getByText('Status: Submitted')).toBeVisible();
    await reviewer.getByRole('button', { name: 'Send back with a reason…' }).click();
    await reviewer.getByLabel('Why is it sent back? The tutor will see this.').fill('See the comment on the wives.');
    const pointAt = reviewer.getByRole('group', { name: 'Point at comments' });
    await pointAt.getByRole('checkbox', { name: /six wives/ }).check();
    await expect(pointAt.getByRole('checkbox')).toHaveCount(2);
    await expectAccessible(reviewer);
    await reviewer.getByRole('button', { name: 'Send back to the tutor' }).click();

    await expect(tutor.getByText('Status: Rejected')).toBeVisible();
    const pointed = tutor.locator('.rejection-comments');
    await expect(pointed).toContainText('The reviewer points at these comments:');
    await expect(pointed.getByRole('button')).toHaveCount(1);
    await pointed.getByRole('button', { name: /“six wives”/ }).click();
    await expect(thread(tutor, script)).toBeFocused();
    expect(dialogs).toEqual([]);
  } finally {
    await close();
  }
});

test('a comment written offline reaches the others when the connection returns', async ({ browser, relay }) => {
  test.setTimeout(120_000);
  const { pages, close } = await people(browser, 2);
  const [tutor, mentor] = pages;
  try {
    await createSessionReport(tutor, relay.url, { learner: 'Fay Lund', subject: 'Maths' });
    await editor(tutor, progress).pressSequentially('Counted to fifty in fives.');
    await mentor.goto(await makeShareLink(tutor, 'mentor'));
    await expect.poll(() => editorText(mentor, progress)).toBe('Counted to fifty in fives.');

    await mentor.context().setOffline(true);
    await expect(mentor.getByRole('status').filter({ hasText: 'offline' })).toBeVisible({ timeout: 20_000 });
    await addComment(mentor, progress, 'in fives', 'Try tens next time.');
    await expect.poll(() => highlighted(mentor, 'progressComment')).toBe('in fives');

    await mentor.context().setOffline(false);
    await expect(thread(tutor, 'Try tens next time.')).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => highlighted(tutor, 'progressComment')).toBe('in fives');
    await expect(margin(tutor).getByRole('button', { name: '1 new comment' })).toBeVisible();
  } finally {
    await close();
  }
});
