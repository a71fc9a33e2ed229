// Steps through the app as a tutor would, for the browser tests.
import { expect, type Page } from '@playwright/test';

export interface NewReport {
  learner?: string;
  subject?: string;
  tutor?: string;
}

/** Gives a name if asked, adds a learner and a session, and returns the URL of the session's report. */
export async function createSessionReport(page: Page, baseUrl: string, options: NewReport = {}): Promise<string> {
  const { learner = 'Ada Lovelace', subject = 'Maths', tutor = 'Grace Hopper' } = options;
  await page.goto(baseUrl);
  const nameField = page.getByLabel('Your name');
  const greeting = page.getByRole('heading', { name: /^Hello, / });
  await expect(nameField.or(greeting)).toBeVisible();
  if (await nameField.isVisible()) {
    await nameField.fill(tutor);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.getByLabel("Learner's name").fill(learner);
  await page.getByRole('button', { name: 'Add learner' }).click();
  await expect(page.getByRole('list').getByText(learner)).toBeVisible();
  await page.getByLabel('Learner', { exact: true }).selectOption({ label: learner });
  await page.getByLabel('Start').fill('13:00');
  await page.getByLabel('Finish').fill('13:45');
  await page.getByLabel('Subject').fill(subject);
  await page.getByRole('button', { name: 'Add session and write report' }).click();
  await page.waitForURL(/\/report\/[A-Za-z0-9_-]+$/);
  await expect(editor(page, 'Comment on progress towards learning objectives')).toBeVisible();
  return page.url();
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
