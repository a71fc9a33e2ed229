// The audit log page on a fresh relay, in real Chromium with a virtual authenticator per person: the administrator
// sets up the organisation and invites a tutor, who joins and signs in again; the administrator's audit log lists
// the invitation and the sign-in newest first, filters by kind of event, and its CSV link answers with text/csv.
// The tutor is told only administrators see it, and the relay refuses them the log itself.
import { expect, expectAccessible, test, watchPolicy } from './fixtures.ts';
import { header, invite, join, personWithPasskeys, slow, setUpAgency, relayOfTheirOwn } from './organisation-people.ts';

const own = relayOfTheirOwn();

test('an administrator reads, filters and downloads the audit log; a tutor cannot open it', async ({
  browser,
  context,
}) => {
  test.setTimeout(240_000);
  const organisation = 'Audited Tutors';
  const tutorContext = await browser.newContext();
  const refused = watchPolicy(tutorContext);
  try {
    // Setting up, and inviting a tutor who joins in their own browser.
    const admin = await personWithPasskeys(context);
    await setUpAgency(admin.page, own.base, organisation);
    const tutorLink = await invite(admin.page, own.base, 'Tom Tutor', 'Tutor');
    const tutor = await personWithPasskeys(tutorContext);
    await join(tutor.page, tutorLink, 'Tom Tutor', organisation);
    // The tutor signs out and in again: a sign-in for the log.
    await header(tutor.page).getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(tutor.page.getByRole('status').filter({ hasText: 'You have signed out on this device.' })).toBeVisible(
      slow,
    );
    await tutor.page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect(header(tutor.page)).toContainText('Signed in as Tom Tutor', slow);

    // The tutor has no way in: no link in the header, and the page says why.
    await expect(header(tutor.page).getByRole('link', { name: 'Audit log' })).toHaveCount(0);
    await tutor.page.goto(`${own.base}/organisation/audit`);
    await expect(tutor.page.getByRole('alert')).toHaveText(
      'Only the organisation’s administrators see its audit log. As a tutor you have no part in it.',
      slow,
    );
    await expect(tutor.page.getByRole('table')).toHaveCount(0);
    const asked = await tutor.page.evaluate(async () => (await fetch('/api/organisation/audit.csv')).status);
    expect(asked).toBe(403);

    // The administrator opens it from the header: newest first, members named.
    await header(admin.page).getByRole('link', { name: 'Audit log' }).click();
    await expect(admin.page.getByRole('heading', { name: `Audit log of ${organisation}` })).toBeVisible(slow);
    const table = admin.page.getByRole('table', { name: /Audit log, newest first/ });
    const rows = table.getByRole('row');
    await expect(table.getByRole('columnheader')).toHaveText(['When', 'Who', 'What', 'About'], slow);
    // A header row, then: Tom's sign-in, Tom's first sign-in and passkey (his invitation used), Tom's invitation by
    // Ada, Ada's first sign-in and passkey, Ada's invitation, the set-up.
    await expect(rows).toHaveCount(9, slow);
    await expect(rows.nth(1)).toContainText(/Tom Tutor\s*Signed in\s*Tom Tutor/);
    await expect(rows.filter({ hasText: 'Invited as tutor' })).toContainText(
      /Ada Admin\s*Invited as tutor\s*Tom Tutor/,
    );
    await expect(rows.filter({ hasText: 'Invited as administrator' })).toContainText('Ada Admin');
    await expect(rows.last()).toContainText(`Organisation set up (${organisation})`);
    await expectAccessible(admin.page);

    // Filtering by kind of event.
    const show = admin.page.getByLabel('Show', { exact: true });
    await show.selectOption({ label: 'Invitations' });
    await expect(rows).toHaveCount(3);
    await expect(admin.page.getByRole('status')).toHaveText('2 of 8 events: invitations.');
    await expect(rows.nth(1)).toContainText('Invited as tutor');
    await expect(rows.nth(2)).toContainText('Invited as administrator');
    await show.selectOption({ label: 'Sign-ins and sign-outs' });
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText(/Tom Tutor\s*Signed in\s*Tom Tutor/);
    await expect(rows.nth(2)).toContainText('Signed in for the first time, with their invitation');
    await expect(rows.nth(3)).toContainText(/Ada Admin\s*Signed in for the first time, with their invitation/);
    await expectAccessible(admin.page);
    await show.selectOption({ label: 'Every kind of event' });
    await expect(rows).toHaveCount(9);

    // The CSV link answers with the whole log as CSV.
    const link = admin.page.getByRole('link', { name: 'Download as CSV' });
    const href = await link.getAttribute('href');
    expect(href).toBe('/api/organisation/audit.csv');
    const csv = await admin.page.evaluate(async (address) => {
      const response = await fetch(address);
      return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
    }, href!);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('When,Who,What,About,Details');
    expect(lines.map((line) => line.split(',')[2])).toEqual([
      'What',
      'organisation created',
      'member invited',
      'passkey added',
      'signed in',
      'member invited',
      'passkey added',
      'signed in',
      'signed in',
    ]);
    const download = admin.page.waitForEvent('download');
    await link.click();
    expect((await download).suggestedFilename()).toBe('audit-log.csv');
  } finally {
    await tutorContext.close();
  }
  expect(refused, 'the app broke its Content-Security-Policy').toEqual([]);
});
