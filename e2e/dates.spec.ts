// Dates and times are shown and typed in British form in a browser whose locale is American: Chromium draws
// <input type="date"> as 12/03/2026 and "time" as 04:00 PM there, lang="en-GB" or not, so the app's own fields
// (app/src/forms/DateField.tsx) must say 03/12/2026 and 16:00, and store 2026-12-03 and 16:00 as before.
import { makeShareLink } from './access-links.ts';
import { signIn } from './app.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

test('an American browser shows and takes British dates and times, keeps bad text with a message, and stores the same values', async ({
  page,
  relay,
  browser,
}) => {
  test.setTimeout(240_000);
  await page.clock.setFixedTime(new Date('2026-11-20T15:00:00Z'));
  await signIn(page, relay.url);
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');

  await page.goto(`${relay.url}/assignments`);
  await page.getByLabel("Learner's name").fill('Ada Lovelace');
  await page.getByRole('button', { name: 'Add learner' }).click();
  await page.getByRole('checkbox', { name: 'Ada Lovelace' }).check();
  await page.getByLabel('Subject').fill('Maths');
  const start = page.getByLabel('Start date');
  const end = page.getByLabel('End date');
  await expect(start).toHaveValue('20/11/2026'); // today, day first
  await expect(start).toHaveAccessibleDescription('Day, month, year: for example 03/12/2026.');

  // A date that does not exist keeps its text, says why, and is refused by the form too.
  await start.fill('2/11/2026');
  await end.fill('31/02/2027');
  await end.press('Tab');
  await expect(start).toHaveValue('02/11/2026');
  await expect(end).toHaveValue('31/02/2027');
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  const noSuchDay = '"31/02/2027" is not a date: February 2027 has 28 days.';
  await expect(end).toHaveAccessibleDescription(`Day, month, year: for example 03/12/2026. ${noSuchDay}`);
  await page.getByRole('button', { name: 'Add assignment' }).click();
  await expect(page.getByRole('alert')).toContainText(noSuchDay);
  await expect(end).toHaveValue('31/02/2027');
  await expectAccessible(page);

  await end.fill('29 Jan 2027');
  await end.press('Tab');
  await expect(end).toHaveValue('29/01/2027');
  await expect(end).toHaveAttribute('aria-invalid', 'false');
  await page.getByRole('button', { name: 'Add assignment' }).click();
  await expect(page.getByRole('heading', { name: 'Assignment: Ada Lovelace, Maths' })).toBeVisible();
  const assignmentUrl = page.url();

  const date = page.getByLabel('Session date');
  const from = page.getByLabel('Start time');
  const to = page.getByLabel('Finish time');
  await expect(date).toHaveValue('20/11/2026');
  await date.fill('3/12/2026');
  await from.fill('4pm');
  await to.fill('tea time');
  await to.press('Tab');
  await expect(date).toHaveValue('03/12/2026');
  await expect(from).toHaveValue('16:00');
  await expect(to).toHaveValue('tea time');
  const unreadableTime =
    '"tea time" is not a time we can read: write it on the 24-hour clock as hh:mm, for example 16:00.';
  await expect(to).toHaveAccessibleDescription(`24-hour clock: for example 16:00. ${unreadableTime}`);
  await page.getByRole('button', { name: 'Add session and write report' }).click();
  await expect(page.getByRole('alert')).toHaveText(unreadableTime);
  await expectAccessible(page);

  await to.fill('1730');
  await page.getByRole('button', { name: 'Add session and write report' }).click();
  await page.waitForURL(/\/report\/[A-Za-z0-9_-]+$/);
  const reportUrl = page.url();

  // The session report's own fields show what was stored, British again.
  const form = page.getByRole('form', { name: 'Session report' });
  await expect(form.getByLabel('Date', { exact: true })).toHaveValue('03/12/2026');
  await expect(form.getByLabel('Start', { exact: true })).toHaveValue('16:00');
  await expect(form.getByLabel('Finish', { exact: true })).toHaveValue('17:30');

  // Changed in the report: a readable change is kept, an unreadable one is not written.
  await form.getByLabel('Date', { exact: true }).fill('Fri 4 December 2026');
  await form.getByLabel('Finish', { exact: true }).fill('6.15 pm');
  await form.getByLabel('Finish', { exact: true }).press('Tab');
  await expect(form.getByLabel('Date', { exact: true })).toHaveValue('04/12/2026');
  await expect(form.getByLabel('Finish', { exact: true })).toHaveValue('18:15');
  await form.getByLabel('Start', { exact: true }).fill('25:00');
  await form.getByLabel('Start', { exact: true }).press('Tab');
  await expect(form.getByLabel('Start', { exact: true })).toHaveValue('25:00');
  await expect(
    form.getByText('"25:00" is not a time: on the 24-hour clock the hour goes from 00 to 23.'),
  ).toBeVisible();
  await expect(form.getByLabel('Start', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await page.reload();
  await expect(form.getByLabel('Date', { exact: true })).toHaveValue('04/12/2026');
  await expect(form.getByLabel('Start', { exact: true })).toHaveValue('16:00');
  await expect(form.getByLabel('Finish', { exact: true })).toHaveValue('18:15');

  // The device's index has the stored values: back on the assignment (the report indexes itself as it closes),
  // the session is listed once, by them.
  await page.getByRole('link', { name: 'Back to the assignment: Maths, Mon 2 Nov 2026 to Fri 29 Jan 2027' }).click();
  await expect(page).toHaveURL(assignmentUrl);
  const sessions = page.getByRole('region', { name: 'Sessions', exact: true });
  await expect(sessions.getByRole('link')).toHaveText([/Individual\s*Fri 4 Dec 2026, 16:00–18:15/]);
  await sessions.getByRole('link', { name: /Fri 4 Dec 2026/ }).click();
  await expect(page).toHaveURL(reportUrl);
  await expect(form.getByLabel('Date', { exact: true })).toHaveValue('04/12/2026');

  // A reviewer, in an American browser too, reads the same British dates and times and cannot change them.
  const readerContext = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
  try {
    const reader = await readerContext.newPage();
    const link = await makeShareLink(page, 'reviewer');
    await signIn(reader, relay.url, 'Rita Reviewer');
    await reader.goto(link);
    await reader.waitForURL(reportUrl);
    const shown = reader.getByRole('form', { name: 'Session report' });
    await expect(shown.getByLabel('Date', { exact: true })).toHaveValue('04/12/2026');
    await expect(shown.getByLabel('Finish', { exact: true })).toHaveValue('18:15');
    await expect(shown.getByLabel('Date', { exact: true })).toBeDisabled();
  } finally {
    await readerContext.close();
  }
});
