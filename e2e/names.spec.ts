// A name is asked once per device, the first time someone acts through a link (a comment, a decision), never to
// read: the dialog is labelled, keeps focus, refuses an empty name, Escape cancels without acting, and focus goes
// back. The name given is what the others see, with the role in the report's own words: in the comments, the
// history the relay records, and "Who is here" at once.
import type { Page } from '@playwright/test';
import { makeShareLink } from './access-links.ts';
import { completeSessionReport, createSessionReport, editor, editorText, signIn, submitReport } from './app.ts';
import { selectWords } from './comments.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const progress = 'Comment on progress towards learning objectives';
const nameDialog = (page: Page) => page.getByRole('dialog', { name: 'Your name' });
const margin = (page: Page) => page.getByRole('complementary', { name: 'Comments' });
const thread = (page: Page, text: string) => margin(page).locator('li.thread').filter({ hasText: text });
const history = (page: Page) => page.getByRole('region', { name: 'History' }).getByRole('listitem');
const whoIsHere = (page: Page) => page.getByRole('list', { name: 'Who is here' });

/** Selects words and starts a comment on them, up to the Post button. */
async function writeComment(page: Page, words: string, text: string): Promise<void> {
  await selectWords(page, progress, words);
  await page.getByRole('button', { name: 'Add comment (Ctrl+Alt+M)' }).click();
  await margin(page).getByLabel('Your comment (Escape cancels)').fill(text);
}

