// A reader's view: whoever may not write a report reads it laid out for reading, with none of the writer's checks,
// hints, buttons or panels, and no checker running for them at all. Three readers, each in their own browser: a
// reviewer and a teacher once the report is submitted, a client once it is approved. The reviewer keeps their own
// tools (comments, approve, their share panel); a client makes no links, so has no share panel. Printing gives the
// writer the reader's view too.
import type { Page } from '@playwright/test';
import { makeShareLink } from './access-links.ts';
import { createSessionReport, editor, editorText, signIn, submitReport } from './app.ts';
import { addComment } from './comments.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const progress = 'Comment on progress towards learning objectives';
const objective = 'Learning objective 1';
const written = 'She recieved the poem well and read two verses aloud.';
const vague = 'To understand fractions';

/** The checks worker of the app's own checks, when it has been started on this page. */
const checksWorkers = (page: Page) => page.workers().filter((worker) => /checks/.test(worker.url()));

/** The writer's things, counted on the page: each is 0 in a reader's view. */
async function writersThings(page: Page): Promise<Record<string, number>> {
  return {
    underlines: await page.locator('.check-spelling, .check-grammar, .check-prompt').count(),
    checkSummaries: await page.locator('.check-summary').count(),
    spellingSummary: await page.getByText(/spelling mistakes?\. Alt\+Enter/).count(),
    smartPrompts: await page.getByText('This objective is not yet SMART', { exact: false }).count(),
    adviceLists: await page.locator('.check-prompts').count(),
    dismissButtons: await page.getByRole('button', { name: 'Dismiss' }).count(),
    formHints: await page.locator('.report-form .hint').count(),
    objectivesHint: await page.getByText('At least one learning objective, and no more than three').count(),
    counts: await page.locator('.report-form .count').count(),
    checkReport: await page.getByRole('button', { name: 'Check report' }).count(),
    payNotes: await page.locator('.pay-note').count(),
    addObjective: await page.getByRole('button', { name: 'Add another learning objective' }).count(),
  };
}

const none = {
  underlines: 0,
  checkSummaries: 0,
  spellingSummary: 0,
  smartPrompts: 0,
  adviceLists: 0,
  dismissButtons: 0,
  formHints: 0,
  objectivesHint: 0,
  counts: 0,
  checkReport: 0,
  payNotes: 0,
  addObjective: 0,
};

/** The report as written is there, laid out for reading, with "Paid session" as a labelled fact. */
async function expectReadersView(page: Page): Promise<void> {
  await expect.poll(() => editorText(page, progress)).toBe(written);
  await expect.poll(() => editorText(page, objective)).toBe(vague);
  await expect(editor(page, progress)).toHaveAttribute('contenteditable', 'false');
  await expect(page.locator('body')).toHaveClass(/\breading\b/);
  const paid = page.locator('dl.fact');
  await expect(paid.locator('dt')).toHaveText('Paid session');
  await expect(paid.locator('dd')).toHaveText('Yes');
  await expect.poll(() => writersThings(page)).toEqual(none);
  expect(checksWorkers(page)).toEqual([]);
}

