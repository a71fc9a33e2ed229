// Margin's own checks in the app: underlines as you type from the checks worker, suggestions by mouse
// and keyboard, the personal dictionary, ignoring, grammar, objective advice that can be dismissed for
// the report, and underlines rebuilt when a collaborator changes the text.
import type { Page } from '@playwright/test';
import { createSessionReport, editor, editorText } from './app.ts';
import { selectionTaken } from './comments.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const progress = 'Comment on progress towards learning objectives';

/** The words underlined in a field, by kind ('spelling', 'grammar' or 'prompt'). */
function underlined(page: Page, label: string, kind: 'spelling' | 'grammar' | 'prompt') {
  return editor(page, label).locator(`.check-${kind}`).allTextContents();
}

test('misspellings are underlined as you type, in British English, and only by Margin', async ({ page, relay }) => {
  await createSessionReport(page, relay.url);
  const field = editor(page, progress);
  await expect(field).toHaveAttribute('spellcheck', 'false');
  await expect(field).toHaveAttribute('data-margin-checks', 'app');
  await field.click();
  await page.keyboard.type('The organisation recognised that she acheived the objective; the color was wrong.');
  await expect.poll(() => underlined(page, progress, 'spelling')).toEqual(['acheived', 'color']);
  await expect(page.locator('#progressComment-checks')).toHaveText(
    '2 spelling mistakes. Alt+Enter on an underlined word shows suggestions.',
  );
  await expectAccessible(page);
});

test("the learner's own name is never a misspelling in their report", async ({ page, relay }) => {
  await createSessionReport(page, relay.url, { learner: 'Cy Okonkwo', subject: 'Maths' });
  const field = editor(page, progress);
  await field.click();
  await page.keyboard.type("Cy Okonkwo's answers were acheived; Cy worked well.");
  await expect.poll(() => underlined(page, progress, 'spelling')).toEqual(['acheived']);
});

