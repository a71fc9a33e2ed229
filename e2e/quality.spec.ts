// Quality observations in the browser, over a real relay: the QA team observes a tutor against the four
// competencies, sends written feedback, the tutor reads it through a share link and replies, and a second
// observation follows the first when there are concerns. Also the spot-check picker.
import type { Page } from '@playwright/test';
import { makeShareLink } from './access-links.ts';
import { editor, editorText, signIn } from './app.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

async function judgeAll(page: Page, judgement: string, except: Record<string, string> = {}): Promise<void> {
  for (const competency of [
    'interactions with pupils',
    'learning outcomes',
    'balance of session',
    'use of technology',
  ]) {
    await page.getByLabel(`Judgement: ${competency}`).selectOption(except[competency] ?? judgement);
  }
}

test('the QA team observes a tutor, the tutor replies to the feedback, and a second observation follows the concerns', async ({
  browser,
  relay,
}) => {
  test.setTimeout(180_000);
  const qa = await browser.newContext();
  const tutor = await browser.newContext();
  try {
    const page = await qa.newPage();
    await signIn(page, relay.url, 'Quinn Quality');
    await page.goto(`${relay.url}/quality`);
    await expect(page.getByRole('heading', { name: 'Quality observations' })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Tutor observed').fill('Tara Tutor');
    await page.getByLabel('Date of the session').fill('2026-11-20');
    await page.getByRole('button', { name: 'Start an observation' }).click();
    await page.waitForURL(/\/report\/[A-Za-z0-9_-]+$/);
    const firstUrl = page.url();
    await expect(page.getByText('Observation 1 of at most 3 for Tara Tutor')).toBeVisible();
    await expect(page.getByText('Being written: the tutor sees it once the feedback is sent')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'shared with the relay' })).toBeVisible();
    await expectAccessible(page);

    // Nothing is sent while judgements and feedback are missing.
    await page.getByRole('button', { name: 'Send feedback to the tutor' }).click();
    const problems = page.getByRole('region', { name: '5 things to fix before submitting' });
    await expect(problems.getByRole('listitem')).toHaveCount(5);
    await expect(problems).toContainText('Give a judgement for use of technology.');

    await page.getByRole('checkbox', { name: 'Builds a warm, professional rapport and uses pupils’ names' }).check();
    await page.getByRole('checkbox', { name: 'Spots and corrects misconceptions' }).check();
    await judgeAll(page, 'Effective', { 'use of technology': 'Cause for concern' });
    await expect(page.getByText('This observation raises concerns')).toBeVisible();
    await editor(page, 'Feedback for the tutor').pressSequentially(
      'Good rapport. Your microphone cut out often; try the audio check before the session.',
    );
    await page.getByRole('button', { name: 'Send feedback to the tutor' }).click();
    await expect(page.getByRole('button', { name: 'Send feedback to the tutor' })).toHaveCount(0);
    await expect(page.getByLabel('Judgement: use of technology')).toBeDisabled();
    await expect(page.getByText('Feedback sent to the tutor')).toBeVisible();
    const tutorLink = await makeShareLink(page, 'tutor');

    // The tutor reads the feedback and replies; the QA team sees the reply arrive.
    const tutorPage = await tutor.newPage();
    await tutorPage.goto(tutorLink);
    await tutorPage.waitForURL(firstUrl);
    await expect
      .poll(() => editorText(tutorPage, 'Feedback for the tutor'))
      .toBe('Good rapport. Your microphone cut out often; try the audio check before the session.');
    await expect(tutorPage.getByRole('checkbox', { name: 'Spots and corrects misconceptions' })).toBeChecked();
    await expect(tutorPage.getByRole('button', { name: /Start observation/ })).toHaveCount(0);
    await editor(tutorPage, 'Your reply to the feedback').pressSequentially(
      'Thank you. I will use a headset from now on.',
    );
    await expectAccessible(tutorPage);
    await expect
      .poll(() => editorText(page, 'Reply from the tutor'), { timeout: 10_000 })
      .toBe('Thank you. I will use a headset from now on.');
    await expect(editor(page, 'Reply from the tutor')).toHaveAttribute('contenteditable', 'false');

    // A second observation follows the concerns, linked to the first.
    await page.getByRole('button', { name: 'Start observation 2' }).click();
    await page.waitForURL((url) => url.href !== firstUrl && /\/report\//.test(url.pathname));
    await expect(page.getByText('Observation 2 of at most 3 for Tara Tutor')).toBeVisible();
    await expect(page.getByRole('link', { name: 'the first observation' })).toHaveAttribute(
      'href',
      new URL(firstUrl).pathname,
    );
    await judgeAll(page, 'Effective');
    await editor(page, 'Feedback for the tutor').pressSequentially('Clear audio throughout. Well done.');
    await page.getByRole('button', { name: 'Send feedback to the tutor' }).click();
    await expect(page.getByRole('button', { name: 'Send feedback to the tutor' })).toHaveCount(0);
    // No concerns now: no third observation is offered.
    await expect(page.getByRole('button', { name: /Start observation 3/ })).toHaveCount(0);

    await page.goto(`${relay.url}/quality`);
    await expect(page.getByRole('link', { name: 'Tara Tutor, observation 1' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Tara Tutor, observation 2' })).toBeVisible();
  } finally {
    await qa.close();
    await tutor.close();
  }
});

test('the spot-check picker proposes eligible new tutors, the same ones again for the same seed', async ({
  page,
  relay,
}) => {
  await page.goto(`${relay.url}/quality/spot-checks`);
  await expect(page.getByRole('heading', { name: 'Spot checks' })).toBeVisible();
  const tutors: [string, string][] = [
    ['Ann', '2'],
    ['Bob', '0'],
    ['Cy', '4'],
    ['Di', '3'],
    ['Ed', '9'],
  ];
  for (const [index, [name, sessions]] of tutors.entries()) {
    if (index > 0) await page.getByRole('button', { name: 'Add a tutor' }).click();
    await page.getByLabel(`Tutor ${index + 1}: name`).fill(name);
    await page.getByLabel('Sessions delivered').nth(index).fill(sessions);
  }
  await page.getByLabel('Seed').fill('week-48');
  await page.getByLabel('How many to pick').fill('2');
  await page.getByRole('button', { name: 'Pick tutors' }).click();
  const picks = page.getByRole('region', { name: 'Picked for a spot check' });
  await expect(picks).toContainText('3 of 5 tutors eligible.');
  await expect(picks.getByRole('listitem')).toHaveCount(2);
  const first = await picks.getByRole('listitem').allTextContents();
  for (const pick of first)
    expect(pick).toMatch(/^(Ann: observe session 3|Cy: observe session 5|Di: observe session 4)$/);
  await expectAccessible(page);

  // The list is kept; the same seed gives the same picks after a reload.
  await page.reload();
  await expect(page.getByLabel('Tutor 5: name')).toHaveValue('Ed');
  await page.getByLabel('Seed').fill('week-48');
  await page.getByLabel('How many to pick').fill('2');
  await page.getByRole('button', { name: 'Pick tutors' }).click();
  await expect(picks.getByRole('listitem')).toHaveText(first);

  // A row without a name, or with a count that is not a whole number, is named and nothing is picked.
  await page.getByLabel('Tutor 2: name').fill('');
  await page.getByLabel('Sessions delivered').nth(3).fill('2.5');
  await page.getByRole('button', { name: 'Pick tutors' }).click();
  await expect(page.getByRole('alert')).toContainText('Tutor 2: Give the tutor’s name.');
  await expect(page.getByRole('alert')).toContainText('Tutor 4: Sessions delivered is a whole number.');
  await expect(picks).toHaveCount(0);
});
