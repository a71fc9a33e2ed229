// The client portal, in real Chromium with a virtual authenticator per person and the real relay: an agency's tutor
// writes a session report for a learner of client 'client-9' (registered with that client, proved with the report's
// tutor link), a quality reviewer approves it, and the client's contact finds it on their home page under the
// learner's name, opens it without a link and without the agency's internal field, and opens the learner's whole
// record as one printable page, and downloads it as a PDF (read back with pdf-lib), neither holding an internal field.
import { readFile } from 'node:fs/promises';
import type { BrowserContext } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { pdfPagesText } from '../shared/pdf/pdf-text.ts';
import { completeSessionReport, createSessionReport, editor, editorText, signIn, submitReport } from './app.ts';
import { expect, expectAccessible, test, withOtherContexts } from './fixtures.ts';
import { invite, join, personWithPasskeys, slow, setUpAgency, relayOfTheirOwn } from './organisation-people.ts';

const own = relayOfTheirOwn();

const progress = 'Comment on progress towards learning objectives';

test('a client contact reads their learners’ approved reports by learner, and a learner’s whole record, without internal fields', async ({
  browser,
  context,
}) => {
  test.setTimeout(240_000);
  await withOtherContexts(browser, 3, (others) => story(context, others));
});

async function story(adminContext: BrowserContext, [tutorContext, reviewerContext, contactContext]: BrowserContext[]) {
  const organisation = 'Northside Tutors';
  const { page: admin } = await personWithPasskeys(adminContext);
  await setUpAgency(admin, own.base, organisation);
  const tutorLink = await invite(admin, own.base, 'Tom Tutor', 'Tutor');
  const reviewerLink = await invite(admin, own.base, 'Rita Reviewer', 'Quality reviewer');
  await admin.getByLabel('Their name').fill('Cara Contact');
  await admin.getByLabel('Their role').selectOption({ label: 'Client contact' });
  await admin.getByLabel('Their client').fill('client-9');
  await admin.getByRole('button', { name: 'Invite', exact: true }).click();
  const contactLink = await admin.getByLabel('Link to send to Cara Contact').inputValue();
  expect(contactLink).toMatch(/\/invitation#token=/);

  // The tutor's report, made on their device, then registered with the organisation for client-9 with its tutor link.
  const { page: tutor } = await personWithPasskeys(tutorContext!);
  const reportUrl = await createSessionReport(tutor, own.base, { learner: 'Gus Hale', tutor: 'Tom Tutor' });
  const reportId = new URL(reportUrl).pathname.split('/').pop()!;
  // Claimed on the relay (this device keeps its tutor link) before the tutor leaves the report to join.
  await expect(tutor.getByRole('status').filter({ hasText: 'shared with the relay' })).toBeVisible(slow);
  await join(tutor, tutorLink, 'Tom Tutor', organisation);
  const registered = await tutor.evaluate(async (id) => {
    const open = indexedDB.open('margin-access');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const claimed = async () => {
      const request = db.transaction('links').objectStore('links').getAll();
      const links = await new Promise<{ reportId: string; source: string; token: string }[]>(
        (resolve) => (request.onsuccess = () => resolve(request.result)),
      );
      return links.find((link) => link.reportId === id && link.source === 'claimed');
    };
    // The device claims the report from the relay as it is made: wait for the link it keeps.
    let own = await claimed();
    for (let tries = 0; !own && tries < 100; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      own = await claimed();
    }
    if (!own) return { status: 0, body: 'the device never claimed the report' };
    const response = await fetch('/api/organisation/reports', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${own.token}` },
      body: JSON.stringify({ id, clientId: 'client-9' }),
    });
    return { status: response.status, body: await response.json() };
  }, reportId);
  expect(registered).toMatchObject({ status: 201, body: { id: reportId, clientId: 'client-9' } });
  await tutor.goto(reportUrl);
  await editor(tutor, progress).click();
  await tutor.keyboard.insertText('Dated the Tudors.');
  await tutor.locator('#agencyComment').pressSequentially('PRIVATE: the invoice is late.');
  await completeSessionReport(tutor, 'Gus Hale');
  await submitReport(tutor);
  await expect(tutor.getByText('Status: Submitted')).toBeVisible(slow);

  // The quality reviewer approves it.
  const { page: reviewer } = await personWithPasskeys(reviewerContext!);
  await join(reviewer, reviewerLink, 'Rita Reviewer', organisation);
  await signIn(reviewer, own.base, 'Rita Reviewer');
  const entry = reviewer
    .getByRole('region', { name: 'Reports to review' })
    .getByRole('link', { name: /^.*, submitted / });
  await expect(async () => {
    await reviewer.reload();
    await expect(entry).toBeVisible({ timeout: 5_000 });
  }).toPass(slow);
  await entry.click();
  await expect.poll(() => editorText(reviewer, progress), slow).toBe('Dated the Tudors.');
  await reviewer.getByRole('button', { name: 'Approve report' }).click();
  await expect(reviewer.getByText('Status: Approved')).toBeVisible(slow);

  // The client's contact finds it under the learner's name and opens it, without the agency's field.
  const { page: contact } = await personWithPasskeys(contactContext!);
  await join(contact, contactLink, 'Cara Contact', organisation);
  await signIn(contact, own.base, 'Cara Contact');
  const portal = contact.getByRole('region', { name: 'Your learners’ reports' });
  const learner = portal.getByRole('region', { name: 'Gus Hale' });
  await expect(learner.getByRole('link', { name: /approved, last changed/ })).toHaveCount(1, slow);
  await expectAccessible(contact);
  await learner.getByRole('link', { name: /approved, last changed/ }).click();
  await expect(contact).toHaveURL(`${own.base}/report/${reportId}`);
  await expect.poll(() => editorText(contact, progress), slow).toBe('Dated the Tudors.');
  await expect(contact.getByRole('group', { name: 'For the agency' })).toHaveCount(0);
  expect(await contact.content()).not.toContain('PRIVATE');

  // The learner's whole record: one page, the approved report's readable fields, nothing internal; it prints bare.
  await contact.goto(own.base);
  await portal.getByRole('region', { name: 'Gus Hale' }).getByRole('link', { name: 'Gus Hale’s whole record' }).click();
  await expect(contact).toHaveURL(`${own.base}/learner-record?learner=Gus%20Hale`);
  await expect(contact.getByRole('heading', { level: 1, name: 'Gus Hale’s record' })).toBeVisible(slow);
  const report = contact.getByRole('article');
  await expect(report).toHaveCount(1);
  await expect(report.getByRole('heading', { level: 2 })).toContainText('Gus Hale');
  await expect(report).toContainText('Session report by Tom Tutor, approved');
  await expect(report.getByRole('heading', { name: progress })).toBeVisible();
  await expect(report.getByText('Dated the Tudors.')).toBeVisible();
  await expect(report.getByText('Worked steadily throughout.')).toBeVisible();
  expect(await contact.content()).not.toContain('PRIVATE');
  await expect(report.getByText('Comment to the agency')).toHaveCount(0);
  await expectAccessible(contact);
  await contact.emulateMedia({ media: 'print' });
  await expect(contact.getByRole('button', { name: 'Print the record' })).toBeHidden();
  await expect(contact.getByRole('banner')).toBeHidden();
  await expect(report.getByText('Dated the Tudors.')).toBeVisible();

  // The same record as a PDF: a real one, A4, holding the approved report's readable fields and nothing internal.
  await contact.emulateMedia({ media: 'screen' });
  const downloading = contact.waitForEvent('download');
  await contact.getByRole('button', { name: 'Download as PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('gus-hale-record.pdf');
  const bytes = new Uint8Array(await readFile((await download.path())!));
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
  const pdf = await PDFDocument.load(bytes);
  expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
  expect(pdf.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
  const pdfText = (await pdfPagesText(bytes)).join(' ');
  expect(pdfText).toContain('Gus Hale’s record');
  expect(pdfText).toContain('Session report by Tom Tutor, approved');
  expect(pdfText).toContain(progress);
  expect(pdfText).toContain('Dated the Tudors.');
  expect(pdfText).toContain('Worked steadily throughout.');
  expect(pdfText).not.toContain('PRIVATE');
  expect(pdfText).not.toContain('invoice');
  expect(pdfText).not.toContain('Comment to the agency');
  await expect(contact.getByRole('status').filter({ hasText: 'downloaded' })).toHaveText(
    'The record is downloaded as a PDF.',
  );
  await expectAccessible(contact);

  // A learner with no approved report says so; the tutor is refused the record page with the relay's reason.
  await contact.goto(`${own.base}/learner-record?learner=Nobody%20Known`);
  await expect(contact.getByText('There are no approved reports about Nobody Known yet.')).toBeVisible(slow);
  await tutor.goto(`${own.base}/learner-record?learner=Gus%20Hale`);
  await expect(tutor.getByRole('alert')).toHaveText(
    'A learner’s record is for their client’s contacts; open each report from your own list.',
    slow,
  );
}
