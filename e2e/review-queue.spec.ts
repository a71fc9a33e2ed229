// The quality reviewer's queue worked through quickly, in real Chromium with a virtual authenticator per person and
// the real relay: the administrator sets the organisation's review target (a clear error for a bad one, and a
// tutor's raw request to change it refused); the tutor says whose learner a report is about from the report page;
// the reviewer filters by client and by dates submitted, moves with J and K, marks reports with M and with their
// boxes and approves them together, one refused by name because it was approved meanwhile; the queue flags what has
// waited past the target; and a tutor's raw bulk approval is refused. With more reports waiting than one page, the
// filter and the search ask the relay, so they find a report beyond the first page, and the choices name a tutor
// whose only report is beyond it.
import type { BrowserContext, Page } from '@playwright/test';
import { dateFieldText } from '../shared/forms/uk-dates.ts';
import { createSessionReportDoc } from '../shared/reports/session-report/doc.ts';
import { addDays, localDate } from '../shared/workflow/calendar.ts';
import { completeSessionReport, createSessionReport, editor, signIn, submitReport } from './app.ts';
import { expect, expectAccessible, test, withOtherContexts } from './fixtures.ts';
import {
  invite,
  join,
  listedReports,
  personWithPasskeys,
  setUpAgency,
  slow,
  relayOfTheirOwn,
  writeRegisteredReport,
} from './organisation-people.ts';

const own = relayOfTheirOwn();
/** A second organisation, on a relay of its own (an organisation is set up on a relay with none). */
const big = relayOfTheirOwn();

const progress = 'Comment on progress towards learning objectives';

test('a reviewer filters the queue by client and dates, marks reports and approves them together, flagged by the organisation’s target', async ({
  browser,
  context,
}) => {
  test.setTimeout(240_000);
  await withOtherContexts(browser, 2, (others) => story(context, others));
});

/** A session report for `learner`, written and submitted by the tutor; its id. */
async function submitted(tutor: Page, learner: string, client?: string): Promise<string> {
  const url = await createSessionReport(tutor, own.base, { learner, tutor: 'Tom Tutor' });
  const id = new URL(url).pathname.split('/').pop()!;
  if (client) {
    // Registered with the organisation as it is claimed; then its owner says whose learner it is about.
    await expect.poll(async () => (await listedReports(tutor)).some((report) => report.id === id), slow).toBe(true);
    await tutor.reload();
    const form = tutor.getByRole('form', { name: 'The report’s client' });
    await form.getByLabel('Client whose learner this is about').selectOption(client);
    await form.getByRole('button', { name: 'Save the client' }).click();
    await expect(form.getByRole('status')).toHaveText(
      `This report is now about a learner of ${client}: their contacts read it once it is approved.`,
      slow,
    );
    await expectAccessible(tutor);
  }
  await editor(tutor, progress).click();
  await tutor.keyboard.insertText(`Worked with ${learner}.`);
  await completeSessionReport(tutor, learner);
  await submitReport(tutor);
  await expect(tutor.getByText('Status: Submitted')).toBeVisible(slow);
  return id;
}

