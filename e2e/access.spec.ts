// Who may do what, in the browser: a reviewer's link opens the report read-only; a withdrawn link stops a live
// session; an expired link says so. Share links carry their token in the fragment (/join/<id>#token=...).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { Tokens } from '../relay/auth.ts';
import { makeShareLink } from './access-links.ts';
import { createSessionReport, editor, editorText } from './app.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const progress = 'Comment on progress towards learning objectives';

async function twoPeople(browser: Browser) {
  const tutor = await browser.newContext();
  const other = await browser.newContext();
  return { tutor, other, close: () => Promise.all([tutor.close(), other.close()]) };
}

/** Tokens signed with the relay's own secret, which it keeps in its data folder. */
const relayTokens = (dataDir: string) =>
  new Tokens(new TextEncoder().encode(readFileSync(join(dataDir, 'relay-secret'), 'utf8').trim()));

test('a reviewer’s link opens the report read-only, with its content', async ({ browser, relay }) => {
  const people = await twoPeople(browser);
  try {
    const tutorPage = await people.tutor.newPage();
    const url = await createSessionReport(tutorPage, relay.url, { learner: 'Dee Reid', subject: 'Science' });
    await editor(tutorPage, progress).pressSequentially('Labelled a plant cell.');
    const link = await makeShareLink(tutorPage, 'reviewer');
    expect(link).toMatch(new RegExp(`^${relay.url}/join/[A-Za-z0-9_-]+#token=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));

    const reviewer = await people.other.newPage();
    await reviewer.goto(link);
    await reviewer.waitForURL(url);
    await expect.poll(() => editorText(reviewer, progress)).toBe('Labelled a plant cell.');
    await expect(reviewer.getByText('Your link lets you read this report, not change it.')).toBeVisible();
    await expect(editor(reviewer, progress)).toHaveAttribute('contenteditable', 'false');
    await editor(reviewer, progress).click();
    await reviewer.keyboard.type('Reviewer typing');
    expect(await editorText(reviewer, progress)).toBe('Labelled a plant cell.');
    await expect(reviewer.getByLabel('Subject')).toBeDisabled();
    // A reviewer shares at or below their own role only, and cannot submit.
    await reviewer.locator('details.share summary').click();
    await expect(reviewer.getByLabel('Who is the link for?').locator('option')).toHaveText([
      'Reviewer',
      'Teacher',
      'Client',
    ]);
    await expect(reviewer.getByRole('button', { name: 'Submit report' })).toHaveCount(0);
    await expectAccessible(reviewer);
    expect(await editorText(tutorPage, progress)).toBe('Labelled a plant cell.');
  } finally {
    await people.close();
  }
});

test('a withdrawn link stops a live session at once', async ({ browser, relay }) => {
  const people = await twoPeople(browser);
  try {
    const tutorPage = await people.tutor.newPage();
    await createSessionReport(tutorPage, relay.url, { learner: 'Eve Moss' });
    await editor(tutorPage, progress).pressSequentially('Before.');
    const link = await makeShareLink(tutorPage, 'mentor');
    const mentor = await people.other.newPage();
    await mentor.goto(link);
    await expect.poll(() => editorText(mentor, progress)).toBe('Before.');

    const listed = tutorPage.locator('.share-links li').filter({ hasText: 'Mentor link' });
    await listed.getByRole('button', { name: /^Withdraw the mentor link/ }).click();
    await expect(tutorPage.getByRole('status').filter({ hasText: 'has been withdrawn' })).toBeVisible();
    await expect(listed).toContainText('withdrawn');

    await expect(mentor.getByRole('alert').filter({ hasText: 'This link has been withdrawn' })).toBeVisible();
    await expect(editor(mentor, progress)).toHaveAttribute('contenteditable', 'false');
    await editor(tutorPage, progress).click();
    await tutorPage.keyboard.press('End');
    await tutorPage.keyboard.type(' After.');
    await mentor.waitForTimeout(500);
    expect(await editorText(mentor, progress)).toBe('Before.');
    await mentor.reload();
    await expect(mentor.getByRole('alert').filter({ hasText: 'This link has been withdrawn' })).toBeVisible();
    await expectAccessible(mentor);
  } finally {
    await people.close();
  }
});

test('a link that expires says “This link has expired”, live and when opened later', async ({ browser, relay }) => {
  const people = await twoPeople(browser);
  try {
    const tutorPage = await people.tutor.newPage();
    const url = await createSessionReport(tutorPage, relay.url, { learner: 'Fay Long' });
    const reportId = new URL(url).pathname.split('/').pop()!;
    const tokens = relayTokens(relay.dataDir);
    // Long enough to open the report on a busy machine; the relay closes the connection when it runs out.
    const soon = await tokens.mint(reportId, 'reviewer', 12);

    const reviewer = await people.other.newPage();
    await reviewer.goto(`${relay.url}/join/${reportId}#token=${soon.token}`);
    await expect(editor(reviewer, progress)).toBeVisible();
    await expect(reviewer.getByRole('alert').filter({ hasText: 'This link has expired' })).toBeVisible({
      timeout: 25_000,
    });
    await expectAccessible(reviewer);

    const gone = await tokens.mint(reportId, 'reviewer', 60, Math.floor(Date.now() / 1000) - 3600);
    const later = await people.other.newPage();
    await later.goto(`${relay.url}/join/${reportId}#token=${gone.token}`);
    await expect(later.getByRole('alert')).toHaveText(
      'This link has expired. Ask the person who shared the report for a new one.',
    );
  } finally {
    await people.close();
  }
});

test('a share link without its token, or for another report, says what is wrong', async ({ page, relay }) => {
  await page.goto(`${relay.url}/join/someReport`);
  await expect(page.getByRole('alert')).toContainText('This link has no key to the report in it.');
  const { token } = await relayTokens(relay.dataDir).mint('anotherReport', 'reviewer', 60);
  const other = await page.context().newPage();
  await other.goto(`${relay.url}/join/someReport#token=${token}`);
  await expect(other.getByRole('alert')).toHaveText('This link is for another report.');
  await expectAccessible(other);
});

test('a report whose claim answer was lost on the way back is still its creator’s', async ({ page, relay }) => {
  // The first claim reaches the relay, but its answer never reaches the page (as when the page is left at once).
  let claims = 0;
  await page.route('**/api/reports', async (route) => {
    if (route.request().method() !== 'POST' || claims++ > 0) return route.continue();
    await route.fetch();
    await route.abort('connectionreset');
  });
  const url = await createSessionReport(page, relay.url, { learner: 'Lou Mason' });
  await expect(page.getByRole('status').filter({ hasText: 'shared with the relay' })).not.toBeVisible();
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'shared with the relay' })).toBeVisible();
  expect(claims).toBe(2);
  await editor(page, progress).pressSequentially('Read two chapters.');

  // Another device (another key) cannot claim the same id.
  const answer = await page.request.post(`${relay.url}/api/reports`, {
    data: { id: new URL(url).pathname.split('/').pop(), key: 'another-device-key-0123456789' },
  });
  expect(answer.status()).toBe(409);
});