test('a reviewer, a teacher and a client read a report with none of the writer’s checks, hints, buttons or panels', async ({
  browser,
  relay,
}) => {
  test.setTimeout(180_000);
  const contexts = await Promise.all([1, 2, 3, 4].map(() => browser.newContext()));
  const [tutorContext, reviewerContext, teacherContext, clientContext] = contexts;
  try {
    // The tutor writes, with a misspelling and an objective that is not SMART: the writer sees the checks.
    const tutor = await tutorContext.newPage();
    await createSessionReport(tutor, relay.url, { learner: 'Ivy Moss', subject: 'English' });
    await tutor.getByLabel('Attendance: Ivy Moss').selectOption('Present');
    await tutor.getByLabel('Session delivery').selectOption('In person');
    await editor(tutor, objective).click();
    await tutor.keyboard.insertText(vague);
    await tutor.getByLabel('Attainment for objective 1').selectOption('Achieved');
    await editor(tutor, progress).click();
    await tutor.keyboard.insertText(written);
    await tutor.getByLabel('Engagement with learning objectives').selectOption('Good');
    await tutor.getByLabel('Attitude to session').selectOption('Good');
    await editor(tutor, 'Engagement comment').click();
    await tutor.keyboard.insertText('Worked steadily throughout.');
    await expect(tutor.locator('#progressComment .check-spelling')).toHaveText('recieved');
    await expect(
      tutor.getByText('1 spelling mistake. Alt+Enter on an underlined word shows suggestions.'),
    ).toBeVisible();
    await expect(tutor.getByRole('list', { name: `Advice on ${objective}` })).toContainText(
      'This objective is not yet SMART',
    );
    await expect(tutor.getByText('At least one learning objective, and no more than three')).toBeVisible();
    await expect(tutor.getByRole('button', { name: 'Check report' })).toBeVisible();
    await expect(tutor.locator('.pay-note')).toHaveText(/^Paid session: the tutor is paid/);
    expect(checksWorkers(tutor)).toHaveLength(1);

    // On paper the writer gets the reader's view (what the field still draws, print.css hides); after printing,
    // the writer's again.
    await tutor.emulateMedia({ media: 'print' });
    await tutor.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect(tutor.locator('body')).toHaveClass(/\breading\b/);
    await expect(tutor.getByRole('button', { name: 'Check report' })).toHaveCount(0);
    await expect(tutor.getByText('At least one learning objective, and no more than three')).toHaveCount(0);
    await expect(tutor.locator('dl.fact dd')).toHaveText('Yes');
    await expect(
      tutor.locator('.hint:visible, .count:visible, .check-summary:visible, .check-prompts:visible, button:visible'),
    ).toHaveCount(0);
    await expect(tutor.locator('#progressComment .check-spelling')).toHaveCSS('text-decoration-line', 'none');
    await expect(tutor.getByText(written)).toBeVisible();
    await tutor.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await tutor.emulateMedia({ media: 'screen' });
    await expect(tutor.getByRole('button', { name: 'Check report' })).toBeVisible();
    await expect(tutor.locator('body')).not.toHaveClass(/\breading\b/);

    const reviewerLink = await makeShareLink(tutor, 'reviewer');
    const teacherLink = await makeShareLink(tutor, 'teacher');
    const clientLink = await makeShareLink(tutor, 'client');
    // The misspelling and the objective are warnings: the tutor submits with them.
    await submitReport(tutor);
    await expect(tutor.getByText('Status: Submitted')).toBeVisible();
    // Submitted, the tutor reads it too: no checks are left in the fields.
    await expect.poll(() => writersThings(tutor)).toEqual(none);

    // The reviewer reads it, and keeps their own tools: a comment, and approval.
    const reviewer = await reviewerContext.newPage();
    // Their device knows their name, so commenting asks for none (names.spec.ts tries the asking).
    await signIn(reviewer, relay.url, 'Rita Reviewer');
    await reviewer.goto(reviewerLink);
    await expect(reviewer.getByText('Status: Submitted')).toBeVisible();
    await expectReadersView(reviewer);
    await expect(reviewer.locator('details.share')).toHaveCount(1);
    await addComment(reviewer, progress, 'two verses', 'Which poem was it?');
    await expectAccessible(reviewer);

    // A teacher reads it once submitted, without the comment to the agency.
    const teacher = await teacherContext.newPage();
    await teacher.goto(teacherLink);
    await expect(teacher.getByText('Status: Submitted')).toBeVisible();
    await expectReadersView(teacher);
    await expect(teacher.getByRole('group', { name: 'For the agency' })).toHaveCount(0);
    await expectAccessible(teacher);

    await reviewer.getByRole('button', { name: 'Approve report' }).click();
    await expect(tutor.getByText('Status: Approved')).toBeVisible();

    // The client reads the approved report: none of the writer's things, and no share panel.
    const client = await clientContext.newPage();
    await client.goto(clientLink);
    await expect(client.getByText('Status: Approved')).toBeVisible();
    await expectReadersView(client);
    await expect(client.locator('details.share')).toHaveCount(0);
    await expect(client.getByText('Share this report')).toHaveCount(0);
    await expect(client.getByRole('button')).toHaveCount(0);
    await expectAccessible(client);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});