async function story(adminContext: BrowserContext, [tutorContext, reviewerContext]: BrowserContext[]) {
  const organisation = 'Westside Tutors';
  const { page: admin } = await personWithPasskeys(adminContext);
  await setUpAgency(admin, own.base, organisation);
  const tutorLink = await invite(admin, own.base, 'Tom Tutor', 'Tutor');
  const reviewerLink = await invite(admin, own.base, 'Rita Reviewer', 'Quality reviewer');
  for (const [name, client] of [
    ['Cara Contact', 'client-9'],
    ['Cy Contact', 'client-3'],
  ] as const) {
    await admin.getByLabel('Their name').fill(name);
    await admin.getByLabel('Their role').selectOption({ label: 'Client contact' });
    await admin.getByLabel('Their client').fill(client);
    await admin.getByRole('button', { name: 'Invite', exact: true }).click();
    await expect(admin.getByLabel(`Link to send to ${name}`)).toBeVisible(slow);
  }

  // The administrator sets the organisation's target: a bad one is refused with why, a good one kept.
  const target = admin.getByRole('region', { name: 'Review target' });
  const days = target.getByLabel('Working days a report may wait for review');
  await expect(days).toHaveValue('2');
  await days.fill('25');
  await target.getByRole('button', { name: 'Save the target' }).click();
  await expect(target.getByRole('alert')).toHaveText('The target is at most 20 working days.');
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await days.fill('two');
  await target.getByRole('button', { name: 'Save the target' }).click();
  await expect(target.getByRole('alert')).toHaveText(
    'Give the target as a whole number of working days, from 1 to 20.',
  );
  await expectAccessible(admin);
  await days.fill('3');
  await target.getByRole('button', { name: 'Save the target' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Reports now wait' })).toHaveText(
    'Reports now wait up to 3 working days for review before they are flagged.',
    slow,
  );
  await expect(target.getByRole('alert')).toHaveCount(0);

  const { page: tutor } = await personWithPasskeys(tutorContext!);
  await join(tutor, tutorLink, 'Tom Tutor', organisation);
  const { page: reviewer } = await personWithPasskeys(reviewerContext!);
  await join(reviewer, reviewerLink, 'Rita Reviewer', organisation);

  // A tutor cannot change the target by calling the relay themselves.
  const tutorsTarget = await tutor.evaluate(async () => {
    const response = await fetch('/api/organisation', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reviewTargetDays: 10 }),
    });
    return { status: response.status, body: await response.json() };
  });
  expect(tutorsTarget).toEqual({ status: 403, body: { error: 'Only the organisation’s administrators may do this.' } });

  // Three reports, oldest first: Gus Hale's for client-9, then Ada Lane's and Ben Ray's.
  const gus = await submitted(tutor, 'Gus Hale', 'client-9');
  const ada = await submitted(tutor, 'Ada Lane');
  const ben = await submitted(tutor, 'Ben Ray');

  await signIn(reviewer, own.base, 'Rita Reviewer');
  const queue = reviewer.getByRole('region', { name: 'Reports to review' });
  const count = queue.getByTestId('paging-status');
  await expect(async () => {
    await reviewer.reload();
    await expect(count).toHaveText('Showing 3 of 3 reports', { timeout: 5_000 });
  }).toPass(slow);
  await expect(queue).toContainText('the target is 3 working days');
  await expect(queue.getByRole('listitem').first()).toContainText('Client: client-9.');

  // By client.
  await expect(queue.getByLabel('Client', { exact: true }).locator('option')).toHaveText(['All', 'client-9']);
  await queue.getByLabel('Client', { exact: true }).selectOption('client-9');
  await expect(count).toHaveText('Showing 1 of 1 report');
  await queue.getByLabel('Client', { exact: true }).selectOption('');
  await expect(count).toHaveText('Showing 3 of 3 reports');

  // By the day submitted, in British dates: from tomorrow keeps none; to yesterday as well is impossible, and said.
  const today = await reviewer.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  });
  const from = queue.getByRole('textbox', { name: /^Submitted from/ });
  const to = queue.getByRole('textbox', { name: /^Submitted to/ });
  await from.fill(dateFieldText(addDays(today, 1)));
  await from.press('Tab');
  await expect(count).toHaveText('Showing 0 of 0 reports');
  await to.fill(dateFieldText(addDays(today, -1)));
  await to.press('Tab');
  await expect(queue.getByRole('alert')).toHaveText('The first day is after the last: no report fits.');
  await from.fill(dateFieldText(today));
  await from.press('Tab');
  await to.fill(dateFieldText(today));
  await to.press('Tab');
  await expect(count).toHaveText('Showing 3 of 3 reports');
  await expect(queue.getByRole('alert')).toHaveCount(0);
  // A date that cannot be read is said so, and the filter keeps what it had.
  await to.fill('31/02/2026');
  await to.press('Tab');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(count).toHaveText('Showing 3 of 3 reports');
  await to.fill('');
  await to.press('Tab');
  await expectAccessible(reviewer);

  // Marked from the keyboard (M on the focused entry) and with a box; meanwhile Ada Lane's is approved elsewhere.
  const entries = queue.getByRole('listitem');
  await entries.nth(0).getByRole('link').focus();
  await reviewer.keyboard.press('m');
  const gusBox = queue.getByRole('checkbox', { name: /^Mark .*Gus Hale.* for approval$/ });
  await expect(gusBox).toBeChecked();
  // J and K go from entry to entry; Ada Lane's is marked with its box.
  await reviewer.keyboard.press('j');
  await expect(entries.nth(1).getByRole('link')).toBeFocused();
  await reviewer.keyboard.press('j');
  await expect(entries.nth(2).getByRole('link')).toBeFocused();
  await reviewer.keyboard.press('k');
  await expect(entries.nth(1).getByRole('link')).toBeFocused();
  await queue.getByRole('checkbox', { name: /^Mark .*Ada Lane.* for approval$/ }).check();
  await expect(queue.getByRole('checkbox', { name: /^Mark .*Ben Ray.* for approval$/ })).not.toBeChecked();
  const approveMarked = queue.getByRole('button', { name: 'Approve 2 reports marked' });
  await expect(approveMarked).toBeEnabled();
  const elsewhere = await reviewer.evaluate(async (id) => {
    const grant = await (await fetch(`/api/organisation/reports/${id}/token`)).json();
    const response = await fetch(`/api/reports/${id}/transitions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${grant.token}` },
      body: JSON.stringify({ action: 'approve', name: 'Rita Reviewer' }),
    });
    return response.status;
  }, ada);
  expect(elsewhere).toBe(200);
  await approveMarked.click();
  await expect(queue.getByText('Approved 1 report.')).toBeVisible(slow);
  const refusedOnes = queue.getByRole('alert');
  await expect(refusedOnes).toContainText('These were not approved:');
  await expect(refusedOnes.getByRole('listitem')).toHaveCount(1);
  await expect(refusedOnes.getByRole('listitem')).toContainText('Ada Lane');
  await expect(refusedOnes.getByRole('listitem')).toContainText(/approved/i);
  await expect(count).toHaveText('Showing 1 of 1 report', slow);
  await expectAccessible(reviewer);
  const statuses = Object.fromEntries(
    ((await listedReports(reviewer)) as { id: string; status: string }[]).map((each) => [each.id, each.status]),
  );
  expect(statuses).toEqual({ [gus]: 'approved', [ada]: 'approved', [ben]: 'submitted' });

  // The tutor cannot approve in bulk by calling the relay, not even their own report.
  const tutorsBulk = await tutor.evaluate(async (id) => {
    const response = await fetch('/api/organisation/approvals', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reports: [id] }),
    });
    return { status: response.status, body: await response.json() };
  }, ben);
  expect(tutorsBulk).toEqual({
    status: 403,
    body: {
      error: 'Reports are approved by the organisation’s quality reviewers; as a tutor you cannot approve them.',
    },
  });

  // A fortnight on, Ben Ray's report has waited past the organisation's target of 3 working days, and is flagged.
  await expect(queue.getByText('Waiting longer than 3 working days')).toHaveCount(0);
  await reviewer.clock.setFixedTime(new Date(Date.now() + 14 * 24 * 3600_000));
  await reviewer.reload();
  const flagged = queue.getByRole('listitem').filter({ hasText: 'Ben Ray' });
  await expect(flagged).toContainText('Waiting longer than 3 working days', slow);

  // Marked and approved, the last one empties the queue; what became of it stays said.
  await queue.getByRole('checkbox', { name: /^Mark .*Ben Ray.* for approval$/ }).check();
  await queue.getByRole('button', { name: 'Approve 1 report marked' }).click();
  await expect(queue.getByText('Nothing is waiting for review.')).toBeVisible(slow);
  await expect(queue.getByText('Approved 1 report.')).toBeVisible();
  await expect(queue.getByRole('alert')).toHaveCount(0);
  await expectAccessible(reviewer);
}

