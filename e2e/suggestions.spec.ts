// Suggested edits through the real relay, with three people in their own browser profiles: a reviewer and a mentor
// switch a field to Suggest and type; the suggestions arrive in the tutor's editor live (or, made offline, when the
// connection returns) as tracked changes with their author, never as content; the tutor accepts one (its words become
// the report's) and rejects another, then accepts the rest at once.
import type { Browser, Page } from '@playwright/test';
import { makeShareLink } from './access-links.ts';
import { createSessionReport, editor, signIn } from './app.ts';
import { selectWords, selectionTaken } from './comments.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const progress = 'Comment on progress towards learning objectives';
const original = 'Added 8 of 10 pairs correctly.';

/** The field's content as its editor holds it: its paragraphs without the suggestions' words drawn among them. */
const editorText = (page: Page, label: string) =>
  editor(page, label).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const drawn of copy.querySelectorAll('ins.suggestion-insert, del.suggestion-break')) drawn.remove();
    return Array.from(copy.querySelectorAll('p'))
      .map((p) => p.textContent ?? '')
      .join('\n');
  });

async function people(browser: Browser, count: number) {
  const contexts = await Promise.all(Array.from({ length: count }, () => browser.newContext()));
  const pages = await Promise.all(contexts.map((context) => context.newPage()));
  return { pages, close: () => Promise.all(contexts.map((context) => context.close())) };
}

const panel = (page: Page) => page.getByRole('region', { name: /Suggested edits/ });
const suggestion = (page: Page, text: string) => panel(page).locator('li.suggestion').filter({ hasText: text });
const inserted = (page: Page) =>
  page
    .locator('#progressComment ins.suggestion-insert')
    .evaluateAll((all) => all.map((ins) => ins.firstChild?.textContent));
const struck = (page: Page) =>
  page.locator('#progressComment del.suggestion-delete').evaluateAll((all) => all.map((del) => del.textContent));

/** Presses the field's Suggest switch on. */
async function suggestIn(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: `Suggest edits in ${progress}` });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(editor(page, progress)).toHaveAttribute('contenteditable', 'true');
}

