// The tutor's home page: sessions grouped today / other days this week / last week / next week (weeks start
// on Monday) around a week boundary, with the clock fixed; pending actions that link to where to act; and
// session search by learner, subject and dates.
import type { Page } from '@playwright/test';
import { addSessionTo, createAssignment, signIn } from './app.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

test.use({ timezoneId: 'Europe/London' });

const group = (page: Page, name: string) => page.getByRole('region', { name, exact: true }).getByRole('listitem');
const reportId = (url: string) => new URL(url).pathname.split('/').pop()!;

test('sessions are grouped by week around a week boundary, and groups look different from individuals', async ({
  page,
  relay,
}) => {
  test.setTimeout(150_000);
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00Z')); // Monday
  await signIn(page, relay.url);
  const ada = await createAssignment(page, relay.url, {
    learners: ['Ada Lovelace'],
    subject: 'Maths',
    start: '2026-11-02',
    end: '2027-01-29',
  });
  for (const date of [
    '2026-11-15',
    '2026-11-16',
    '2026-11-22',
    '2026-11-23',
    '2026-11-29',
    '2026-11-30',
    '2026-12-07',
  ]) {
    await addSessionTo(page, ada, { date });
  }
  const pair = await createAssignment(page, relay.url, {
    learners: ['Ben Okri', 'Cy Twombly'],
    subject: 'English',
    start: '2026-11-02',
    end: '2027-01-29',
  });
  await addSessionTo(page, pair, { date: '2026-11-24', start: '10:00', finish: '11:00' });

  await page.goto(relay.url);
  await expect(group(page, 'Today')).toHaveText([/Individual.*Mon 23 Nov 2026.*Ada Lovelace/]);
  await expect(group(page, 'Other days this week')).toHaveText([
    /Group 1:2.*Tue 24 Nov 2026.*Ben Okri, Cy Twombly.*English/,
    /Sun 29 Nov 2026/,
  ]);
  await expect(group(page, 'Last week')).toHaveText([/Mon 16 Nov 2026/, /Sun 22 Nov 2026/]);
  await expect(group(page, 'Next week')).toHaveText([/Mon 30 Nov 2026/]);
  await expect(page.locator('li.group svg .member')).toHaveCount(2);
  await expectAccessible(page);

  await page.clock.setFixedTime(new Date('2026-11-29T18:00:00Z')); // the Sunday that ends the week
  await page.reload();
  await expect(group(page, 'Today')).toHaveText([/Sun 29 Nov 2026/]);
  await expect(group(page, 'Other days this week')).toHaveText([/Mon 23 Nov 2026/, /Tue 24 Nov 2026/]);
  await expect(group(page, 'Last week')).toHaveText([/Mon 16 Nov 2026/, /Sun 22 Nov 2026/]);
  await expect(group(page, 'Next week')).toHaveText([/Mon 30 Nov 2026/]);

  await page.clock.setFixedTime(new Date('2026-11-30T08:00:00Z')); // and the Monday after it
  await page.reload();
  await expect(group(page, 'Today')).toHaveText([/Mon 30 Nov 2026/]);
  await expect(group(page, 'Other days this week')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Other days this week', exact: true })).toContainText('No sessions.');
  await expect(group(page, 'Last week')).toHaveText([/Mon 23 Nov 2026/, /Tue 24 Nov 2026/, /Sun 29 Nov 2026/]);
  await expect(group(page, 'Next week')).toHaveText([/Mon 7 Dec 2026/]);
});

/** The reviewer's decision reaches the index through the report's status document (the workflow's work); here it is written as that would. */
async function markRejected(page: Page, id: string, reason: string) {
  await page.evaluate(
    async ({ id, reason }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('margin');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['reports', 'knownStatuses'], 'readwrite');
        const reports = tx.objectStore('reports');
        const read = reports.get(id);
        read.onsuccess = () => reports.put({ ...read.result, status: 'rejected', rejectionReason: reason });
        tx.objectStore('knownStatuses').put({ id, status: 'rejected', rejectionReason: reason });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { id, reason },
  );
}

test('pending actions list a rejected report with the reason, an overdue plan and a session without a report, each linking to where to act', async ({
  page,
  relay,
}) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-11-23T15:00:00Z'));
  await signIn(page, relay.url);
  const assignment = await createAssignment(page, relay.url, {
    learners: ['Ada Lovelace'],
    subject: 'Maths',
    start: '2026-11-09',
    end: '2027-01-29',
  });
  const unwritten = await addSessionTo(page, assignment, { date: '2026-11-16' });
  const rejected = await addSessionTo(page, assignment, { date: '2026-11-20' });
  await page.goto(relay.url);
  await markRejected(page, reportId(rejected), 'Objective 1 is not measurable.');
  await page.reload();

  const pending = page.getByRole('region', { name: 'Pending actions' }).getByRole('listitem');
  await expect(pending).toHaveText([
    /Rejected.*Session report: Ada Lovelace: Maths, Fri 20 Nov 2026.*Rejected: Objective 1 is not measurable\..*Amend the report/,
    /Overdue.*Individual Learning Plan: Ada Lovelace, Maths.*Overdue: it was due on Fri 20 Nov 2026\..*Write the plan/,
    /No report yet.*Session: Ada Lovelace, Maths.*The session on Mon 16 Nov 2026 at 13:00 has no submitted report\..*Write the report/,
  ]);
  await expect(pending.nth(0).getByRole('link', { name: 'Amend the report' })).toHaveAttribute(
    'href',
    new URL(rejected).pathname,
  );
  await expect(pending.nth(2).getByRole('link', { name: 'Write the report' })).toHaveAttribute(
    'href',
    new URL(unwritten).pathname,
  );
  await expectAccessible(page);

  await pending.nth(1).getByRole('link', { name: 'Write the plan' }).click();
  await expect(page).toHaveURL(assignment);
  await expect(page.getByRole('row', { name: /Individual Learning Plan/ })).toContainText('Overdue');
  await page.getByRole('button', { name: 'Write the plan for Ada Lovelace' }).click();
  await expect(page.getByRole('heading', { name: 'Individual Learning Plan: Ada Lovelace: Maths' })).toBeVisible();
  const plan = page.url();
  await page.goto(relay.url);
  await expect(pending.nth(1)).toContainText('Continue the draft');
  await expect(pending.nth(1).getByRole('link')).toHaveAttribute('href', new URL(plan).pathname);
  await page.goto(`${relay.url}/assignments`);
  await expect(page.getByRole('link', { name: 'Maths: Ada Lovelace' })).toBeVisible();
  await expectAccessible(page);
});