/** Session reports for these learners, written by the tutor signed in on `page` and submitted in turn; their ids. */
async function submittedMany(page: Page, tutor: string, learners: string[], prefix: string): Promise<string[]> {
  const ids = learners.map((_, n) => `${prefix}-${n}`);
  const today = localDate(new Date());
  // Written a few at a time over real websockets, as the form writes them.
  for (let start = 0; start < ids.length; start += 4)
    await Promise.all(
      ids.slice(start, start + 4).map((id, n) =>
        writeRegisteredReport(page, big.relay, id, (doc) =>
          createSessionReportDoc(
            doc,
            {
              date: today,
              start: '16:00',
              finish: '17:00',
              subject: 'Maths',
              learners: [{ id: `l-${id}`, name: learners[start + n]! }],
            },
            tutor,
          ),
        ),
      ),
    );
  const statuses = await page.evaluate(
    async ({ ids, tutor }) => {
      const done: number[] = [];
      for (const id of ids) {
        const grant = await (await fetch(`/api/organisation/reports/${id}/token`)).json();
        const response = await fetch(`/api/reports/${id}/transitions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${grant.token}` },
          body: JSON.stringify({ action: 'submit', name: tutor }),
        });
        done.push(response.status);
      }
      return done;
    },
    { ids, tutor },
  );
  expect(statuses).toEqual(ids.map(() => 200));
  return ids;
}

