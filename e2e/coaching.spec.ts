// The instructional coaching cycle in the browser, over a real relay: a mentor adds a teacher, observes with a
// second observer writing the same notes live, reviews and chooses steps (discarding one), gives feedback
// and finishes; the teacher's link opens the cycle only once it is finished. Also the library's import and export.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { makeShareLink } from './access-links.ts';
import { editor, editorText, signIn } from './app.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

async function addTeacher(page: Page, baseUrl: string, name: string): Promise<string> {
  await page.goto(`${baseUrl}/coaching`);
  await expect(page.getByRole('heading', { name: 'Coaching', exact: true })).toBeVisible();
  await page.getByLabel('Teacher’s name').fill(name);
  await page.getByRole('button', { name: 'Add a teacher' }).click();
  await expect(page.getByRole('heading', { name: `Coaching: ${name}` })).toBeVisible();
  return page.url();
}

async function chooseFromLibrary(page: Page, search: string, title: string): Promise<void> {
  await page.getByLabel('Search the library').fill(search);
  await page.getByRole('button', { name: `Choose “${title}”` }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test('a mentor coaches a teacher with a second observer; the teacher sees only the finished step', async ({
  browser,
  relay,
}) => {
  test.setTimeout(180_000);
  const mentor = await browser.newContext();
  const observer = await browser.newContext();
  const teacher = await browser.newContext();
  try {
    const page = await mentor.newPage();
    await signIn(page, relay.url, 'Maya Mentor');
    const coachUrl = await addTeacher(page, relay.url, 'Tom Teacher');
    await page.goto(`${relay.url}/coaching`);
    await expect(page.getByRole('link', { name: 'Tom Teacher' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Tom Teacher' }).click();
    await expect(page.getByText('No step set yet.')).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Observe' }).click();
    await page.waitForURL(/\/report\/[A-Za-z0-9_-]+$/);
    const cycleUrl = page.url();
    await expect(page.getByRole('heading', { name: 'Observe and select' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'shared with the relay' })).toBeVisible();
    await expectAccessible(page);

    // A second observer writes in the same notes, live, through a mentor's link.
    const observerLink = await makeShareLink(page, 'mentor');
    const teacherLink = await makeShareLink(page, 'teacher');
    const second = await observer.newPage();
    await second.goto(observerLink);
    await second.waitForURL(cycleUrl);
    await expect(editor(second, 'Praise')).toBeVisible();
    await editor(page, 'Praise').pressSequentially('Warm greeting at the door.');
    await expect.poll(() => editorText(second, 'Praise')).toBe('Warm greeting at the door.');
    await editor(second, 'Evidence about the current step').pressSequentially('Three pupils waited for help to start.');
    await expect
      .poll(() => editorText(page, 'Evidence about the current step'))
      .toBe('Three pupils waited for help to start.');
    await editor(page, 'How to model it').pressSequentially('Show a starter task on the board.');

    // Before Finish, the teacher's link does not open the cycle.
    const teacherPage = await teacher.newPage();
    await teacherPage.goto(teacherLink);
    await expect(
      teacherPage.getByText('This report opens for you once it has been submitted.', { exact: true }),
    ).toBeVisible();
    await expect(teacherPage.getByText('Greet pupils at the door')).toHaveCount(0);

    // Choose, discard, choose another; the second observer sees the choice.
    await chooseFromLibrary(page, 'door', 'Greet pupils at the door and give a task they can start without help');
    await expect(
      second.getByRole('heading', { name: 'Greet pupils at the door and give a task they can start without help' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Discard this step' }).click();
    await expect(page.getByLabel('Search the library')).toBeVisible();
    await chooseFromLibrary(page, 'entry routine', 'Teach one entry routine and rehearse it until it runs by itself');

    await page.getByRole('button', { name: 'Give feedback' }).click();
    await expect(page.getByRole('heading', { name: 'Give feedback', exact: true })).toBeVisible();
    const notes = page.getByRole('region', { name: 'Your observation notes' });
    await expect(notes).toContainText('Warm greeting at the door.');
    await expect(notes).toContainText('Three pupils waited for help to start.');
    await expect(notes).toContainText('Show a starter task on the board.');
    // Only the mentor who started the observation finishes it: the second observer sees why there is no Finish.
    await expect(second.getByText('The mentor who started this observation finishes it')).toBeVisible();
    await expect(second.getByRole('button', { name: 'Finish' })).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect(page.getByRole('heading', { name: 'Action step' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Discard this step' })).toHaveCount(0);
    await expect(page.getByText('the step is visible to the teacher')).toBeVisible();

    // The teacher's link now opens the finished step.
    await teacherPage.goto(teacherLink);
    await teacherPage.waitForURL(cycleUrl);
    await expect(
      teacherPage.getByRole('heading', { name: 'Teach one entry routine and rehearse it until it runs by itself' }),
    ).toBeVisible();
    await expect(teacherPage.getByText('Greet pupils at the door')).toHaveCount(0);
    await expectAccessible(teacherPage);

    // The coach page shows the current step and logs it; "Coach again" in the same week reviews it.
    await page.goto(coachUrl);
    const current = page.getByRole('region', { name: 'Current action step' });
    await expect(
      current.getByRole('heading', { name: 'Teach one entry routine and rehearse it until it runs by itself' }),
    ).toBeVisible();
    await expect(page.getByRole('row', { name: /Teach one entry routine.*Current step/ })).toBeVisible();
    await page.getByRole('button', { name: 'Coach again' }).click();
    await page.waitForURL(/\/report\/[A-Za-z0-9_-]+$/);
    expect(page.url()).not.toBe(cycleUrl);
    await page.getByRole('radio', { name: 'Not yet' }).check();
    await expect(page.getByText('Repeat of the previous step')).toBeVisible();
    const nextStep = page.getByRole('region', { name: 'Next step' });
    await expect(
      nextStep.getByRole('heading', { name: 'Teach one entry routine and rehearse it until it runs by itself' }),
    ).toBeVisible();

    // One open cycle at a time: the coach page sends the mentor back to it rather than starting another.
    await page.goto(coachUrl);
    await expect(page.getByRole('link', { name: 'Continue the open observation' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Coach again' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Continue the open observation' }).click();

    // The mentor discards the suggested repeat and writes a step of their own instead.
    await page.getByRole('button', { name: 'Discard this step' }).click();
    await page.getByText('Write your own step').click();
    await page.getByRole('button', { name: 'Set this step' }).click();
    await expect(page.getByRole('alert')).toHaveText('Write the step before setting it.');
    await page.getByLabel('Your step', { exact: true }).fill('Count down from five before each transition');
    await page
      .getByLabel('Success criteria, one a line')
      .fill('The countdown is the same each time\nPupils are ready by zero');
    await page.getByRole('button', { name: 'Set this step' }).click();
    await expect(nextStep.getByText('Your own step')).toBeVisible();
    await expect(nextStep.getByRole('listitem')).toHaveText([
      'The countdown is the same each time',
      'Pupils are ready by zero',
    ]);
    await page.getByRole('button', { name: 'Give feedback' }).click();
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect(page.getByRole('heading', { name: 'Action step' })).toBeVisible();
    await page.goto(coachUrl);
    await expect(page.getByRole('row', { name: /Teach one entry routine.*Not yet/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Count down from five.*Current step/ })).toBeVisible();
    await expect(current.getByRole('heading', { name: 'Count down from five before each transition' })).toBeVisible();
    await expectAccessible(page);
  } finally {
    await mentor.close();
    await observer.close();
    await teacher.close();
  }
});

test('a school imports its own step library, a broken file changes nothing, and the library exports', async ({
  page,
  relay,
}) => {
  await page.goto(`${relay.url}/coaching/library`);
  await expect(page.getByRole('heading', { name: 'Step library' })).toBeVisible();
  await expect(page.getByText('In use: Margin starter library')).toBeVisible();
  await expectAccessible(page);

  const broken = {
    name: 'Broken',
    strands: [
      {
        id: 'one',
        title: 'One',
        modules: [{ id: 'm', title: 'M', steps: [{ id: 's', title: 'S', successCriteria: [] }] }],
      },
    ],
  };
  await page
    .getByLabel('Import a library file')
    .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(page.getByRole('alert')).toHaveText(
    /broken\.json: This is not a step library\. strand 1, module 1, step 1, successCriteria: A step needs at least one success criterion/,
  );
  await expect(page.getByText('In use: Margin starter library')).toBeVisible();
  await page
    .getByLabel('Import a library file')
    .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  await expect(page.getByRole('alert')).toHaveText(/not JSON/);

  const ours = {
    name: 'Oak School steps',
    strands: [
      {
        id: 'reading',
        title: 'Reading',
        modules: [
          {
            id: 'fluency',
            title: 'Fluency',
            steps: [
              {
                id: 'echo-read',
                title: 'Echo-read a paragraph with the class',
                successCriteria: ['Teacher reads first', 'Pupils read back together'],
              },
            ],
          },
        ],
      },
    ],
  };
  await page
    .getByLabel('Import a library file')
    .setInputFiles({ name: 'oak.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ours)) });
  await expect(page.getByText('In use: Oak School steps')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Echo-read a paragraph with the class' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the library' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('oak-school-steps.json');
  expect(JSON.parse(await readFile(await file.path(), 'utf8'))).toEqual(ours);

  await page.getByRole('button', { name: 'Use the starter library' }).click();
  await expect(page.getByText('In use: Margin starter library')).toBeVisible();
});