test('suggestions from a reviewer (live) and a mentor (offline) reach the tutor, who accepts and rejects them', async ({
  browser,
  relay,
}) => {
  test.setTimeout(180_000);
  const { pages, close } = await people(browser, 3);
  const [tutor, mentor, reviewer] = pages;
  try {
    await createSessionReport(tutor, relay.url, { learner: 'Cal Reyes', subject: 'Maths' });
    await editor(tutor, progress).pressSequentially(original);
    const reviewerLink = await makeShareLink(tutor, 'reviewer');
    const mentorLink = await makeShareLink(tutor, 'mentor');
    await signIn(reviewer, relay.url, 'Rita Reviewer');
    await reviewer.goto(reviewerLink);
    await signIn(mentor, relay.url, 'Mo Mentor');
    await mentor.goto(mentorLink);
    for (const page of [reviewer, mentor]) await expect.poll(() => editorText(page, progress)).toBe(original);
    await expect(editor(reviewer, progress)).toHaveAttribute('contenteditable', 'false');

    // The reviewer replaces "pairs" with "sums" in Suggest mode: a suggestion, not a change to the report.
    await suggestIn(reviewer);
    await selectWords(reviewer, progress, 'pairs');
    await reviewer.keyboard.type('sums');
    await expect.poll(() => inserted(reviewer)).toEqual(['sums']);
    await expect.poll(() => inserted(tutor)).toEqual(['sums']);
    await expect.poll(() => struck(tutor)).toEqual(['pairs']);
    await expect(tutor.locator('#progressComment ins.suggestion-insert')).toHaveAttribute(
      'title',
      /Suggested by Rita Reviewer \(Reviewer\)/,
    );
    await expect(suggestion(tutor, 'Replace “pairs” with “sums”')).toContainText('Rita Reviewer (Reviewer)');
    expect(await editorText(tutor, progress)).toBe(original);
    expect(await editorText(reviewer, progress)).toBe(original);
    // Only those who may change the report decide; the reviewer may withdraw their own.
    await expect(suggestion(reviewer, 'sums').getByRole('button', { name: 'Accept' })).toHaveCount(0);
    await expect(suggestion(reviewer, 'sums').getByRole('button', { name: 'Withdraw' })).toBeVisible();
    await expectAccessible(reviewer);

    // The mentor, offline, suggests words at the end of the sentence; they arrive when the connection returns.
    await mentor.context().setOffline(true);
    await expect(mentor.getByRole('status').filter({ hasText: 'offline' })).toBeVisible({ timeout: 20_000 });
    await suggestIn(mentor);
    await selectWords(mentor, progress, 'correctly');
    await mentor.keyboard.press('ArrowRight');
    await selectionTaken(mentor, progress);
    await mentor.keyboard.type(' today');
    await expect.poll(() => inserted(mentor)).toContain(' today');
    expect(await editorText(mentor, progress)).toBe(original);
    await expect(suggestion(tutor, 'today')).toHaveCount(0);
    await mentor.context().setOffline(false);
    await expect(suggestion(tutor, 'Add “ today”')).toContainText('Mo Mentor (Mentor)', { timeout: 20_000 });
    await expect.poll(() => inserted(tutor)).toEqual(['sums', ' today']);
    await expectAccessible(tutor);

    // The tutor accepts the reviewer's and rejects the mentor's: the accepted words are the report's, for everyone.
    await suggestion(tutor, 'sums').getByRole('button', { name: 'Accept' }).click();
    await suggestion(tutor, 'today').getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => editorText(tutor, progress)).toBe('Added 8 of 10 sums correctly.');
    for (const page of [reviewer, mentor]) {
      await expect.poll(() => editorText(page, progress)).toBe('Added 8 of 10 sums correctly.');
      await expect.poll(() => inserted(page)).toEqual([]);
      await expect(panel(page)).toHaveCount(0);
    }

    // Two more from the reviewer, accepted at once.
    await selectWords(reviewer, progress, '8 of 10');
    await reviewer.keyboard.type('eight of ten');
    await selectWords(reviewer, progress, 'Added');
    await reviewer.keyboard.press('Backspace');
    await expect(panel(tutor).locator('li.suggestion')).toHaveCount(2);
    await panel(tutor).getByRole('button', { name: 'Accept all' }).click();
    await expect(panel(tutor).getByRole('status')).toHaveText('2 suggestions accepted.');
    await expect.poll(() => editorText(reviewer, progress)).toBe(' eight of ten sums correctly.');

    // A new paragraph (Enter) and a join (Backspace at a paragraph's start) are suggestions too, drawn as ¶.
    await selectWords(reviewer, progress, 'sums');
    await reviewer.keyboard.press('ArrowRight');
    await selectionTaken(reviewer, progress);
    await reviewer.keyboard.press('Enter');
    await expect(suggestion(tutor, 'Start a new paragraph')).toContainText('Rita Reviewer (Reviewer)');
    await expect(tutor.locator('#progressComment ins.suggestion-insert .suggestion-break')).toHaveText('¶');
    expect(await editorText(reviewer, progress)).toBe(' eight of ten sums correctly.');
    await suggestion(tutor, 'Start a new paragraph').getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => editorText(reviewer, progress)).toBe(' eight of ten sums\n correctly.');
    await selectWords(reviewer, progress, 'correctly');
    await reviewer.keyboard.press('Home');
    await selectionTaken(reviewer, progress);
    await reviewer.keyboard.press('Backspace');
    await expect(suggestion(tutor, 'Join two paragraphs')).toBeVisible();
    await expect.poll(() => struck(tutor)).toEqual(['¶']);
    expect(await editorText(tutor, progress)).toBe(' eight of ten sums\n correctly.');
    await suggestion(tutor, 'Join two paragraphs').getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => editorText(reviewer, progress)).toBe(' eight of ten sums correctly.');
    await expectAccessible(tutor);

    // Words suggested for a field no one has written in yet.
    const engagement = 'Engagement comment';
    await reviewer.getByRole('button', { name: `Suggest edits in ${engagement}` }).click();
    await editor(reviewer, engagement).click();
    await reviewer.keyboard.type('Keen throughout.');
    await expect(suggestion(tutor, 'Add “Keen throughout.”')).toBeVisible();
    await suggestion(tutor, 'Keen throughout.').getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => editorText(mentor, engagement)).toBe('Keen throughout.');
  } finally {
    await close();
  }
});
