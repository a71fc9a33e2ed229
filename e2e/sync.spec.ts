// Sharing a report through the relay: live editing in two browser profiles, and the app and its
// reports working with the network off, with offline edits reaching the relay when it returns.
import { makeShareLink } from './access-links.ts';
import { createSessionReport, editor, editorText } from './app.ts';
import { expect, expectAccessible, test } from './fixtures.ts';
import { startRelay } from './relay.ts';

const progress = 'Comment on progress towards learning objectives';
const engagement = 'Engagement comment';

// How fast is measured by bench/sync-latency.ts; here a busy two-core machine gets a few seconds.
test('two people in two browser profiles see each other’s edits live', async ({ browser, relay }) => {
  // Two profiles each making a report page: on a busy two-core machine this alone can take most of a minute.
  test.setTimeout(120_000);
  const tutor = await browser.newContext();
  const mentor = await browser.newContext();
  try {
    const tutorPage = await tutor.newPage();
    const link = await createSessionReport(tutorPage, relay.url, { learner: 'Ben Okri', subject: 'English' });
    const mentorLink = await makeShareLink(tutorPage, 'mentor');

    const mentorPage = await mentor.newPage();
    await mentorPage.goto(mentorLink);
    await mentorPage.waitForURL(link);
    await expect(mentorPage.getByRole('heading', { name: 'Session report: Ben Okri: English' })).toBeVisible();
    await expectAccessible(mentorPage);

    await editor(tutorPage, progress).pressSequentially('Read two chapters aloud.');
    await expect.poll(() => editorText(mentorPage, progress), { timeout: 5000 }).toBe('Read two chapters aloud.');

    await editor(mentorPage, engagement).pressSequentially('Keen to discuss the ending.');
    await expect.poll(() => editorText(tutorPage, engagement), { timeout: 5000 }).toBe('Keen to discuss the ending.');

    await mentorPage.getByLabel('Attitude to session').selectOption('Good');
    await expect(tutorPage.getByLabel('Attitude to session')).toHaveValue('Good', { timeout: 5000 });

    // The shared report is indexed on the mentor's device too.
    await mentorPage.goto(new URL(link).origin);
    const mentorName = mentorPage.getByLabel('Your name');
    await mentorName.fill('Mo Mentor');
    await mentorPage.getByRole('button', { name: 'Continue' }).click();
    await expect(mentorPage.getByRole('link', { name: /Ben Okri/ })).toBeVisible();
  } finally {
    await tutor.close();
    await mentor.close();
  }
});

test('with the network off the app still loads and the report is there; offline edits reach the relay later', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const relay = await startRelay();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const link = await createSessionReport(page, relay.url, { learner: 'Cara Diaz' });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await editor(page, progress).pressSequentially('Typed online.');
    await expect(page.getByRole('status').filter({ hasText: 'shared with the relay' })).toBeVisible();
    const readerLink = await makeShareLink(page, 'reviewer');
    await page.close();

    // Network off and relay gone: the app comes from its service worker, the report from this device.
    await relay.stop({ keepData: true });
    await context.setOffline(true);
    const offline = await context.newPage();
    await offline.goto(link);
    await expect(editor(offline, progress)).toBeVisible();
    expect(await editorText(offline, progress)).toBe('Typed online.');
    await expect(offline.getByRole('status').filter({ hasText: 'offline' })).toBeVisible();
    await editor(offline, progress).click();
    await offline.keyboard.press('End');
    await offline.keyboard.type(' Typed offline.');

    // The relay comes back on the same port with the same data; the network returns.
    const back = await startRelay({ dataDir: relay.dataDir, env: { PORT: String(relay.port) } });
    try {
      await context.setOffline(false);
      await expect(offline.getByRole('status').filter({ hasText: 'shared with the relay' })).toBeVisible({
        timeout: 20_000,
      });

      const other = await browser.newContext();
      const otherPage = await other.newPage();
      await otherPage.goto(readerLink);
      await expect
        .poll(() => editorText(otherPage, progress), { timeout: 10_000 })
        .toBe('Typed online. Typed offline.');
      await other.close();
    } finally {
      await back.stop();
    }
  } finally {
    await context.close();
    await relay.stop();
  }
});
