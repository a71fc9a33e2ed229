// A learner's data, in real Chromium with the real relay: a tutor writes two session reports about Gus Hale; the
// administrator exports everything held about him (JSON and PDF, read back) from the learner's data page, is refused
// an erasure with the wrong name typed, then erases him. The tutor's device, offline meanwhile with one report open,
// reconnects, is told the report was erased, and drops its copy: the page says so, the home page no longer lists it,
// and the report's databases are gone from IndexedDB. The other report, held on the device but not opened again, goes
// too as the device comes back online (it asks the relay which of its reports were erased), and stays gone after a
// reload. The audit log records both.
import { readFile } from 'node:fs/promises';
import type { BrowserContext } from '@playwright/test';
import { pdfPagesText } from '../shared/pdf/pdf-text.ts';
import { addSessionTo, completeSessionReport, createAssignment, editor, signIn } from './app.ts';
import { expect, expectAccessible, test, withOtherContexts } from './fixtures.ts';
import {
  invite,
  join,
  listedReports,
  personWithPasskeys,
  relayOfTheirOwn,
  setUpAgency,
  slow,
} from './organisation-people.ts';

const own = relayOfTheirOwn();

test('an administrator exports a learner’s data and erases it; a device drops the reports when it reconnects, opened or not', async ({
  browser,
  context,
}) => {
  test.setTimeout(240_000);
  await withOtherContexts(browser, 1, (others) => story(context, others));
});

