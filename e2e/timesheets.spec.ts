// Timesheets in real Chromium with a virtual authenticator per person and the real relay: a tutor's session report,
// submitted, shows on their timesheet as pending; once a quality reviewer approves it, it is counted; the agency's
// administrator sees it on the payroll, downloads the month as CSV (read back here) and PDF, and closes the month; a
// session added later is flagged on the closed month, not counted in what was paid.
import { readFile } from 'node:fs/promises';
import type { BrowserContext } from '@playwright/test';
import { completeSessionReport, createSessionReport, editor, editorText, signIn, submitReport } from './app.ts';
import { expect, expectAccessible, test, withOtherContexts } from './fixtures.ts';
import { invite, join, personWithPasskeys, slow, setUpAgency, relayOfTheirOwn } from './organisation-people.ts';
import { monthName } from '../shared/timesheets/rows.ts';

const own = relayOfTheirOwn();

const progress = 'Comment on progress towards learning objectives';

test('a tutor’s approved session is counted on their timesheet and the payroll; CSV and PDF download; a closed month flags a later session', async ({
  browser,
  context,
}) => {
  test.setTimeout(240_000);
  await withOtherContexts(browser, 2, (others) => story(context, others), { acceptDownloads: true });
});

async function story(adminContext: BrowserContext, [tutorContext, reviewerContext]: BrowserContext[]) {
  const organisation = 'Westside Tutors';
  const month = new Date().toISOString().slice(0, 7);
  const today = new Date().toISOString().slice(0, 10);
  const { page: admin } = await personWithPasskeys(adminContext);
  await setUpAgency(admin, own.base, organisation);
  const tutorLink = await invite(admin, own.base, 'Tom Tutor', 'Tutor');
  const reviewerLink = await invite(admin, own.base, 'Rita Reviewer', 'Quality reviewer');

  const { page: tutor } = await personWithPasskeys(tutorContext!);
  await join(tutor, tutorLink, 'Tom Tutor', organisation);
  const { page: reviewer } = await personWithPasskeys(reviewerContext!);
  await join(reviewer, reviewerLink, 'Rita Reviewer', organisation);

  // The tutor writes today's session (13:00 to 13:45), registered with the organisation as it is claimed, and submits it.
  const reportUrl = await createSessionReport(tutor, own.base, { learner: 'Gus Hale', tutor: 'Tom Tutor' });
  await editor(tutor, progress).pressSequentially('Dated the Tudors.');
  await completeSessionReport(tutor, 'Gus Hale');
  await expect
    .poll(
      () => tutor.evaluate(async () => (await (await fetch('/api/organisation/reports')).json()).reports?.length ?? 0),
      slow,
    )
    .toBe(1);
  await submitReport(tutor);
  await expect(tutor.getByText('Status: Submitted')).toBeVisible(slow);

  // Submitted, not approved: on the tutor's timesheet, pending and not counted.
  await tutor.goto(own.base);
  await tutor.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Timesheet' }).click();
  await expect(tutor.getByRole('heading', { level: 1, name: 'My timesheet' })).toBeVisible(slow);
  await expect(tutor.getByLabel('Month')).toHaveValue(month);
  await expect(tutor.getByTestId('now-counted')).toHaveText('0 sessions, 0:00 hours', slow);
  await expect(tutor.getByTestId('now-pending')).toHaveText('1 session, 0:45 hours');
  const pending = tutor.getByRole('region', { name: 'Pending: not yet approved' }).getByRole('row');
  await expect(pending.nth(1)).toContainText('13:0013:450:45TuitionPresentPaidSubmitted');
  await expectAccessible(tutor);

  // The quality reviewer approves it.
  await signIn(reviewer, own.base, 'Rita Reviewer');
  const entry = reviewer
    .getByRole('region', { name: 'Reports to review' })
    .getByRole('link', { name: /^.*, submitted / });
  await expect(async () => {
    await reviewer.reload();
    await expect(entry).toBeVisible({ timeout: 5_000 });
  }).toPass(slow);
  await entry.click();
  await expect.poll(() => editorText(reviewer, progress), slow).toBe('Dated the Tudors.');
  await reviewer.getByRole('button', { name: 'Approve report' }).click();
  await expect(reviewer.getByText('Status: Approved')).toBeVisible(slow);

  // Counted on the tutor's timesheet now; nothing pending.
  await tutor.reload();
  await expect(tutor.getByTestId('now-counted')).toHaveText('1 session, 0:45 hours', slow);
  await expect(tutor.getByTestId('now-pending')).toHaveText('0 sessions, 0:00 hours');
  await expect(tutor.getByRole('region', { name: 'Approved sessions' }).getByRole('row').nth(1)).toContainText(
    'PresentPaidApproved',
  );
  // A tutor is refused the payroll, even by calling the relay for someone else's rows.
  const refused = await tutor.evaluate(async (wanted) => {
    const response = await fetch(wanted);
    return { status: response.status, body: await response.json() };
  }, `/api/organisation/timesheets?month=${month}&member=00000000-0000-0000-0000-000000000000`);
  expect(refused).toMatchObject({ status: 403, body: { error: expect.stringContaining('own timesheet') } });

  // The administrator's payroll: every tutor, the session counted, and the month as CSV.
  await admin.goto(`${own.base}/timesheet`);
  await expect(admin.getByRole('heading', { level: 1, name: 'Payroll' })).toBeVisible(slow);
  const perTutor = admin.getByRole('table', { name: 'Per tutor' });
  await expect(perTutor.getByRole('row', { name: /Tom Tutor/ })).toContainText('Tom Tutor10:4500:00', slow);
  await expectAccessible(admin);
  const [download] = await Promise.all([
    admin.waitForEvent('download'),
    admin.getByRole('link', { name: /as CSV$/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`timesheet-${month}.csv`);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe(
    'Tutor,Date,Start,Finish,Duration (minutes),Session type,Attendance,Paid,Status,Counted,Report',
  );
  expect(lines[1]).toBe(
    `Tom Tutor,${today},13:00,13:45,45,Tuition,Present,Yes,Approved,Yes,${new URL(reportUrl).pathname.split('/').pop()}`,
  );
  expect(lines.slice(2)).toEqual(['']);

  const [pdf] = await Promise.all([
    admin.waitForEvent('download'),
    admin.getByRole('link', { name: 'as PDF' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toBe(`timesheet-${month}.pdf`);
  expect((await readFile((await pdf.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Exported, so the administrator closes the month: what was counted is kept.
  await admin.getByRole('button', { name: `Close ${monthName(month)}` }).click();
  const closed = admin.getByRole('region', { name: `${monthName(month)} is closed` });
  await expect(closed).toContainText('Closed by Ada Admin on', slow);
  await expect(admin.getByTestId('closed-counted')).toHaveText('1 session, 0:45 hours');
  await expect(closed.getByText('Nothing has changed since the month was closed.')).toBeVisible();
  await expect(admin.getByRole('button', { name: /^Close / })).toHaveCount(0);
  await expect(tutor.getByRole('button', { name: /^Close / })).toHaveCount(0);

  // A later change: the tutor writes another session this month. It is flagged, not counted in what was paid.
  await createSessionReport(tutor, own.base, { learner: 'Amy Lee', tutor: 'Tom Tutor' });
  await expect
    .poll(
      () => tutor.evaluate(async () => (await (await fetch('/api/organisation/reports')).json()).reports?.length ?? 0),
      slow,
    )
    .toBe(2);
  const flagged = admin.getByRole('region', { name: 'Changed after the month was closed' });
  await expect(async () => {
    await admin.reload();
    await expect(flagged).toContainText('added after closing (draft)', { timeout: 5_000 });
  }).toPass(slow);
  await expect(flagged).toContainText(`Tom Tutor, ${today.split('-').reverse().join('/')}`);
  await expect(admin.getByTestId('closed-counted')).toHaveText('1 session, 0:45 hours');
  await expectAccessible(admin);
  await tutor.goto(`${own.base}/timesheet`);
  await expect(tutor.getByRole('region', { name: 'Changed after the month was closed' })).toContainText(
    'added after closing (draft)',
    slow,
  );
}
