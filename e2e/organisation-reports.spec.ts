// An organisation's reports without share links, in real Chromium with a virtual authenticator per person (the
// DevTools WebAuthn domain): the administrator invites a tutor and a quality reviewer, who enrol in their own
// browsers; the tutor's new report is registered with the organisation and submitted; the reviewer finds it in
// "Reports to review" and approves it with the token the relay makes from their membership; the tutor cannot approve
// their own report, neither in the app nor by calling the relay, nor make a reviewer's link to do it with; the
// reviewer's comment, in their account's name, reaches the tutor; and the reviewer, removed, is cut off at once.
import type { BrowserContext } from '@playwright/test';
import { memberRefusals } from '../shared/protocol/member-access.ts';
import { completeSessionReport, createSessionReport, editor, editorText, signIn, submitReport } from './app.ts';
import { addComment, thread } from './comments.ts';
import { expect, expectAccessible, test, withOtherContexts } from './fixtures.ts';
import { invite, join, personWithPasskeys, slow, setUpAgency, relayOfTheirOwn } from './organisation-people.ts';

const own = relayOfTheirOwn();

const progress = 'Comment on progress towards learning objectives';

test('a quality reviewer finds a submitted report and approves it without any link; its tutor cannot; a removed reviewer is cut off', async ({
  browser,
  context,
}) => {
  test.setTimeout(180_000);
  await withOtherContexts(browser, 2, (others) => story(context, others));
});