async function story(adminContext: BrowserContext, [tutorContext]: BrowserContext[]) {
  const organisation = 'Westside Tutors';
  const { page: admin } = await personWithPasskeys(adminContext);
  await setUpAgency(admin, own.base, organisation);
  const tutorLink = await invite(admin, own.base, 'Tom Tutor', 'Tutor');
  const { page: tutor } = await personWithPasskeys(tutorContext!);
  await join(tutor, tutorLink, 'Tom Tutor', organisation);

  // The tutor's reports about Gus Hale, registered with the organisation as they are claimed: an earlier one, left
  // closed from then on, and the one open when the device goes offline.
  await signIn(tutor, own.base, 'Tom Tutor');
  const assignmentUrl = await createAssignment(tutor, own.base, { learners: ['Gus Hale'], subject: 'History' });
  const earlierUrl = await addSessionTo(tutor, assignmentUrl, { start: '10:00', finish: '10:45' });
  const earlierId = new URL(earlierUrl).pathname.split('/').pop()!;
  await editor(tutor, 'Comment on progress towards learning objectives').pressSequentially('Named the wives.');
  const reportUrl = await addSessionTo(tutor, assignmentUrl);
  const reportId = new URL(reportUrl).pathname.split('/').pop()!;
  await editor(tutor, 'Comment on progress towards learning objectives').pressSequentially('Dated the Tudors.');
  await completeSessionReport(tutor, 'Gus Hale');
  await expect.poll(async () => (await listedReports(tutor)).length, slow).toBe(2);
  await expect.poll(() => tutor.getByText('Dated the Tudors.').count(), slow).toBe(1);
  // Everything typed has reached the relay before the tutor's device goes offline with the report open.
  await expect
    .poll(
      async () =>
        (
          (await admin.evaluate(
            async () =>
              (
                await (await fetch('/api/organisation/learners/Gus%20Hale/export?format=json')).json()
              ).reports,
          )) as { text: { paragraphs: string[] }[] }[]
        ).flatMap((report) => report.text.flatMap((field) => field.paragraphs)),
      slow,
    )
    .toEqual(expect.arrayContaining(['Dated the Tudors.', 'Named the wives.']));
  // Both are on the tutor's device and on its home page.
  const heldDatabases = (id: string) =>
    tutor.evaluate(async (id) => (await indexedDB.databases()).filter((each) => each.name?.endsWith(id)).length, id);
  expect(await heldDatabases(earlierId)).toBeGreaterThan(0);
  await tutor.goto(`${own.base}/`);
  await expect(tutor.locator(`a[href="/report/${earlierId}"]`).first()).toBeVisible(slow);
  await expect(tutor.locator(`a[href="/report/${reportId}"]`).first()).toBeVisible();
  await tutor.goto(reportUrl);
  await expect.poll(() => tutor.getByText('Dated the Tudors.').count(), slow).toBe(1);
  await tutorContext!.setOffline(true);

  await admin.goto(`${own.base}/organisation/learner-data`);
  await expect(admin.getByRole('heading', { name: 'A learner’s data' })).toBeVisible(slow);
  await expectAccessible(admin);
  await admin.getByLabel('Learner’s full name').fill('Gus Hale');

  const json = admin.waitForEvent('download');
  await admin.getByRole('button', { name: 'Export as JSON' }).click();
  const jsonFile = await json;
  expect(jsonFile.suggestedFilename()).toBe('gus-hale-data.json');
  const exported = JSON.parse(await readFile((await jsonFile.path())!, 'utf8'));
  expect(exported).toMatchObject({
    learner: 'Gus Hale',
    organisation,
  });
  expect(exported.reports.map((report: { id: string }) => report.id).sort()).toEqual([earlierId, reportId].sort());
  await expect(
    admin.getByRole('status').filter({ hasText: 'Exported 2 reports about Gus Hale as JSON.' }),
  ).toBeVisible();

  const pdf = admin.waitForEvent('download');
  await admin.getByRole('button', { name: 'Export as PDF' }).click();
  const pdfFile = await pdf;
  expect(pdfFile.suggestedFilename()).toBe('gus-hale-data.pdf');
  const text = (await pdfPagesText(new Uint8Array(await readFile((await pdfFile.path())!)))).join(' ');
  expect(text).toContain(`Everything ${organisation} holds about Gus Hale`);
  expect(text).toContain('Dated the Tudors.');

  // The wrong name typed erases nothing.
  await admin.getByLabel(/To confirm, type the learner’s name/).fill('Gus');
  await admin.getByRole('button', { name: 'Erase this learner’s data' }).click();
  await expect(admin.getByRole('alert')).toHaveText(
    'Type the learner’s name, Gus Hale, exactly as shown, to confirm the erasure.',
  );
  await admin.getByLabel(/To confirm, type the learner’s name/).fill('Gus Hale');
  await admin.getByRole('button', { name: 'Erase this learner’s data' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Erased 2 reports about Gus Hale.' })).toBeVisible(slow);
  await expectAccessible(admin);

  // The tutor's device comes back online: told the report was erased, it drops its copy.
  await tutorContext!.setOffline(false);
  await expect(tutor.getByText('This report was erased by your organisation.')).toBeVisible(slow);
  await expect.poll(() => heldDatabases(reportId), slow).toBe(0);
  // The earlier report, never opened again, went as the device came back online, before any reload.
  await expect.poll(() => heldDatabases(earlierId), slow).toBe(0);
  await tutor.goto(`${own.base}/`);
  await expect(tutor.getByRole('heading', { level: 1 })).toBeVisible(slow);
  await expect(tutor.getByRole('heading', { name: 'Sessions' })).toBeVisible(slow);
  await expect(tutor.locator(`a[href="/report/${reportId}"]`)).toHaveCount(0);
  await expect(tutor.locator(`a[href="/report/${earlierId}"]`)).toHaveCount(0);
  await tutor.reload();
  await expect(tutor.getByRole('heading', { name: 'Sessions' })).toBeVisible(slow);
  await expect(tutor.locator(`a[href="/report/${earlierId}"]`)).toHaveCount(0);
  await expectAccessible(tutor);
  // Opening it again says it was erased, with no error loop.
  await tutor.goto(reportUrl);
  await expect(tutor.getByText('This report was erased by your organisation.')).toBeVisible(slow);

  await admin.goto(`${own.base}/organisation/audit`);
  await expect(admin.getByText('Learner erased (2 reports)')).toBeVisible(slow);
  await expect(admin.getByText('Learner’s data exported (PDF, 2 reports)')).toBeVisible();
}
