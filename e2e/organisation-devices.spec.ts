// A member's second device, in real Chromium with a virtual authenticator per device: the tutor writes a report on
// their laptop; on their phone (another browser, holding the same synced passkey) they sign in, find the report under
// "Your reports on other devices" with its title and learner as the relay reads them from the report, open it without
// any share link, and write in it; the laptop sees the words, and the phone's home page no longer lists it as elsewhere.
// Signing out of the phone, they remove the organisation's reports from it.
import type { Page } from '@playwright/test';
import { createSessionReport, editor, editorText, signIn } from './app.ts';
import { addComment, thread } from './comments.ts';
import { expect, expectAccessible, test } from './fixtures.ts';
import {
  header,
  invite,
  join,
  personWithPasskeys,
  slow,
  setUpAgency,
  listedReports,
  relayOfTheirOwn,
} from './organisation-people.ts';

const own = relayOfTheirOwn();

const progress = 'Comment on progress towards learning objectives';
const registered = async (page: Page) => (await listedReports(page)).length;

test('a tutor signed in on a second device finds their report there, opens it without a link and writes in it', async ({
  browser,
  context,
}) => {
  test.setTimeout(180_000);
  const [laptopContext, phoneContext] = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    const { page: admin } = await personWithPasskeys(context);
    await setUpAgency(admin, own.base, 'Eastside Tutors');
    const link = await invite(admin, own.base, 'Tom Tutor', 'Tutor');

    const laptop = await personWithPasskeys(laptopContext);
    await join(laptop.page, link, 'Tom Tutor', 'Eastside Tutors');
    const reportUrl = await createSessionReport(laptop.page, own.base, { learner: 'Gus Hale', tutor: 'Tom Tutor' });
    await editor(laptop.page, progress).pressSequentially('Dated the Tudors.');
    await expect.poll(() => registered(laptop.page), slow).toBe(1);
    // The laptop made the report, so it writes with the report's own link: once registered, that link is Tom's, and
    // his comment carries his account's name and member id, as one from his member token would.
    await addComment(laptop.page, progress, 'Tudors', 'Check the dates.');

    // The phone holds the same passkey (synced by a passkey manager) and nothing else.
    const phone = await personWithPasskeys(phoneContext);
    await phone.addPasskeys(await laptop.passkeys());
    await signIn(phone.page, own.base, 'Tom Tutor');
    await phone.page.goto(`${own.base}/sign-in`);
    await phone.page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect(header(phone.page)).toContainText('Signed in as Tom Tutor', slow);

    await phone.page.goto(own.base);
    const elsewhere = phone.page.getByRole('region', { name: 'Your reports on other devices' });
    await expect(elsewhere).toBeVisible(slow);
    const entry = elsewhere.getByRole('link', { name: /^Session report: .*Gus Hale.*, draft, last changed / });
    await expect(entry).toBeVisible();
    await expect(elsewhere.getByText('With Gus Hale')).toBeVisible();
    await expectAccessible(phone.page);
    await entry.click();
    await expect(phone.page).toHaveURL(reportUrl);
    await expect.poll(() => editorText(phone.page, progress), slow).toBe('Dated the Tudors.');
    await expect(phone.page.getByText('You opened this report as tutor, through your organisation.')).toBeVisible();
    // The comment made on the laptop is his on the phone too: his to edit and delete.
    const his = thread(phone.page, 'Check the dates.');
    await expect(his).toContainText('Tom Tutor', slow);
    await expect(his.getByRole('button', { name: 'Edit' })).toBeVisible();
    await expect(his.getByRole('button', { name: 'Delete' })).toBeVisible();
    await editor(phone.page, progress).click();
    await phone.page.keyboard.press('End');
    await phone.page.keyboard.type(' Then the Stuarts.');
    await expect.poll(() => editorText(laptop.page, progress), slow).toBe('Dated the Tudors. Then the Stuarts.');

    // Now on the phone too, the report is no longer listed as elsewhere.
    await phone.page.goto(own.base);
    await expect(phone.page.getByRole('heading', { name: 'Hello, Tom Tutor' })).toBeVisible(slow);
    await expect(phone.page.getByRole('region', { name: 'Your reports on other devices' })).toHaveCount(0);

    // Signing out of the phone (a shared one) offers to remove the organisation's reports from it; removed, nothing
    // of the report is left on the phone: not its content, comments or status.
    const databases = () =>
      phone.page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name ?? ''));
    const reportId = new URL(reportUrl).pathname.split('/').pop()!;
    expect((await databases()).filter((name) => name.endsWith(reportId))).toHaveLength(3);
    await header(phone.page).getByRole('button', { name: 'Sign out', exact: true }).click();
    const offer = phone.page.getByRole('region', { name: 'Your organisation’s reports on this device' });
    await expect(offer).toContainText('This device still holds 1 report of your organisation’s.', slow);
    await expectAccessible(phone.page);
    await offer.getByRole('button', { name: 'Remove them from this device' }).click();
    await expect(phone.page.getByText('1 report removed from this device.')).toBeVisible(slow);
    await expect(offer).toHaveCount(0);
    expect((await databases()).filter((name) => name.endsWith(reportId))).toEqual([]);
    // The laptop, still signed in, keeps its copy and the relay keeps the report.
    await expect.poll(() => editorText(laptop.page, progress), slow).toBe('Dated the Tudors. Then the Stuarts.');
  } finally {
    await Promise.all([laptopContext.close(), phoneContext.close()]);
  }
});