test('a suggestion chosen with the mouse or the keyboard replaces the word, and Escape closes the list', async ({
  page,
  relay,
}) => {
  await createSessionReport(page, relay.url);
  const field = editor(page, progress);
  await field.click();
  await page.keyboard.type('She recieved praise and acheived it.');
  await expect.poll(() => underlined(page, progress, 'spelling')).toEqual(['recieved', 'acheived']);

  await field.locator('.check-spelling', { hasText: 'recieved' }).click();
  const menu = page.getByRole('dialog', { name: 'Spelling: suggestions for “recieved”' });
  await expect(menu.getByRole('button', { name: 'received' })).toBeVisible();
  await expect(menu.getByRole('button').first()).toBeFocused();
  await expectAccessible(page);
  await menu.getByRole('button', { name: 'received' }).click();
  await expect(menu).toBeHidden();
  expect(await editorText(page, progress)).toBe('She received praise and acheived it.');

  // Put the caret inside "acheived" with the keyboard and ask for suggestions with Alt+Enter.
  await field.press('End');
  for (let i = 0; i < 'ed it.'.length; i++) await field.press('ArrowLeft');
  await selectionTaken(page, progress);
  await page.keyboard.press('Alt+Enter');
  const second = page.getByRole('dialog', { name: 'Spelling: suggestions for “acheived”' });
  await expect(second.getByRole('button', { name: 'achieved' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(second).toBeHidden();
  await expect(field).toBeFocused();
  await page.keyboard.press('Alt+Enter');
  // The list opens once the worker has answered; Enter before then would split the paragraph, as it should.
  await expect(second.getByRole('button', { name: 'achieved' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page, progress)).toBe('She received praise and achieved it.');
  await expect.poll(() => underlined(page, progress, 'spelling')).toEqual([]);
});

test('a name added to the dictionary stays accepted after a reload, with its possessive, and "Ignore" hides a word for the visit', async ({
  page,
  relay,
}) => {
  const url = await createSessionReport(page, relay.url);
  // The words handed to the extension once the new one is in (on a busy machine, the page's first hand-over, still
  // empty, can come after this listener starts).
  const handedOver = page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        document.addEventListener('margin:personal-words', (event) => {
          const detail = (event as CustomEvent<string>).detail;
          if (detail.includes('Oluwaseun')) resolve(detail);
        }),
      ),
  );
  // Each answer comes from the checker, which loads its suggestions and Harper meanwhile: slow on a busy machine.
  const settled = { timeout: 30_000 };
  const field = editor(page, 'Engagement comment');
  await field.click();
  await page.keyboard.type('Oluwaseun worked with Zorbax today.');
  await expect.poll(() => underlined(page, 'Engagement comment', 'spelling'), settled).toEqual(['Oluwaseun', 'Zorbax']);

  await field.locator('.check-spelling', { hasText: 'Oluwaseun' }).click();
  await page.getByRole('button', { name: 'Add “Oluwaseun” to my dictionary' }).click();
  await expect.poll(() => underlined(page, 'Engagement comment', 'spelling'), settled).toEqual(['Zorbax']);
  expect(JSON.parse(await handedOver)).toEqual({ words: ['Oluwaseun'] });

  await field.locator('.check-spelling', { hasText: 'Zorbax' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ignore' }).click();
  await expect.poll(() => underlined(page, 'Engagement comment', 'spelling'), settled).toEqual([]);

  await page.goto(url);
  await editor(page, 'Engagement comment').click();
  await page.keyboard.press('End');
  await page.keyboard.type(" Oluwaseun's answers were right.");
  await expect.poll(() => underlined(page, 'Engagement comment', 'spelling'), settled).toEqual(['Zorbax']);
});

test('grammar is underlined by our British rules at once and by Harper once it has loaded', async ({ page, relay }) => {
  await createSessionReport(page, relay.url);
  const field = editor(page, progress);
  await field.click();
  await page.keyboard.type('He could of finished, and then i read the the book.');
  await expect.poll(() => underlined(page, progress, 'grammar'), { timeout: 30_000 }).toEqual(['of', 'i', 'the the']);
  await field.locator('.check-grammar', { hasText: 'of' }).click();
  const menu = page.getByRole('dialog', { name: 'Grammar: suggestions for “of”' });
  await expect(menu).toContainText('Write "could have", not "could of".');
  await menu.getByRole('button', { name: 'have' }).click();
  await expect.poll(() => editorText(page, progress)).toBe('He could have finished, and then i read the the book.');
});

test('a vague objective gets SMART advice that can be dismissed for this report', async ({ page, relay }) => {
  const url = await createSessionReport(page, relay.url);
  await editor(page, 'Learning objective 1').click();
  await page.keyboard.type('To understand fractions');
  const advice = page.getByRole('list', { name: 'Advice on Learning objective 1' });
  await expect(advice).toContainText('This objective is not yet SMART. Missing: S (an observable verb');
  await expect(advice).toContainText('For example: "By the end of the session, the learner will explain fractions');
  await expect.poll(() => underlined(page, 'Learning objective 1', 'prompt')).toEqual(['To understand fractions']);
  await expectAccessible(page);

  // The progress comment is checked against the objectives.
  await editor(page, progress).click();
  await page.keyboard.type('She was polite and cheerful and worked hard all the way through the hour.');
  await expect(page.getByRole('list', { name: `Advice on ${progress}` })).toContainText(
    'Say how the learner did against objective 1',
  );

  await advice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(advice).toBeHidden();
  await page.goto(url);
  await expect(editor(page, 'Learning objective 1')).toHaveText('To understand fractions');
  await expect(page.getByRole('list', { name: `Advice on ${progress}` })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Advice on Learning objective 1' })).toBeHidden();
});

test("underlines follow a collaborator's edits", async ({ page, relay }) => {
  const url = await createSessionReport(page, relay.url);
  // A second tab of the same report: its edits reach this one as Yjs updates, as a collaborator's do.
  const colleague = await page.context().newPage();
  await colleague.goto(url);
  await editor(colleague, progress).click();
  await colleague.keyboard.type('The learner acheived the objective.');
  await expect.poll(() => editorText(page, progress)).toBe('The learner acheived the objective.');
  // The checker loads its suggestions and Harper meanwhile: on a busy machine that takes seconds, not a failure.
  const settled = { timeout: 30_000 };
  await expect.poll(() => underlined(page, progress, 'spelling'), settled).toEqual(['acheived']);

  await editor(colleague, progress).press('Home');
  await colleague.keyboard.type('Teh ');
  await expect.poll(() => underlined(page, progress, 'spelling'), settled).toEqual(['Teh', 'acheived']);
  await colleague.close();
});

test('one check tells everything: the rules now, those attendance will bring, the writing warnings; Submit refuses errors and asks before warnings', async ({
  page,
  relay,
}) => {
  await createSessionReport(page, relay.url);
  await editor(page, 'Learning objective 1').click();
  await page.keyboard.insertText('To understand fractions');
  await editor(page, 'Engagement comment').click();
  await page.keyboard.insertText('Worked steadly throughout the session.');
  await expect.poll(() => underlined(page, 'Engagement comment', 'spelling')).toEqual(['steadly']);

  // Attendance not chosen yet: what applies now, then what each way of choosing it will bring, then the warnings.
  await page.getByRole('button', { name: 'Check report' }).click();
  const list = page.getByRole('region', { name: '1 thing to fix before submitting; 2 writing warnings' });
  await expect(list).toBeFocused();
  await expect(list.getByRole('heading', { name: 'Needed before submitting' })).toBeVisible();
  await expect(
    list.getByRole('link', { name: 'Attendance: Ada Lovelace: Record attendance for Ada Lovelace.' }),
  ).toBeVisible();
  await expect(list.getByRole('heading', { name: 'Needed too, once a choice is made' })).toBeVisible();
  const attended = list.getByRole('region', { name: 'If Ada Lovelace attended: 5 more things' });
  await expect(attended.getByRole('link')).toHaveText([
    'Attainment for objective 1: Choose the attainment for this objective.',
    'Comment on progress towards learning objectives: This field is required.',
    'Engagement with learning objectives: Choose a level for engagement with learning objectives.',
    'Attitude to session: Choose a level for attitude to session.',
    'Session delivery: Choose how the session was delivered.',
  ]);
  const absent = list.getByRole('region', { name: 'If Ada Lovelace was absent: 1 more thing' });
  await expect(absent.getByRole('link')).toHaveText([
    'Reason for absence: Ada Lovelace: Choose a reason for the absence.',
  ]);
  await expect(list.getByRole('heading', { name: '2 writing warnings', exact: true })).toBeVisible();
  await expect(
    list.getByRole('listitem').filter({ hasText: 'Learning objective 1, advice: “To understand fractions”' }),
  ).toContainText('This objective is not yet SMART.');
  await expectAccessible(page);

  // The reason for absence is not on the form yet: its entry takes the tutor to the attendance that brings it.
  await absent.getByRole('link').click();
  await expect(page.getByLabel('Attendance: Ada Lovelace')).toBeFocused();

  // A warning takes the tutor to its word, selected in its field: typing replaces it.
  await page.getByRole('button', { name: 'Check report' }).click();
  await list.getByRole('link', { name: 'Engagement comment, spelling: “steadly”' }).click();
  await expect(editor(page, 'Engagement comment')).toBeFocused();
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('steadly');
  await page.keyboard.insertText('steadily');
  await expect.poll(() => editorText(page, 'Engagement comment')).toBe('Worked steadily throughout the session.');

  // With an error, Submit refuses and offers no way past it.
  await page.getByRole('button', { name: 'Submit report' }).click();
  const refused = page.getByRole('region', { name: '1 thing to fix before submitting; 1 writing warning' });
  await expect(refused).toBeFocused();
  await expect(refused.getByRole('button', { name: /Submit with/ })).toHaveCount(0);
  await expect(page.getByText('Status: Submitted')).toHaveCount(0);

  // Once attendance is chosen its rules apply now, and filled in, only the warning is left: Submit asks first.
  await page.getByLabel('Attendance: Ada Lovelace').selectOption('Present');
  await page.getByRole('button', { name: 'Check report' }).click();
  await expect(
    page.getByRole('region', { name: '5 things to fix before submitting; 1 writing warning' }),
  ).toBeVisible();
  await page.getByLabel('Session delivery').selectOption('In person');
  await page.getByLabel('Attainment for objective 1').selectOption('Achieved');
  await page.getByLabel('Engagement with learning objectives').selectOption('Good');
  await page.getByLabel('Attitude to session').selectOption('Good');
  await editor(page, progress).click();
  await page.keyboard.insertText(
    'Ada can now understand fractions: she compared fractions with the same denominator and explained her method.',
  );
  await page.getByRole('button', { name: 'Submit report' }).click();
  const warned = page.getByRole('region', { name: 'Nothing stops you submitting; 1 writing warning' });
  await expect(warned).toBeFocused();
  await expect(page.getByText('Status: Submitted')).toHaveCount(0);
  await expectAccessible(page);
  // The confirmation is the list's last control, reached from the list by the keyboard.
  const confirm = warned.getByRole('button', { name: 'Submit with 1 warning' });
  await confirm.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Status: Submitted')).toBeVisible();
});
