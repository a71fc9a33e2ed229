// Writing every kind of report and passing its submission checks: the plan, a group session, a progress
// report and the final report, and the progress-review checklist. A check blocked by a missing field shows
// the list, and its entry takes the user to the field. (Submitting itself is the workflow's test.)
import type { Page } from '@playwright/test';
import { reviewStages } from '../shared/reports/progress-review/form.ts';
import { addSessionTo, createAssignment, editor, signIn } from './app.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

async function write(page: Page, label: string, text: string) {
  await editor(page, label).click();
  await page.keyboard.insertText(text);
}

const problems = (page: Page) => page.getByRole('region', { name: /things? to fix/ });

async function expectComplete(page: Page) {
  await page.getByRole('button', { name: 'Check report' }).click();
  await expect(page.getByRole('heading', { name: 'This report is complete.' })).toBeVisible();
}

async function writePlan(page: Page, learner: string, score: string, target: string) {
  await page.getByRole('button', { name: `Write the plan for ${learner}` }).click();
  await page.waitForURL(/\/report\//);
  await page.getByLabel('Initial key stage').selectOption('Key stage 3');
  await page.getByLabel('Assessment score %').fill(score);
  await page.getByLabel('Target %').fill(target);
  await write(page, 'Comments on the initial assessment', 'Secure with place value; gaps in fractions and ratio.');
  await write(page, 'Plan to achieve the target', 'Fractions with visual models, then ratio through recipes.');
}

test('the Individual Learning Plan shows the brief, holds the target rule, and passes its checks', async ({
  page,
  relay,
}) => {
  await signIn(page, relay.url);
  await createAssignment(page, relay.url, {
    learners: ['Sam Smith'],
    subject: 'Maths',
    brief: 'Face-to-face tuition while out of school.',
  });
  await writePlan(page, 'Sam Smith', '45', '54');
  await expect(page.getByRole('heading', { name: 'Individual Learning Plan: Sam Smith: Maths' })).toBeVisible();
  await expect(page.locator('#assignmentBrief')).toHaveText('Face-to-face tuition while out of school.');
  await expect(page.locator('#target-problem')).toHaveText(
    'The target must be at least 10 points above the score of 45%: 55% or more.',
  );
  await expectAccessible(page);
  // Text that is not a number is refused with a message, and the last good score is kept.
  await page.getByLabel('Assessment score %').press('e');
  await expect(page.locator('#assessmentScore-problem')).toHaveText('Give a number from 0 to 100.');
  await page.getByLabel('Assessment score %').press('Backspace');
  await expect(page.locator('#assessmentScore-problem')).toHaveCount(0);

  await page.getByRole('button', { name: 'Check report' }).click();
  await expect(problems(page)).toBeFocused();
  await problems(page).getByRole('link', { name: 'Target %: The target must be at least 10 points above' }).click();
  await expect(page.getByLabel('Target %')).toBeFocused();
  await page.getByLabel('Target %').fill('55');
  await expect(page.locator('#target-problem')).toHaveCount(0);

  await page.getByRole('button', { name: 'Check report' }).click();
  const missing = problems(page).getByRole('link', { name: 'Comments from the learner: This field is required.' });
  await expect(problems(page).getByRole('listitem')).toHaveCount(1);
  await missing.click();
  await expect(editor(page, 'Comments from the learner')).toBeFocused();
  await page.keyboard.insertText('"I want to be faster with fractions."');
  await expectComplete(page);
});

test('a group session: attendance per learner, Present for the group with one learner there, one report', async ({
  page,
  relay,
}) => {
  await signIn(page, relay.url);
  const assignment = await createAssignment(page, relay.url, {
    learners: ['Denis Menace', 'Gilbert Sullivan'],
    subject: 'English',
  });
  await addSessionTo(page, assignment);
  await expect(
    page.getByRole('heading', { name: 'Session report: Denis Menace, Gilbert Sullivan: English' }),
  ).toBeVisible();
  await expect(page.getByRole('group', { name: 'Attendance (group, 1:2)' })).toBeVisible();

  await page.getByLabel('Group attendance').selectOption('Present');
  await expect(page.getByLabel('Attendance: Denis Menace')).toHaveValue('Present');
  await expect(page.getByLabel('Attendance: Gilbert Sullivan')).toHaveValue('Present');
  await page.getByLabel('Attendance: Gilbert Sullivan').selectOption('Absent');
  await page.getByLabel('Reason for absence').selectOption('Absconded');
  await expect(
    page.getByText(
      'Paid session: the tutor is paid for a session recorded as Present, Absent, Late or Unauthorised Cancellation.',
    ),
  ).toHaveCount(2);

  await page.getByLabel('Session delivery').selectOption('In person');
  await write(page, 'Learning objective 1', 'Identify three persuasive techniques in a letter.');
  await page.getByLabel('Attainment for objective 1').selectOption('Achieved');
  await write(
    page,
    'Comment on progress towards learning objectives',
    'Found rhetorical questions, repetition and the rule of three.',
  );
  await page.getByLabel('Engagement with learning objectives').selectOption('Good');
  await page.getByLabel('Attitude to session').selectOption('Good');
  await page.getByRole('button', { name: 'Check report' }).click();
  await problems(page).getByRole('link', { name: 'Engagement comment: This field is required.' }).click();
  await expect(editor(page, 'Engagement comment')).toBeFocused();
  await page.keyboard.insertText('Contributed ideas throughout.');
  await expectAccessible(page);
  // Every rule is met; the objective is not yet SMART and the comment names no objective, which only warn.
  await page.getByRole('button', { name: 'Check report' }).click();
  await expect(page.getByRole('heading', { name: 'Nothing stops you submitting; 2 writing warnings' })).toBeVisible();
});

test('progress reports show the previous plan, score and target, and the score never goes down', async ({
  page,
  relay,
}) => {
  test.setTimeout(120_000);
  await signIn(page, relay.url);
  const assignment = await createAssignment(page, relay.url, { learners: ['Ava Patel'], subject: 'Science' });
  await addSessionTo(page, assignment);
  await page.goto(assignment);
  await writePlan(page, 'Ava Patel', '45', '55');
  await write(page, 'Comments from the learner', 'Enjoys experiments.');
  await expectComplete(page);

  await page.goto(assignment);
  await expect(page.getByRole('row', { name: /Individual Learning Plan/ })).toContainText('Draft');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Write progress report 1 for Ava Patel' }).click();
  await page.waitForURL(/\/report\//);
  await expect(page.getByRole('heading', { name: 'Progress report: Ava Patel: Science' })).toBeVisible();
  await expect(page.getByTestId('previous-score')).toHaveText('45%');
  await expect(page.getByTestId('previous-target')).toHaveText('55%');
  await expect(page.getByRole('region', { name: 'Previous' })).toContainText('Fractions with visual models');

  await page.getByLabel('Has the learner met the target').selectOption('No');
  await page.getByLabel('Updated assessment score %').fill('44');
  await expect(page.locator('#updatedScore-problem')).toHaveText(
    'The updated score cannot be lower than the previous score of 45%: a score is never revised downwards.',
  );
  await page.getByLabel('Updated assessment score %').fill('45');
  await expect(page.locator('#updatedScore-problem')).toHaveCount(0);
  await page.getByLabel('Target for the next six weeks %').fill('54');
  await expect(page.locator('#newTarget-problem')).toContainText('55% or more');
  await page.getByLabel('Target for the next six weeks %').fill('55');
  await write(page, 'Progress achieved to date', 'Names the parts of a cell and their jobs.');
  await write(page, 'Plan to achieve progress', 'Diffusion and osmosis with practical work.');
  await write(page, 'Comments from the learner', 'Says the microscope work helped.');
  await expectAccessible(page);
  await expectComplete(page);

  await page.goto(assignment);
  await page.getByRole('button', { name: 'Write the final report for Ava Patel' }).click();
  await page.waitForURL(/\/report\//);
  await expect(page.getByRole('heading', { name: 'Final progress report: Ava Patel: Science' })).toBeVisible();
  await expect(page.getByLabel('Target for the next six weeks %')).toHaveCount(0);
  await page.getByLabel('Has the learner met the target').selectOption('Yes');
  await page.getByLabel('Updated assessment score %').fill('50');
  await expect(
    page.getByText('The target was 55%, but the updated score is 50%: the target was not met.'),
  ).toBeVisible();
  await page.getByLabel('Updated assessment score %').fill('58');
  await write(page, 'Progress achieved over the whole programme', 'Cells, diffusion and osmosis secure.');
  await write(page, 'Plan for continued progress', 'Revise with the school’s scheme of work.');
  await write(page, 'Comments from the learner', 'Feels ready for school science.');
  await expectComplete(page);
});

test('the progress-review checklist: every point rated with evidence, an own point, and a missing action found', async ({
  page,
  relay,
}) => {
  test.setTimeout(180_000);
  await signIn(page, relay.url);
  await page.getByRole('button', { name: 'Start checklist' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Give the checklist a title' })).toBeVisible();
  await expect(page.getByLabel('Title')).toBeFocused();
  await page.getByLabel('Title').fill('Level 2 maths, autumn term');
  await page.getByRole('button', { name: 'Start checklist' }).click();
  await page.waitForURL(/\/report\//);
  await expect(
    page.getByRole('heading', { name: 'Progress-review checklist: Level 2 maths, autumn term' }),
  ).toBeVisible();

  for (const stage of reviewStages) {
    for (const point of stage.points) {
      const group = page.getByRole('group', { name: point.statement, exact: true });
      await group.getByLabel('Strength of evidence').selectOption(point.id === 'learners-1' ? 'Superficial' : 'Strong');
      await group.getByRole('textbox', { name: 'Evidence', exact: true }).click();
      await page.keyboard.insertText('Seen in termly review records.');
    }
  }
  const employers = page.getByRole('group', { name: 'Stage 3: Employers', exact: true });
  await employers.getByRole('button', { name: 'Add your own point' }).click();
  await expect(page.getByLabel('Your point')).toBeFocused();
  await page.getByLabel('Your point').fill('Mentors visit placements every term.');
  await page.getByLabel('Your point').press('Tab');
  const own = page.getByRole('group', { name: 'Mentors visit placements every term.', exact: true });
  await own.getByLabel('Strength of evidence').selectOption('None');
  await own.getByRole('textbox', { name: 'What needs to happen', exact: true }).click();
  await page.keyboard.insertText('Agree a visit schedule with each employer.');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Check report' }).click();
  await expect(problems(page).getByRole('listitem')).toHaveCount(1);
  await problems(page)
    .getByRole('link', {
      name: 'What needs to happen: Contributes to an individual learning programme.: Say what needs to happen',
    })
    .click();
  await expect(page.locator('#action-learners-1')).toBeFocused();
  await page.keyboard.insertText('Learners to draft their own plan targets at induction.');
  await expectComplete(page);
});