test('session search by learner, subject and date range, with clear errors', async ({ page, relay }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-11-23T15:00:00Z'));
  await signIn(page, relay.url);
  const ada = await createAssignment(page, relay.url, {
    learners: ['Ada Lovelace'],
    subject: 'Maths',
    start: '2026-11-02',
    end: '2027-01-29',
  });
  await addSessionTo(page, ada, { date: '2026-11-03' });
  await addSessionTo(page, ada, { date: '2026-11-10' });
  const ben = await createAssignment(page, relay.url, {
    learners: ['Ben Okri'],
    subject: 'English',
    start: '2026-11-02',
    end: '2027-01-29',
  });
  const english = await addSessionTo(page, ben, { date: '2026-11-05' });
  await page.goto(relay.url);

  const search = page.getByRole('search');
  const results = page.getByRole('region', { name: /found/ });
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Choose a learner, type a subject or give dates to search.' }),
  ).toBeVisible();
  await expect(search.getByLabel('Learner')).toBeFocused();

  await search.getByLabel('From').fill('2026-11-10');
  await search.getByLabel('To').fill('2026-11-01');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The "from" date is after the "to" date.' })).toBeVisible();
  await expect(search.getByLabel('From')).toBeFocused();

  await search.getByLabel('From').fill('');
  await search.getByLabel('To').fill('');
  await search.getByLabel('Learner').selectOption({ label: 'Ada Lovelace' });
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(results.getByRole('heading')).toHaveText('2 sessions found');
  await expect(results.getByRole('listitem')).toHaveText([/Tue 10 Nov 2026/, /Tue 3 Nov 2026/]);

  await search.getByLabel('Learner').selectOption({ label: 'Any learner' });
  await search.getByLabel('Subject starts with').fill('eng');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(results.getByRole('listitem')).toHaveText([/Ben Okri.*English/]);

  await search.getByLabel('Subject starts with').fill('');
  await search.getByLabel('From').fill('2026-11-04');
  await search.getByLabel('To').fill('2026-11-09');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(results.getByRole('listitem')).toHaveText([/Thu 5 Nov 2026.*Ben Okri/]);
  await expectAccessible(page);
  await results.getByRole('link').click();
  await expect(page).toHaveURL(english);
});

test('adding an assignment or a session refuses bad input with messages that say what to fix', async ({
  page,
  relay,
}) => {
  await signIn(page, relay.url);
  await page.goto(`${relay.url}/assignments`);
  await page.getByLabel("Learner's name").fill('Ada Lovelace');
  await page.getByRole('button', { name: 'Add learner' }).click();
  await page.getByLabel('End date').fill('2026-01-01');
  await page.getByRole('button', { name: 'Add assignment' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Choose at least one learner.' });
  await expect(alert).toContainText('Give the subject.');
  await expect(alert).toContainText('The end date must be after the start date.');
  await expectAccessible(page);
  await alert.getByRole('link', { name: 'Give the subject.' }).click();
  await expect(page.getByLabel('Subject')).toBeFocused();

  await page.getByRole('checkbox', { name: 'Ada Lovelace' }).check();
  await page.getByLabel('Subject').fill('Maths');
  await page.getByLabel('Start date').fill('2026-11-02');
  await page.getByLabel('End date').fill('2027-01-29');
  await page.getByRole('button', { name: 'Add assignment' }).click();
  await expect(page.getByRole('heading', { name: 'Assignment: Ada Lovelace, Maths' })).toBeVisible();

  await page.getByLabel('Session date').fill('2027-02-01');
  await page.getByLabel('Start time').fill('14:00');
  await page.getByLabel('Finish time').fill('13:00');
  await page.getByRole('button', { name: 'Add session and write report' }).click();
  const problems = page.getByRole('alert');
  await expect(problems).toContainText(
    'The session must fall within the assignment, Mon 2 Nov 2026 to Fri 29 Jan 2027.',
  );
  await expect(problems).toContainText('The finish time must be after the start time.');
  await expect(page.getByLabel('Start time')).toHaveValue('14:00');
  await expectAccessible(page);
});
