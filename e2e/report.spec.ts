// Writing a session report: the fields, the live counts and limits, the check, and accessibility.
import { createSessionReport, editor, editorText } from './app.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

test('a tutor gives their name once, adds a learner and a session, and writes its report', async ({ page, relay }) => {
  await page.goto(relay.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Margin' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Enter your name to continue.')).toBeVisible();

  const url = await createSessionReport(page, relay.url, { learner: 'Ada Lovelace', subject: 'Maths' });
  await expect(page.getByRole('heading', { name: 'Session report: Ada Lovelace: Maths' })).toBeVisible();
  await expect(page.getByLabel('Session type')).toHaveValue('Tuition');

  await page.getByLabel('Attendance: Ada Lovelace').selectOption('Present');
  await editor(page, 'Learning objective 1').pressSequentially('Add fractions with different denominators.');
  await expect(page.getByTestId('learningObjective1-count')).toHaveText('42/1024');
  await page.getByRole('button', { name: 'Add another learning objective' }).click();
  await editor(page, 'Learning objective 2').pressSequentially('Simplify a fraction.');
  await editor(page, 'Comment on progress towards learning objectives').pressSequentially(
    'Added 8 of 10 pairs correctly.',
  );
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Check report' }).click();
  const problems = page.getByRole('region', { name: /things? to fix/ });
  await expect(problems).toBeVisible();
  await expect(problems.getByRole('link', { name: 'Choose the attainment for this objective.' }).first()).toBeVisible();
  await problems.getByRole('link', { name: 'Choose how the session was delivered.' }).click();
  await expect(page.getByLabel('Session delivery')).toBeFocused();

  await page.getByLabel('Session delivery').selectOption('In person');
  await page.getByLabel('Attainment for objective 1').selectOption('Achieved');
  await page.getByLabel('Attainment for objective 2').selectOption('Partly achieved');
  await page.getByLabel('Engagement with learning objectives').selectOption('Good');
  await page.getByLabel('Attitude to session').selectOption('Excellent');
  await editor(page, 'Engagement comment').pressSequentially('Worked steadily throughout.');
  // Every rule is met; the objectives are not yet SMART and the comment says nothing of objective 2, which only warn.
  await page.getByRole('button', { name: 'Check report' }).click();
  await expect(page.getByRole('heading', { name: 'Nothing stops you submitting; 3 writing warnings' })).toBeVisible();

  await page.goto(relay.url);
  await expect(page.getByRole('link', { name: /Ada Lovelace/ })).toHaveAttribute('href', new URL(url).pathname);
  await expectAccessible(page);
});

test('a field stops at 1,024 characters and says why, keeping what was there', async ({ page, relay }) => {
  await createSessionReport(page, relay.url);
  const field = editor(page, 'Engagement comment');
  const start = 'x'.repeat(1000);
  await field.click();
  await page.keyboard.insertText(start);
  await expect(page.getByTestId('engagementComment-count')).toHaveText('1000/1024');

  await page.keyboard.insertText('y'.repeat(30));
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'That would make this field 1,030 characters long; the limit is 1,024. Nothing was added.' }),
  ).toBeVisible();
  expect(await editorText(page, 'Engagement comment')).toBe(start);

  // A paste keeps what fits, marks where it was cut, says how much was left out, and one undo takes it back.
  const pasted = `${'p'.repeat(20)}then the words that do not fit, ${'q'.repeat(20)}`;
  await field.evaluate((element, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, pasted);
  await expect(page.getByTestId('engagementComment-count')).toHaveText('1024/1024');
  expect(await editorText(page, 'Engagement comment')).toBe(start + pasted.slice(0, 24));
  await expect(
    page
      .getByRole('alert')
      .filter({
        hasText: `Only the first 24 of the ${pasted.length} characters pasted fit: this field holds at most 1,024.`,
      })
      .filter({ hasText: `The last ${pasted.length - 24}, from “${pasted.slice(24, 64)}…”, were left out` }),
  ).toBeVisible();
  await expect(field.locator('.paste-cut')).toHaveCount(1);
  await expectAccessible(page);
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorText(page, 'Engagement comment')).toBe(start);
  await expect(field.locator('.paste-cut')).toHaveCount(0);

  await page.keyboard.insertText('y'.repeat(24));
  await expect(page.getByTestId('engagementComment-count')).toHaveText('1024/1024');
  await page.keyboard.type('z');
  await expect(
    page.getByRole('alert').filter({ hasText: 'This field is full: it holds at most 1,024 characters' }),
  ).toBeVisible();
  expect(await editorText(page, 'Engagement comment')).toBe(start + 'y'.repeat(24));
});

test('an absent learner needs only attendance and a reason', async ({ page, relay }) => {
  await createSessionReport(page, relay.url);
  await page.getByLabel('Attendance: Ada Lovelace').selectOption('Absent');
  await expect(page.getByText('No learner attended, so attendance is all this report needs.')).toBeVisible();
  await expect(editor(page, 'Learning objective 1')).toHaveCount(0);
  await page.getByRole('button', { name: 'Check report' }).click();
  await expect(page.getByRole('link', { name: 'Choose a reason for the absence.' })).toBeVisible();
  await page.getByLabel('Reason for absence').selectOption('Illness');
  await page.getByRole('button', { name: 'Check report' }).click();
  await expect(page.getByRole('heading', { name: 'This report is complete.' })).toBeVisible();
});

test('a link that names no report says so', async ({ page, relay }) => {
  await page.goto(`${relay.url}/report/not a report!`);
  await expect(page.getByText('This link does not name a Margin report.')).toBeVisible();
  await page.goto(`${relay.url}/report/nobodyHasThisReport1`);
  await expect(page.getByText('The relay has no report with this link.')).toBeVisible();
  await expectAccessible(page);
});
