// An organisation on a fresh relay, in real Chromium with a virtual authenticator per person (the DevTools
// WebAuthn domain): the administrator sets it up and enrols a passkey, invites a tutor and a reviewer who enrol
// in their own browsers, a used link says so, the removed reviewer is signed out at their next request, and
// signing out and in again works with the same authenticator. The relay binds passkeys to localhost.
import { createHash } from 'node:crypto';
import { join as joinPath } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, expectAccessible, test, withOtherContexts } from './fixtures.ts';
import { header, invite, join, personWithPasskeys, slow, relayOfTheirOwn } from './organisation-people.ts';

const own = relayOfTheirOwn();

/** Lets the invitation behind `link` run out, as if its seven days had passed: the relay's clock is not the test's. */
function expire(link: string): void {
  const tokenHash = createHash('sha256').update(new URL(link).hash.replace('#token=', '')).digest('base64url');
  const db = new Database(joinPath(own.relay.dataDir, 'margin.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const changed = db
      .prepare('UPDATE invitations SET expires_at = ? WHERE token_hash = ?')
      .run('2020-01-01T00:00:00.000Z', tokenHash);
    expect(changed.changes).toBe(1);
  } finally {
    db.close();
  }
}

test('an administrator sets up the organisation, invites people who enrol passkeys, removes one, and signs in again', async ({
  browser,
  context,
}) => {
  test.setTimeout(360_000);
  // The administrator's browser is the test's own (its policy is checked by the fixture); the others are watched here.
  await withOtherContexts(browser, 3, (others) => story(context, others));
});

async function story(adminContext: BrowserContext, [tutorContext, reviewerContext, strangerContext]: BrowserContext[]) {
  const organisation = 'Northside Tutors';
  const admin = await personWithPasskeys(adminContext);

  // Setting up: the relay has no organisation, so the first visitor is led to make one.
  await admin.page.goto(own.base);
  await admin.page.getByRole('link', { name: 'Set up your organisation' }).click();
  await expect(admin.page.getByRole('heading', { name: 'Set up your organisation' })).toBeVisible(slow);
  await admin.page.getByRole('button', { name: 'Set up the organisation' }).click();
  await expect(admin.page.getByLabel('Organisation’s name')).toBeFocused();
  await expect(admin.page.getByText('Give the organisation’s name.')).toBeVisible();
  await admin.page.getByLabel('Organisation’s name').fill(organisation);
  await expect(admin.page.getByText('Give the organisation’s name.')).toBeHidden();
  await expect(admin.page.getByText('Give the person’s name.')).toBeVisible();
  await admin.page.getByRole('radio', { name: 'Tutoring agency' }).check();
  await admin.page.getByLabel('Your name').fill('Ada Admin');
  await expectAccessible(admin.page);
  await admin.page.getByRole('button', { name: 'Set up the organisation' }).click();
  await expect(admin.page.getByText(`${organisation} is set up. One step is left`)).toBeVisible(slow);
  await expectAccessible(admin.page);
  await admin.page.getByRole('button', { name: 'Make a passkey and join' }).click();
  await expect(admin.page).toHaveURL(`${own.base}/organisation/members`, slow);
  await expect(header(admin.page)).toContainText('Signed in as Ada Admin (Administrator, Northside Tutors)');
  await expect(admin.page.getByRole('heading', { name: `Members of ${organisation}` })).toBeVisible();

  // Inviting a tutor and a reviewer: each link is shown once, to copy.
  const tutorLink = await invite(admin.page, own.base, 'Tom Tutor', 'Tutor');
  const reviewerLink = await invite(admin.page, own.base, 'Rita Reviewer', 'Quality reviewer');
  const members = admin.page.getByRole('list', { name: 'Members' }).getByRole('listitem');
  await expect(members).toHaveText(
    [/Ada Admin.*You.*1 passkey/, /Tom Tutor.*Invited, not joined yet/, /Rita Reviewer.*Invited, not joined yet/],
    slow,
  );
  await expectAccessible(admin.page);

  // Each joins in their own browser with their own authenticator.
  const tutor = await personWithPasskeys(tutorContext!);
  await join(tutor.page, tutorLink, 'Tom Tutor', organisation);
  await expect(tutor.page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(tutor.page.getByRole('list', { name: 'Your passkeys' }).getByRole('listitem')).toHaveCount(1, slow);
  await expect(tutor.page.getByRole('list', { name: 'Your sessions' }).getByRole('listitem')).toHaveText([
    /This device/,
  ]);
  await expectAccessible(tutor.page);
  const reviewer = await personWithPasskeys(reviewerContext!);
  await join(reviewer.page, reviewerLink, 'Rita Reviewer', organisation);

  // A used invitation says so, in anyone's browser.
  const stranger = await personWithPasskeys(strangerContext!);
  await stranger.page.goto(tutorLink);
  await expect(stranger.page.getByRole('heading', { name: 'Invitation not available' })).toBeVisible(slow);
  await expect(stranger.page.getByRole('alert')).toHaveText(/This invitation has been used already/);
  await expectAccessible(stranger.page);
  // So does an expired one, with what to do about it.
  const lateLink = await invite(admin.page, own.base, 'Len Late', 'Mentor');
  expire(lateLink);
  await stranger.page.goto(lateLink);
  await expect(stranger.page.getByRole('alert')).toHaveText(
    'This invitation expired 7 days after it was made. Ask your administrator for a new one.',
    slow,
  );
  // And a link cut short.
  await stranger.page.goto(`${own.base}/invitation`);
  await expect(stranger.page.getByRole('alert')).toHaveText(/This link has no invitation in it/, slow);

  // The administrator sees them joined, changes the tutor's role and removes the reviewer.
  await admin.page.reload();
  await expect(members).toHaveText(
    [/Ada Admin/, /Tom Tutor.*1 passkey/, /Rita Reviewer.*1 passkey/, /Len Late.*Invited, not joined yet/],
    slow,
  );
  await admin.page.getByLabel('Role of Tom Tutor').selectOption({ label: 'Coordinator' });
  await admin.page.getByRole('button', { name: 'Change role of Tom Tutor' }).click();
  await expect(admin.page.getByRole('status').filter({ hasText: 'Tom Tutor is now Coordinator.' })).toBeVisible(slow);
  await admin.page.getByRole('button', { name: 'Remove Rita Reviewer' }).click();
  await expect(admin.page.getByRole('button', { name: 'Yes, remove Rita Reviewer' })).toBeFocused();
  await admin.page.keyboard.press('Enter');
  await expect(admin.page.getByRole('status').filter({ hasText: 'Rita Reviewer is removed' })).toBeVisible(slow);
  await expect(members).toHaveText([/Ada Admin/, /Tom Tutor.*Coordinator/, /Len Late/], slow);

  // Sessions end after a time unused that the administrator chooses.
  await admin.page.getByLabel('End a session after it is unused for').selectOption({ label: '8 hours' });
  await admin.page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    admin.page.getByRole('status').filter({ hasText: 'Sessions now end after 8 hours unused.' }),
  ).toBeVisible(slow);
  await admin.page.reload();
  await expect(admin.page.getByLabel('End a session after it is unused for')).toHaveValue('480', slow);

  // A new invitation for the one whose link ran out works where the old one did not.
  await admin.page.getByRole('button', { name: 'New invitation for Len Late' }).click();
  const freshLink = await admin.page.getByLabel('Link to send to Len Late').inputValue();
  expect(freshLink).not.toBe(lateLink);
  await stranger.page.goto(freshLink);
  await expect(stranger.page.getByRole('heading', { name: `Join ${organisation}` })).toBeVisible(slow);

  // The reviewer's next call is refused, and their browser shows them signed out.
  const refused = await reviewer.page.evaluate(async () => {
    const response = await fetch('/api/passkeys');
    return { status: response.status, body: await response.json() };
  });
  // Removing a member ends their sessions, so the relay says they were signed out.
  expect(refused).toEqual({
    status: 401,
    body: { error: 'You signed out, or were signed out, on this device. Sign in again.' },
  });
  await reviewer.page.reload();
  await expect(reviewer.page.getByRole('alert')).toHaveText(/You are not signed in on this device/, slow);
  await expect(header(reviewer.page).getByRole('link', { name: 'Sign in' })).toBeVisible();
  await reviewer.page.goto(`${own.base}/sign-in`);
  await reviewer.page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(reviewer.page.getByRole('alert')).toHaveText('You are no longer a member of the organisation.', slow);

  // The tutor signs out, and in again with the same authenticator; then out everywhere.
  await header(tutor.page).getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(tutor.page.getByRole('status').filter({ hasText: 'You have signed out on this device.' })).toBeVisible(
    slow,
  );
  await expect(header(tutor.page).getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(tutor.page);
  await tutor.page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(header(tutor.page)).toContainText('Signed in as Tom Tutor (Coordinator, Northside Tutors)', slow);
  await expect(tutor.page.getByRole('list', { name: 'Your sessions' }).getByRole('listitem')).toHaveText(
    [/This device/],
    slow,
  );
  await header(tutor.page).getByRole('button', { name: 'Sign out everywhere' }).click();
  // The account page has other status lines (passkeys, e-mail): this one says it.
  await expect(tutor.page.getByRole('status').filter({ hasText: 'You have signed out on every device.' })).toHaveText(
    'You have signed out on every device.',
    slow,
  );
  await tutor.page.goto(`${own.base}/account`);
  await expect(tutor.page.getByRole('alert')).toHaveText(/You are not signed in on this device/, slow);

  // The administrator adds a passkey from another device (a fresh authenticator) and removes the first one.
  await admin.page.goto(`${own.base}/account`);
  await admin.page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(admin.page.getByRole('alert')).toHaveText(/This device already holds a passkey of yours/, slow);
  await admin.authenticator();
  await admin.page.getByLabel('Name for the passkey (optional)').fill('Office laptop');
  await admin.page.getByRole('button', { name: 'Add a passkey' }).click();
  const passkeys = admin.page.getByRole('list', { name: 'Your passkeys' }).getByRole('listitem');
  await expect(passkeys).toHaveText([/Chrome on Linux/, /Office laptop/], slow);
  await admin.page.getByRole('button', { name: 'Remove the passkey “Chrome on Linux”' }).click();
  await expect(passkeys).toHaveText([/Office laptop/], slow);
  await admin.page.getByRole('button', { name: 'Remove the passkey “Office laptop”' }).click();
  await expect(admin.page.getByRole('alert')).toHaveText(/This is your only passkey/, slow);
  await expectAccessible(admin.page);
  await header(admin.page).getByRole('button', { name: 'Sign out', exact: true }).click();
  await admin.page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(header(admin.page)).toContainText('Signed in as Ada Admin', slow);
}