test('with more reports waiting than one page, the filter and the search find one beyond it, and the choices name its tutor', async ({
  browser,
  context,
}) => {
  test.setTimeout(240_000);
  await withOtherContexts(browser, 3, async ([tomContext, tessContext, reviewerContext]) => {
    const organisation = 'Northside Tutors';
    const { page: admin } = await personWithPasskeys(context);
    await setUpAgency(admin, big.base, organisation);
    const links = {
      tom: await invite(admin, big.base, 'Tom Tutor', 'Tutor'),
      tess: await invite(admin, big.base, 'Tess Tutor', 'Tutor'),
      rita: await invite(admin, big.base, 'Rita Reviewer', 'Quality reviewer'),
    };
    const { page: tom } = await personWithPasskeys(tomContext!);
    await join(tom, links.tom, 'Tom Tutor', organisation);
    const { page: tess } = await personWithPasskeys(tessContext!);
    await join(tess, links.tess, 'Tess Tutor', organisation);
    const { page: reviewer } = await personWithPasskeys(reviewerContext!);
    await join(reviewer, links.rita, 'Rita Reviewer', organisation);

    // Fifty of Tom's fill the first page; Tess's one report, submitted last, waits beyond it.
    const toms = await submittedMany(
      tom,
      'Tom Tutor',
      Array.from({ length: 50 }, (_, n) => `Learner ${n + 1}`),
      'tom',
    );
    const [zoe] = await submittedMany(tess, 'Tess Tutor', ['Zoe Quill'], 'tess');

    await signIn(reviewer, big.base, 'Rita Reviewer');
    const queue = reviewer.getByRole('region', { name: 'Reports to review' });
    const count = queue.getByTestId('paging-status');
    const entries = queue.locator('li[data-report]');
    await expect(count).toHaveText('Showing 50 of 51 reports', slow);
    await expect(entries).toHaveCount(50);
    await expect(queue.locator(`li[data-report="${zoe}"]`)).toHaveCount(0);
    await expect(queue.getByRole('button', { name: 'Show more' })).toBeVisible();

    // The choices are the whole queue's: Tess and her learner, though nothing of hers is on the page.
    const tutorSelect = queue.getByLabel('Tutor', { exact: true });
    await expect(tutorSelect.locator('option')).toHaveText(['All', 'Tess Tutor', 'Tom Tutor']);
    await expect(queue.getByLabel('Learner', { exact: true }).locator('option')).toContainText(['Zoe Quill']);
    await expect(queue.getByLabel('Kind', { exact: true }).locator('option')).toHaveText(['All', 'Session report']);
    await tutorSelect.selectOption({ label: 'Tess Tutor' });
    await expect(count).toHaveText('Showing 1 of 1 report', slow);
    await expect(entries).toHaveCount(1);
    await expect(entries.first()).toHaveAttribute('data-report', zoe!);
    await expect(entries.first()).toContainText('Learners: Zoe Quill.');
    await expect(queue.getByRole('button', { name: 'Show more' })).toHaveCount(0);
    await expectAccessible(reviewer);
    await tutorSelect.selectOption({ label: 'All' });
    await expect(count).toHaveText('Showing 50 of 51 reports', slow);

    // With the relay out of reach a filter cannot be applied: the queue says so, keeps the list it had and the choice
    // made, and says the list is from before that choice; back online, Try again applies it.
    await reviewer.context().setOffline(true);
    await tutorSelect.selectOption({ label: 'Tess Tutor' });
    const failed = queue.getByRole('alert');
    await expect(failed).toContainText('The list below is still the one from before your last change.', slow);
    await expect(count).toHaveText('Showing 50 of 51 reports');
    await expect(tutorSelect.locator('option:checked')).toHaveText('Tess Tutor');
    await expectAccessible(reviewer);
    await reviewer.context().setOffline(false);
    // The queue's own refresh (each minute, and on focus) may get there first.
    await failed
      .getByRole('button', { name: 'Try again' })
      .click({ timeout: 5_000 })
      .catch(() => undefined);
    await expect(count).toHaveText('Showing 1 of 1 report', slow);
    await expect(failed).toHaveCount(0);
    await tutorSelect.selectOption({ label: 'All' });
    await expect(count).toHaveText('Showing 50 of 51 reports', slow);

    // A search longer than the relay takes cannot be typed.
    const search = queue.getByRole('searchbox', { name: 'Search title, tutor or learners' });
    await expect(search).toHaveAttribute('maxlength', '200');

    // By learner, and by words: the learner's, and the tutor's name.
    await queue.getByLabel('Learner', { exact: true }).selectOption('Zoe Quill');
    await expect(count).toHaveText('Showing 1 of 1 report', slow);
    await queue.getByLabel('Learner', { exact: true }).selectOption('');
    await search.fill('quill');
    await expect(count).toHaveText('Showing 1 of 1 report', slow);
    await expect(entries.first()).toHaveAttribute('data-report', zoe!);
    await search.fill('TESS');
    await expect(count).toHaveText('Showing 1 of 1 report', slow);
    await search.fill('');
    await expect(count).toHaveText('Showing 50 of 51 reports', slow);

    // Show more brings the next page.
    await queue.getByRole('button', { name: 'Show more' }).click();
    await expect(count).toHaveText('Showing 51 of 51 reports', slow);
    await expect(entries.last()).toHaveAttribute('data-report', zoe!);

    // The next report, from a report opened from the queue, is the next in the filtered order shown.
    await search.fill('Learner 1');
    await expect(count).toHaveText('Showing 11 of 11 reports', slow);
    const shown = await entries.evaluateAll((items) => items.map((item) => item.getAttribute('data-report')));
    expect(shown.every((id) => toms.includes(id!))).toBe(true);
    await entries.first().getByRole('link').click();
    await expect(reviewer).toHaveURL(new RegExp(`/report/${shown[0]}$`), slow);
    await expect(reviewer.getByRole('link', { name: 'Next report to review' })).toHaveAttribute(
      'href',
      `/report/${shown[1]}`,
      slow,
    );
  });
});