async function story(adminContext: BrowserContext, [tutorContext, reviewerContext]: BrowserContext[]) {
  const organisation = 'Eastside Tutors';
  const { page: admin } = await personWithPasskeys(adminContext);
  await setUpAgency(admin, own.base, organisation);
  const tutorLink = await invite(admin, own.base, 'Tom Tutor', 'Tutor');
  const reviewerLink = await invite(admin, own.base, 'Rita Reviewer', 'Quality reviewer');

  const { page: tutor } = await personWithPasskeys(tutorContext!);
  await join(tutor, tutorLink, 'Tom Tutor', organisation);
  const { page: reviewer } = await personWithPasskeys(reviewerContext!);
  await join(reviewer, reviewerLink, 'Rita Reviewer', organisation);

  // Nothing waits for review yet.
  await signIn(reviewer, own.base, 'Rita Reviewer');
  const toReview = reviewer.getByRole('region', { name: 'Reports to review' });
  await expect(toReview.getByText('Nothing is waiting for review.')).toBeVisible(slow);

  // The tutor writes a session report (registered with the organisation as it is claimed) and submits it.
  const reportUrl = await createSessionReport(tutor, own.base, { learner: 'Gus Hale', tutor: 'Tom Tutor' });
  const reportId = new URL(reportUrl).pathname.split('/').pop()!;
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

  // The tutor cannot approve their own report: the app offers no button, and the relay refuses their member token.
  await expect(tutor.getByRole('button', { name: 'Approve report' })).toHaveCount(0);
  const ownApproval = await tutor.evaluate(async (id) => {
    const grant = await (await fetch(`/api/organisation/reports/${id}/token`)).json();
    const response = await fetch(`/api/reports/${id}/transitions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${grant.token}` },
      body: JSON.stringify({ action: 'approve', name: 'Tom Tutor' }),
    });
    return { role: grant.role, status: response.status, body: await response.json() };
  }, reportId);
  expect(ownApproval).toEqual({
    role: 'tutor',
    status: 409,
    body: { error: 'A tutor cannot approve a report; only a reviewer can.' },
  });
  // Nor with a reviewer's link made with their own tutor link: the relay makes none for an organisation's report.
  const ownReviewerLink = await tutor.evaluate(async (id) => {
    const open = indexedDB.open('margin-access');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const request = db.transaction('links').objectStore('links').getAll();
    const links = await new Promise<{ reportId: string; source: string; token: string }[]>(
      (resolve) => (request.onsuccess = () => resolve(request.result)),
    );
    const own = links.find((link) => link.reportId === id && link.source === 'claimed')!;
    const response = await fetch(`/api/reports/${id}/links`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${own.token}` },
      body: JSON.stringify({ role: 'reviewer' }),
    });
    return { status: response.status, body: await response.json() };
  }, reportId);
  expect(ownReviewerLink).toEqual({ status: 403, body: { error: memberRefusals.reviewerLink } });
  // Nor does the share panel offer one.
  await tutor.getByText('Share this report', { exact: true }).click();
  const forWhom = tutor.getByLabel('Who is the link for?');
  await expect(forWhom.locator('option')).toHaveText(['Tutor', 'Mentor', 'Teacher', 'Client']);

  // The tutor submits a second report, for another learner, which waits behind the first.
  const secondUrl = await createSessionReport(tutor, own.base, { learner: 'Ada Lane', tutor: 'Tom Tutor' });
  const secondId = new URL(secondUrl).pathname.split('/').pop()!;
  await editor(tutor, progress).pressSequentially('Fractions.');
  await completeSessionReport(tutor, 'Ada Lane');
  await submitReport(tutor);
  await expect(tutor.getByText('Status: Submitted')).toBeVisible(slow);
  await tutor.goto(reportUrl);

  // The reviewer finds it in their list (the page asks again when it has the focus) and opens it without a link.
  const entry = toReview.getByRole('link', { name: /^Tom Tutor’s report, submitted / }).first();
  await expect(async () => {
    await reviewer.reload();
    await expect(entry).toBeVisible({ timeout: 5_000 });
  }).toPass(slow);
  // Each entry says how long the report has waited in working days; just submitted, it is not past the target.
  await expect(toReview.getByRole('link', { name: /^Tom Tutor’s report, submitted / })).toHaveCount(2, slow);
  const item = toReview.getByRole('listitem').first();
  await expect(item).toContainText('Session report. Learners: Gus Hale. Waited less than a working day.');
  await expect(item).not.toContainText('Waiting longer than');
  await expect(toReview).toContainText('the target is 2 working days');
  // Filters the relay offers and applies, and a search, with the count spoken.
  const count = toReview.getByTestId('paging-status');
  await expect(count).toHaveText('Showing 2 of 2 reports');
  await expect(toReview.getByLabel('Tutor', { exact: true }).locator('option')).toHaveText(['All', 'Tom Tutor']);
  await toReview.getByLabel('Learner', { exact: true }).selectOption('Gus Hale');
  await expect(count).toHaveText('Showing 1 of 1 report');
  await toReview.getByLabel('Search title, tutor or learners').fill('Tudors nowhere');
  await expect(count).toHaveText('Showing 0 of 0 reports');
  await expect(entry).toBeHidden();
  await toReview.getByLabel('Search title, tutor or learners').fill('gus');
  await expect(count).toHaveText('Showing 1 of 1 report');
  await toReview.getByLabel('Learner', { exact: true }).selectOption('');
  await toReview.getByLabel('Search title, tutor or learners').fill('');
  await expect(count).toHaveText('Showing 2 of 2 reports');
  await expectAccessible(reviewer);
  await entry.click();
  await expect(reviewer).toHaveURL(`${own.base}/report/${reportId}`);
  await expect.poll(() => editorText(reviewer, progress), slow).toBe('Dated the Tudors.');
  await expect(reviewer.getByText('You opened this report as reviewer, through your organisation.')).toBeVisible();
  await expect(reviewer.getByText('Status: Submitted')).toBeVisible(slow);
  // The reviewer's comment carries their account's name and member id, which the relay checks: it reaches the tutor.
  await addComment(reviewer, progress, 'Tudors', 'Which Tudors?');
  await expect(thread(tutor, 'Which Tudors?')).toContainText('Rita Reviewer', slow);
  await reviewer.getByRole('button', { name: 'Approve report' }).click();
  await expect(reviewer.getByText('Status: Approved')).toBeVisible(slow);
  await expect(tutor.getByText('Status: Approved')).toBeVisible(slow);
  // Opened from the queue, the report offers the next one, also with Alt+N.
  await expect(reviewer.getByRole('link', { name: 'Next report to review' })).toBeVisible();
  await reviewer.keyboard.press('Alt+KeyN');
  await expect(reviewer).toHaveURL(`${own.base}/report/${secondId}`, slow);
  await expect(reviewer.getByText('Status: Submitted')).toBeVisible(slow);
  await expect(reviewer.getByRole('link', { name: 'Next report to review' })).toHaveCount(0);
  await reviewer.goto(`${own.base}/report/${reportId}`);
  const reviewerLinks = await reviewer.evaluate(async () => {
    const open = indexedDB.open('margin-access');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const request = db.transaction('links').objectStore('links').getAll();
    return new Promise<{ source: string; role: string }[]>(
      (resolve) => (request.onsuccess = () => resolve(request.result)),
    );
  });
  // One member grant for each of the two reports the reviewer opened, never a share link.
  expect(reviewerLinks.map(({ source, role }) => ({ source, role }))).toEqual([
    { source: 'member', role: 'reviewer' },
    { source: 'member', role: 'reviewer' },
  ]);

  // Removed while the report is open, the reviewer is cut off at once, and the page says so.
  await admin.reload();
  await admin.getByRole('button', { name: 'Remove Rita Reviewer' }).click();
  await admin.getByRole('button', { name: 'Yes, remove Rita Reviewer' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Rita Reviewer is removed' })).toBeVisible(slow);
  await expect(
    reviewer.getByRole('alert').filter({ hasText: 'You are no longer a member of the organisation' }),
  ).toHaveText(
    'You are no longer a member of the organisation, so its reports are closed to you. What you see is this device’s copy.',
    slow,
  );
}