test('a reviewer reads without being asked, is asked their name once when they first act, and is shown by it as the report words their role', async ({
  browser,
  relay,
}) => {
  test.setTimeout(180_000);
  const contexts = await Promise.all([1, 2].map(() => browser.newContext()));
  const [tutorContext, reviewerContext] = contexts;
  try {
    const tutor = await tutorContext.newPage();
    await createSessionReport(tutor, relay.url, { learner: 'Noor Ahmed', subject: 'History' });
    await editor(tutor, progress).pressSequentially('Dated the Stuarts.');
    await completeSessionReport(tutor, 'Noor Ahmed');
    const reviewerLink = await makeShareLink(tutor, 'reviewer');

    // Reading never asks: the reviewer's device has no name, and the report opens as it is.
    const reviewer = await reviewerContext.newPage();
    await reviewer.goto(reviewerLink);
    await expect.poll(() => editorText(reviewer, progress)).toBe('Dated the Stuarts.');
    await submitReport(tutor);
    await expect(reviewer.getByText('Status: Submitted')).toBeVisible();
    await expect(nameDialog(reviewer)).toHaveCount(0);

    // The first action asks; Escape cancels it, and nothing is decided.
    const approve = reviewer.getByRole('button', { name: 'Approve report' });
    await approve.click();
    await expect(nameDialog(reviewer)).toBeVisible();
    await expect(nameDialog(reviewer)).toHaveAccessibleDescription(
      'Shown to others with your comments, decisions and signatures. Margin asks once on this device.',
    );
    await expect(nameDialog(reviewer).getByRole('textbox', { name: 'Your name' })).toBeFocused();
    // Focus stays in the dialog: Tab goes round its controls, and the page behind it is inert.
    for (const control of ['Save and continue', 'Cancel']) {
      await reviewer.keyboard.press('Tab');
      await expect(nameDialog(reviewer).getByRole('button', { name: control })).toBeFocused();
    }
    await reviewer.keyboard.press('Tab');
    await expect(nameDialog(reviewer).getByRole('textbox', { name: 'Your name' })).toBeFocused();
    await reviewer.keyboard.press('Shift+Tab');
    await expect(nameDialog(reviewer).getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectAccessible(reviewer);
    await reviewer.keyboard.press('Escape');
    await expect(nameDialog(reviewer)).toHaveCount(0);
    await expect(approve).toBeFocused();
    await expect(reviewer.getByText('Status: Submitted')).toBeVisible();
    await expect(history(reviewer)).toHaveCount(1);

    // Cancel is the same; the comment being written stays, not posted.
    await writeComment(reviewer, 'the Stuarts', 'Which years?');
    const post = margin(reviewer).getByRole('button', { name: 'Post comment' });
    await post.click();
    await nameDialog(reviewer).getByRole('button', { name: 'Cancel' }).click();
    await expect(nameDialog(reviewer)).toHaveCount(0);
    await expect(post).toBeFocused();
    await expect(margin(reviewer).getByLabel('Your comment (Escape cancels)')).toHaveValue('Which years?');
    await expect(margin(reviewer).locator('li.thread')).toHaveCount(0);

    // An empty name is refused with a message; a name given posts the comment under it.
    await post.click();
    const name = nameDialog(reviewer).getByRole('textbox', { name: 'Your name' });
    await name.fill('   ');
    await nameDialog(reviewer).getByRole('button', { name: 'Save and continue' }).click();
    await expect(nameDialog(reviewer).getByRole('alert')).toHaveText('Enter your name to continue.');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toBeFocused();
    await expectAccessible(reviewer);
    await name.fill('Rita Patel');
    await name.press('Enter');
    await expect(nameDialog(reviewer)).toHaveCount(0);
    for (const page of [reviewer, tutor])
      await expect(thread(page, 'Which years?')).toContainText('Rita Patel (Reviewer)');

    // The next action is not asked again, and the relay records the name given.
    await approve.click();
    await expect(tutor.getByText('Status: Approved')).toBeVisible();
    await expect(nameDialog(reviewer)).toHaveCount(0);
    for (const page of [reviewer, tutor]) {
      await expect(history(page).last()).toHaveText(/^Approved by Rita Patel \(reviewer\), /);
      await expect(page.getByRole('region', { name: 'Report status' })).toContainText('(Rita Patel, reviewer, ');
    }

    // Kept on the device: after a reload, a reply is not asked either.
    await reviewer.reload();
    const reviewerThread = thread(reviewer, 'Which years?');
    await reviewerThread.getByRole('button', { name: 'Reply' }).click();
    await reviewerThread.getByLabel('Your reply').fill('Thank you.');
    await reviewerThread.getByRole('button', { name: 'Send reply' }).click();
    await expect(thread(tutor, 'Thank you.')).toContainText(/Rita Patel \(Reviewer\).*Thank you\./s);
    await expect(nameDialog(reviewer)).toHaveCount(0);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});

test('someone with no name is shown by their role in the report’s words, and by their name as soon as they give it', async ({
  browser,
  relay,
}) => {
  test.setTimeout(120_000);
  const contexts = await Promise.all([1, 2].map(() => browser.newContext()));
  const [tutorContext, mentorContext] = contexts;
  try {
    const tutor = await tutorContext.newPage();
    await createSessionReport(tutor, relay.url, { learner: 'Oli Grant', subject: 'Maths' });
    await editor(tutor, progress).pressSequentially('Counted in sevens.');
    const mentor = await mentorContext.newPage();
    await mentor.goto(await makeShareLink(tutor, 'mentor'));
    await expect.poll(() => editorText(mentor, progress)).toBe('Counted in sevens.');
    await expect(whoIsHere(tutor).getByRole('listitem')).toHaveText(['Grace Hopper (tutor, you)', 'Mentor (mentor)']);

    await writeComment(mentor, 'in sevens', 'Try nines next.');
    await margin(mentor).getByRole('button', { name: 'Post comment' }).click();
    await nameDialog(mentor).getByRole('textbox', { name: 'Your name' }).fill('Mo Mentor');
    await nameDialog(mentor).getByRole('button', { name: 'Save and continue' }).click();
    await expect(thread(tutor, 'Try nines next.')).toContainText('Mo Mentor (Mentor)');
    await expect(whoIsHere(tutor).getByRole('listitem')).toHaveText([
      'Grace Hopper (tutor, you)',
      'Mo Mentor (mentor)',
    ]);
    await expect(whoIsHere(mentor).getByRole('listitem')).toHaveText([
      'Mo Mentor (mentor, you)',
      'Grace Hopper (tutor)',
    ]);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});

test('a link made for a named person shows that name with everything its holder does, without asking, whatever their device was given', async ({
  browser,
  relay,
}) => {
  test.setTimeout(180_000);
  const contexts = await Promise.all([1, 2].map(() => browser.newContext()));
  const [tutorContext, reviewerContext] = contexts;
  try {
    const tutor = await tutorContext.newPage();
    await createSessionReport(tutor, relay.url, { learner: 'Noor Ahmed', subject: 'History' });
    await editor(tutor, progress).pressSequentially('Dated the Stuarts.');
    await completeSessionReport(tutor, 'Noor Ahmed');
    await tutor.locator('details.share summary').click();
    await tutor.getByLabel('Who is the link for?').selectOption('reviewer');
    await tutor.getByLabel('Their name (optional)').fill('  Rita   Reviewer ');
    await tutor.getByRole('button', { name: 'Make link' }).click();
    await expect(
      tutor.getByRole('status').filter({ hasText: 'Link for Rita Reviewer, as reviewer, made.' }),
    ).toBeVisible();
    await expect(tutor.locator('.share-links')).toContainText('Reviewer link for Rita Reviewer, made');
    await expectAccessible(tutor);
    const ritasLink = await tutor.getByLabel('Link to send').inputValue();

    // The device was given another name; the link's is the one shown, and nobody is asked.
    const reviewer = await reviewerContext.newPage();
    await signIn(reviewer, relay.url, 'Somebody Else');
    await reviewer.goto(ritasLink);
    await expect.poll(() => editorText(reviewer, progress)).toBe('Dated the Stuarts.');
    await submitReport(tutor);
    await expect(reviewer.getByText('Status: Submitted')).toBeVisible();
    await writeComment(reviewer, 'the Stuarts', 'Which years?');
    await margin(reviewer).getByRole('button', { name: 'Post comment' }).click();
    await expect(nameDialog(reviewer)).toHaveCount(0);
    for (const page of [reviewer, tutor])
      await expect(thread(page, 'Which years?')).toContainText('Rita Reviewer (Reviewer)');
    await reviewer.getByRole('button', { name: 'Approve report' }).click();
    await expect(tutor.getByText('Status: Approved')).toBeVisible();
    await expect(history(tutor).last()).toHaveText(/^Approved by Rita Reviewer \(reviewer\), /);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});
