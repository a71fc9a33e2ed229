// A learner's data, in real Chromium with the real relay: a tutor writes a session report about Gus Hale; the
// administrator exports everything held about him (JSON and PDF, read back) from the learner's data page, is refused
// an erasure with the wrong name typed, then erases him. The tutor's device, offline meanwhile with the report open,
// reconnects, is told the report was erased, and drops its copy: the page says so, the home page no longer lists it,
// and the report's databases are gone from IndexedDB. The audit log records both.
import { readFile } from 'node:fs/promises';
import type { BrowserContext } from '@playwright/test';
import { pdfPagesText } from '../shared/pdf/pdf-text.ts';
import { completeSessionReport, createSessionReport, editor } from './app.ts';
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

test('an administrator exports a learner’s data and erases it; a device holding the report drops it when it reconnects', async ({
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

  // The tutor's report about Gus Hale, registered with the organisation as it is claimed.
  const reportUrl = await createSessionReport(tutor, own.base, { learner: 'Gus Hale', tutor: 'Tom Tutor' });
  const reportId = new URL(reportUrl).pathname.split('/').pop()!;
  await editor(tutor, 'Comment on progress towards learning objectives').pressSequentially('Dated the Tudors.');
  await completeSessionReport(tutor, 'Gus Hale');
  await expect.poll(async () => (await listedReports(tutor)).length, slow).toBe(1);
  await expect.poll(() => tutor.getByText('Dated the Tudors.').count(), slow).toBe(1);
  // Everything typed has reached the relay before the tutor's device goes offline with the report open.
  await expect
    .poll(
      () =>
        admin.evaluate(
          async () => (await (await fetch('/api/organisation/learners/Gus%20Hale/export?format=json')).json()).reports,
        ),
      slow,
    )
    .toEqual([
      expect.objectContaining({
        text: expect.arrayContaining([expect.objectContaining({ paragraphs: ['Dated the Tudors.'] })]),
      }),
    ]);
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
    reports: [{ id: reportId, ownerName: 'Tom Tutor' }],
  });
  await expect(
    admin.getByRole('status').filter({ hasText: 'Exported 1 report about Gus Hale as JSON.' }),
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
  await expect(admin.getByRole('status').filter({ hasText: 'Erased 1 report about Gus Hale.' })).toBeVisible(slow);
  await expectAccessible(admin);

  // The tutor's device comes back online: told the report was erased, it drops its copy.
  await tutorContext!.setOffline(false);
  await expect(tutor.getByText('This report was erased by your organisation.')).toBeVisible(slow);
  await expect
    .poll(
      () =>
        tutor.evaluate(
          async (id) => (await indexedDB.databases()).filter((each) => each.name?.endsWith(id)).length,
          reportId,
        ),
      slow,
    )
    .toBe(0);
  await tutor.goto(`${own.base}/`);
  await expect(tutor.getByRole('heading', { level: 1 })).toBeVisible(slow);
  await expect(tutor.locator(`a[href="/report/${reportId}"]`)).toHaveCount(0);
  // Opening it again says it was erased, with no error loop.
  await tutor.goto(reportUrl);
  await expect(tutor.getByText('This report was erased by your organisation.')).toBeVisible(slow);

  await admin.goto(`${own.base}/organisation/audit`);
  await expect(admin.getByText('Learner erased (1 report)')).toBeVisible(slow);
  await expect(admin.getByText('Learner’s data exported (PDF, 1 report)')).toBeVisible();
}
