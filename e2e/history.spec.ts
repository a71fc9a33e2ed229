// History: each decision keeps the report as it found it. A tutor submits, a reviewer sends it back, the tutor
// changes it and resubmits; the reviewer sees first, word by word and value by value, what changed since they sent it
// back; History shows the first version read-only (its values too) and compares any two, from the keyboard, with axe
// on the page.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeShareLink } from './access-links.ts';
import { completeSessionReport, createSessionReport, editor, editorText, signIn, submitReport } from './app.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const progress = 'Comment on progress towards learning objectives';

test('a reviewer sees what changed since they sent a report back, word by word; History shows and compares versions', async ({
  browser,
  relay,
}) => {
  test.setTimeout(180_000);
  const contexts = await Promise.all([1, 2, 3, 4].map(() => browser.newContext()));
  const [tutorContext, reviewerContext, teacherContext, mentorContext] = contexts;
  try {
    const tutor = await tutorContext.newPage();
    await createSessionReport(tutor, relay.url, { learner: 'Gus Hale', subject: 'History' });
    await editor(tutor, progress).pressSequentially('Dated the Tudors quickly.');
    await tutor.locator('#agencyComment').pressSequentially('PRIVATE note on fees.');
    await completeSessionReport(tutor, 'Gus Hale');
    const reviewerLink = await makeShareLink(tutor, 'reviewer');
    const teacherLink = await makeShareLink(tutor, 'teacher');
    await submitReport(tutor);
    await expect(tutor.getByText('Status: Submitted')).toBeVisible();

    const reviewer = await reviewerContext.newPage();
    await signIn(reviewer, relay.url, 'Rita Reviewer');
    await reviewer.goto(reviewerLink);
    await expect.poll(() => editorText(reviewer, progress)).toBe('Dated the Tudors quickly.');
    // Nothing was sent back yet: nothing to show first.
    await expect(reviewer.getByRole('region', { name: 'Changed since you sent it back' })).toHaveCount(0);
    await reviewer.getByRole('button', { name: 'Send back with a reason…' }).click();
    await reviewer.getByLabel('Why is it sent back? The tutor will see this.').fill('Say which dates were covered.');
    await reviewer.getByRole('button', { name: 'Send back to the tutor' }).click();
    await expect(tutor.getByText('Status: Rejected')).toBeVisible();

    // The tutor changes a word and adds some, then resubmits.
    await editor(tutor, progress).click();
    await tutor.keyboard.press('End');
    for (let i = 0; i < 'quickly.'.length; i++) await tutor.keyboard.press('Backspace');
    await tutor.keyboard.type('carefully, from 1485 to 1603.');
    await tutor.getByLabel('Attitude to session').selectOption('Excellent');
    await expect.poll(() => editorText(reviewer, progress)).toBe('Dated the Tudors carefully, from 1485 to 1603.');
    await expect(reviewer.getByLabel('Attitude to session')).toHaveValue('Excellent');
    await submitReport(tutor, 'Resubmit');
    await expect(reviewer.getByText('Status: Amended and resubmitted')).toBeVisible();

    // Opening the resubmitted report, the reviewer sees the changes first, before the form.
    await reviewer.reload();
    const changed = reviewer.getByRole('region', { name: 'Changed since you sent it back' });
    await expect(changed).toBeVisible();
    const diff = changed.locator('.field-diff').filter({ has: reviewer.getByRole('heading', { name: progress }) });
    await expect(diff.locator('del')).toHaveText('Removed: quickly.');
    await expect(diff.locator('ins')).toHaveText('Added: carefully, from 1485 to 1603.');
    await expect(diff.locator('.diff-text')).toHaveText(
      'Dated the Tudors Removed: quickly.Added: carefully, from 1485 to 1603.',
    );
    // The value that changed is listed from and to, beside the word diff; only the field that changed is listed.
    const details = changed.locator('.fact-changes');
    await expect(details.getByRole('heading', { name: 'Details changed' })).toBeVisible();
    await expect(details.getByRole('listitem')).toHaveText(['Attitude to session: Was: Good → Now: Excellent']);
    await expect(changed.locator('.field-diff')).toHaveCount(2);
    const firstRegion = await reviewer
      .locator('section[aria-labelledby], section[aria-label]')
      .evaluateAll((sections) =>
        sections.map((section) => section.getAttribute('aria-labelledby') ?? section.getAttribute('aria-label')),
      );
    expect(firstRegion.indexOf('changed-since-heading')).toBeLessThan(firstRegion.indexOf('report-history-heading'));
    await expectAccessible(reviewer);

    // History, from the keyboard: the first version as it was, read-only, with the internal field for the reviewer.
    const history = reviewer.getByRole('region', { name: 'History' });
    await history.getByLabel('At the decision').focus();
    await expect(history.getByLabel('At the decision')).toHaveValue('1');
    await reviewer.keyboard.press('Tab');
    await expect(history.getByRole('button', { name: 'Show this version' })).toBeFocused();
    await reviewer.keyboard.press('Enter');
    const shown = history.getByRole('heading', { name: /^The report as it was at 1\. Submitted by / });
    await expect(shown).toBeFocused();
    const version = history.getByRole('region', { name: /^The report as it was at 1\./ });
    await expect(version.getByText('Dated the Tudors quickly.', { exact: true })).toBeVisible();
    await expect(version.getByText('PRIVATE note on fees.', { exact: true })).toBeVisible();
    await expect(version.getByRole('textbox')).toHaveCount(0);
    // Every value, not only the free text: the session's details, attendance, the choices made.
    const detail = (label: string) => version.locator('.version-facts dt', { hasText: label }).locator('+ dd');
    await expect(detail('Attendance: Gus Hale')).toHaveText('Present');
    await expect(detail('Subject')).toHaveText('History');
    await expect(detail('Attitude to session')).toHaveText('Good');

    // Comparing the first and the last version, chosen with the keyboard.
    await history.getByLabel('From', { exact: true }).focus();
    await reviewer.keyboard.press('Home');
    await history.getByLabel('To', { exact: true }).selectOption('3');
    await history.getByRole('button', { name: 'Compare word by word' }).focus();
    await reviewer.keyboard.press('Enter');
    const compared = history.getByRole('region', {
      name: /^Changes from 1\. Submitted .* to 3\. Amended and resubmitted/,
    });
    await expect(compared).toBeVisible();
    await expect(compared.getByRole('heading', { name: /^Changes from/ })).toBeFocused();
    await expect(compared.locator('.diff-text del')).toHaveText(['Removed: quickly.']);
    await expect(compared.locator('.diff-text ins')).toHaveText(['Added: carefully, from 1485 to 1603.']);
    await expect(compared.locator('.fact-changes li')).toHaveText(['Attitude to session: Was: Good → Now: Excellent']);
    await expectAccessible(reviewer);

    // The tutor sees no "changed since" (they did not send it back) but has the same History.
    await expect(tutor.getByRole('region', { name: 'Changed since you sent it back' })).toHaveCount(0);
    await tutor.getByRole('region', { name: 'History' }).getByRole('button', { name: 'Show this version' }).click();
    await expect(tutor.getByText('Dated the Tudors quickly.', { exact: true })).toBeVisible();

    // A teacher's History never holds the internal field, in the page or on the wire.
    const wire: string[] = [];
    const teacher = await teacherContext.newPage();
    teacher.on('response', async (response) => {
      if (response.url().includes('/versions/')) wire.push(await response.text());
    });
    await teacher.goto(teacherLink);
    await expect.poll(() => editorText(teacher, progress)).toBe('Dated the Tudors carefully, from 1485 to 1603.');
    const teachersHistory = teacher.getByRole('region', { name: 'History' });
    await teachersHistory.getByRole('button', { name: 'Show this version' }).click();
    await expect(teachersHistory.getByText('Dated the Tudors quickly.', { exact: true })).toBeVisible();
    await expect(teachersHistory.getByRole('heading', { name: 'Comment to the agency' })).toHaveCount(0);
    // Every decision's version is read in the background, to be kept on the device: each without it.
    await expect.poll(() => wire.length).toBe(3);
    for (const answer of wire.map((text) => JSON.parse(text))) {
      expect(answer.internalFields).toBe('left out');
      expect(Buffer.from(answer.update, 'base64').toString('latin1')).not.toContain('PRIVATE');
    }
    expect(await teacher.content()).not.toContain('PRIVATE');
    await expectAccessible(teacher);

    // A decision taken before the relay kept versions (its row gone, as on a relay older than versions): History on a
    // device that has not read it says so plainly, in its lists too, and it cannot be chosen.
    const reportId = new URL(tutor.url()).pathname.split('/').at(-1)!;
    forgetVersionOnRelay(relay.dataDir, reportId, 1);
    const mentorLink = await makeShareLink(tutor, 'mentor');
    const mentor = await mentorContext.newPage();
    await mentor.goto(mentorLink);
    const mentorsHistory = mentor.getByRole('region', { name: 'History' });
    await expect(
      mentorsHistory.getByText(
        'Version 1 is not kept: decided before Margin kept the report as each decision found it, so there is nothing to show or compare for it.',
      ),
    ).toBeVisible({ timeout: 20_000 });
    const first = mentorsHistory.getByLabel('At the decision').locator('option').first();
    await expect(first).toHaveText(/^1\. Submitted by .* \(no version kept: decided before Margin kept versions\)$/);
    await expect(first).toBeDisabled();
    await expect(mentorsHistory.getByLabel('From', { exact: true }).locator('option').first()).toBeDisabled();
    await expectAccessible(mentor);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});

/** Removes a kept version from the relay's SQLite store, as a decision taken before the relay kept versions has none. */
function forgetVersionOnRelay(dataDir: string, reportId: string, version: number): void {
  const db = new Database(join(dataDir, 'margin.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const removed = db
      .prepare('DELETE FROM report_versions WHERE report_id = ? AND version = ?')
      .run(reportId, version);
    expect(removed.changes).toBe(1);
  } finally {
    db.close();
  }
}

/** How many versions this page's device keeps (app/src/history/kept-versions.ts), read from IndexedDB itself. */
const versionsKept = (page: import('@playwright/test').Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open('margin-versions');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          if (!db.objectStoreNames.contains('versions')) return resolve(0);
          const counting = db.transaction('versions').objectStore('versions').count();
          counting.onsuccess = () => resolve(counting.result);
          counting.onerror = () => reject(counting.error);
        };
      }),
  );

