// Steps through the app as a tutor would, for the browser tests.
import { expect, type Page } from '@playwright/test';

export interface NewReport {
  learner?: string;
  subject?: string;
  tutor?: string;
}

/** Gives a name if asked, and waits for the home page. */
export async function signIn(page: Page, baseUrl: string, tutor = 'Grace Hopper'): Promise<void> {
  await page.goto(baseUrl);
  const nameField = page.getByLabel('Your name');
  const greeting = page.getByRole('heading', { name: /^Hello, / });
  await expect(nameField.or(greeting)).toBeVisible();
  if (await nameField.isVisible()) {
    await nameField.fill(tutor);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(greeting).toBeVisible();
  }
}

export interface NewAssignment {
  learners: string[];
  subject?: string;
  /** YYYY-MM-DD; the form's defaults (today, and twelve weeks on) when not given. */
  start?: string;
  end?: string;
  brief?: string;
}

/** Adds the learners (new ones) and an assignment for them, and returns the assignment page's URL. */
export async function createAssignment(page: Page, baseUrl: string, assignment: NewAssignment): Promise<string> {
  await page.goto(`${baseUrl}/assignments`);
  await expect(page.getByRole('heading', { name: 'Assignments and learners' })).toBeVisible();
  for (const learner of assignment.learners) {
    await page.getByLabel("Learner's name").fill(learner);
    await page.getByRole('button', { name: 'Add learner' }).click();
    await expect(page.getByRole('checkbox', { name: learner, exact: true })).toBeVisible();
  }
  for (const learner of assignment.learners) await page.getByRole('checkbox', { name: learner, exact: true }).check();
  await page.getByLabel('Subject').fill(assignment.subject ?? 'Maths');
  if (assignment.start) await page.getByLabel('Start date').fill(assignment.start);
  if (assignment.end) await page.getByLabel('End date').fill(assignment.end);
  if (assignment.brief) await page.getByLabel('Comments from the assignment brief').fill(assignment.brief);
  await page.getByRole('button', { name: 'Add assignment' }).click();
  await page.waitForURL(/\/assignment\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole('heading', { name: /^Assignment: / })).toBeVisible();
  return page.url();
}

/** On an assignment's page: adds a session and returns the URL of its report, once the report is open. */
export async function addSessionTo(
  page: Page,
  assignmentUrl: string,
  session: { date?: string; start?: string; finish?: string } = {},
): Promise<string> {
  if (page.url() !== assignmentUrl) await page.goto(assignmentUrl);
  if (session.date) await page.getByLabel('Session date').fill(session.date);
  await page.getByLabel('Start time').fill(session.start ?? '13:00');
  await page.getByLabel('Finish time').fill(session.finish ?? '13:45');
  await page.getByRole('button', { name: 'Add session and write report' }).click();
  await page.waitForURL(/\/report\/[A-Za-z0-9_-]+$/);
  await expect(editor(page, 'Comment on progress towards learning objectives')).toBeVisible();
  return page.url();
}

/** Gives a name if asked, adds a learner, an assignment and a session today, and returns the URL of the session's report. */
export async function createSessionReport(page: Page, baseUrl: string, options: NewReport = {}): Promise<string> {
  const { learner = 'Ada Lovelace', subject = 'Maths', tutor = 'Grace Hopper' } = options;
  await signIn(page, baseUrl, tutor);
  const assignmentUrl = await createAssignment(page, baseUrl, { learners: [learner], subject });
  return addSessionTo(page, assignmentUrl);
}

/** A free-text field of the report (a Tiptap editor) by its label. */
export const editor = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });

/** The field's text as its editor holds it, paragraphs joined by new lines. */
export async function editorText(page: Page, label: string): Promise<string> {
  return editor(page, label).evaluate((element) =>
    Array.from(element.querySelectorAll('p'))
      .map((p) => p.textContent ?? '')
      .join('\n'),
  );
}

/**
 * Fills what a one-learner session report needs to pass its submission checks, except the progress
 * comment, which tests write themselves.
 */
export async function completeSessionReport(page: Page, learner: string): Promise<void> {
  await page.getByLabel(`Attendance: ${learner}`).selectOption('Present');
  await page.getByLabel('Session delivery').selectOption('In person');
  await editor(page, 'Learning objective 1').click();
  await page.keyboard.insertText('Order five events on a timeline by the end of the session.');
  await page.getByLabel('Attainment for objective 1').selectOption('Achieved');
  await page.getByLabel('Engagement with learning objectives').selectOption('Good');
  await page.getByLabel('Attitude to session').selectOption('Good');
  await editor(page, 'Engagement comment').click();
  await page.keyboard.insertText('Worked steadily throughout.');
}

/**
 * Submits (or resubmits) the report as a tutor who has read the check: when it finds only writing warnings (whose
 * number may grow as grammar finishes loading), they are confirmed; errors still stop it, and the caller's own
 * expectation of the status then fails.
 */
export async function submitReport(page: Page, verb: 'Submit' | 'Resubmit' = 'Submit'): Promise<void> {
  await page.getByRole('button', { name: `${verb} report` }).click();
  const pastWarnings = page.getByRole('button', { name: new RegExp(`^${verb} with \\d+ warnings?$`) });
  const decided = page.getByText(verb === 'Submit' ? 'Status: Submitted' : 'Status: Resubmitted');
  await expect(pastWarnings.or(decided)).toBeVisible();
  if (await pastWarnings.isVisible()) await pastWarnings.click();
}