test('History works offline for the versions this device has read, and says which are not on it', async ({
  browser,
  relay,
}) => {
  test.setTimeout(180_000);
  const contexts = await Promise.all([1, 2].map(() => browser.newContext()));
  const [tutorContext, reviewerContext] = contexts;
  try {
    const tutor = await tutorContext.newPage();
    await createSessionReport(tutor, relay.url, { learner: 'Ivy Moss', subject: 'Geography' });
    await editor(tutor, progress).pressSequentially('Named three rivers.');
    await completeSessionReport(tutor, 'Ivy Moss');
    const reviewerLink = await makeShareLink(tutor, 'reviewer');
    await submitReport(tutor);

    const reviewer = await reviewerContext.newPage();
    await signIn(reviewer, relay.url, 'Rita Reviewer');
    // The third version cannot be read on this device (the relay out of its reach for that one request), so it is
    // the one not on the device once offline.
    await reviewerContext.route('**/versions/3', (route) => route.abort('internetdisconnected'));
    await reviewer.goto(reviewerLink);
    await expect.poll(() => editorText(reviewer, progress)).toBe('Named three rivers.');
    const reportUrl = reviewer.url();
    await reviewer.getByRole('button', { name: 'Send back with a reason…' }).click();
    await reviewer.getByLabel('Why is it sent back? The tutor will see this.').fill('Which rivers?');
    await reviewer.getByRole('button', { name: 'Send back to the tutor' }).click();
    await expect(tutor.getByText('Status: Rejected')).toBeVisible();
    await editor(tutor, progress).click();
    await tutor.keyboard.press('End');
    await tutor.keyboard.type(' The Thames, the Severn and the Trent.');
    await tutor.getByLabel('Attitude to session').selectOption('Excellent');
    await submitReport(tutor, 'Resubmit');
    await expect(reviewer.getByText('Status: Amended and resubmitted')).toBeVisible();

    // Online, the versions of the decisions this device sees are read into it in the background.
    await expect.poll(() => versionsKept(reviewer), { timeout: 20_000 }).toBe(2);
    // The app itself comes from its service worker once offline: it must have taken over first.
    await reviewer.evaluate(() => navigator.serviceWorker.ready);
    await reviewerContext.setOffline(true);
    await reviewer.close();
    const again = await reviewerContext.newPage();
    await again.goto(reportUrl);
    await expect
      .poll(() => editorText(again, progress))
      .toBe('Named three rivers. The Thames, the Severn and the Trent.');
    const history = again.getByRole('region', { name: 'History' });
    await expect(history.getByRole('status').filter({ hasText: 'You are offline.' })).toHaveText(
      'You are offline. Version 3 is not on this device, so History can show and compare only the others until the relay can be reached.',
    );
    await expect(history.getByLabel('At the decision').locator('option')).toHaveText([
      /^1\. Submitted by .*[^)]$/,
      /^2\. Sent back by .*[^)]$/,
      /^3\. Amended and resubmitted by .* \(not on this device\)$/,
    ]);

    // The first version and the diff of the two on this device show offline.
    await history.getByRole('button', { name: 'Show this version' }).click();
    const version = history.getByRole('region', { name: /^The report as it was at 1\./ });
    await expect(version.getByText('Named three rivers.', { exact: true })).toBeVisible();
    await history.getByLabel('To', { exact: true }).selectOption('2');
    await history.getByRole('button', { name: 'Compare word by word' }).click();
    await expect(history.getByRole('region', { name: /^Changes from 1\. .* to 2\. / })).toContainText(
      'Nothing in the report changed between these versions.',
    );
    // The one not on this device says so.
    await history.getByLabel('At the decision').selectOption('3');
    await history.getByRole('button', { name: 'Show this version' }).click();
    await expect(history.getByRole('heading', { name: 'This version could not be shown' })).toBeFocused();
    await expect(history.locator('.history-view .warning')).toContainText('Version 3 is not on this device');
    await expectAccessible(again);

    // Back online, it is read and kept too.
    await reviewerContext.unroute('**/versions/3');
    await reviewerContext.setOffline(false);
    await expect.poll(() => versionsKept(again), { timeout: 20_000 }).toBe(3);
    await history.getByRole('button', { name: 'Show this version' }).click();
    await expect(
      history.getByRole('region', { name: /^The report as it was at 3\./ }).getByText(/The Thames, the Severn/),
    ).toBeVisible();
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});
