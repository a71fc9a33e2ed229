// The termly progress review end to end over a real relay, in three browsers: the induction tutor fills in the
// steps (a teacher not on track needs the standards of concern and a support plan before going on) and
// finishes; the teacher confirms the facts, comments and signs; only then can the tutor sign; the reviewer
// reads both signatures as valid. Amending a signed fact shows the teacher's signature as no longer valid, and so
// does a copy changed behind Margin's back.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { fields } from '../shared/doc/layout.ts';
import { makeShareLink } from './access-links.ts';
import { signIn } from './app.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const stepCount = (page: Page) => page.locator('#step-count');

/** Fetches the relay's copy with a share link's token, changes it in Node, and adds that change to the page's IndexedDB copy. */
async function tamperWithLocalCopy(page: Page, port: number, link: string, change: (doc: Y.Doc) => void) {
  const url = new URL(link);
  const reportId = url.pathname.split('/').pop()!;
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, reportId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token: url.hash.replace('#token=', '') },
  });
  await expect.poll(() => provider.synced).toBe(true);
  provider.destroy();
  const before = Y.encodeStateVector(doc);
  change(doc);
  const update = Array.from(Y.encodeStateAsUpdate(doc, before));
  await page.evaluate(
    ({ name, bytes }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction('updates', 'readwrite');
          transaction.objectStore('updates').add(new Uint8Array(bytes));
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    { name: `margin-report-${reportId}`, bytes: update },
  );
}

async function continueTo(page: Page, step: string) {
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 2, name: step })).toBeFocused();
}

async function typeInto(page: Page, label: string, text: string) {
  const field = page.getByRole('textbox', { name: label });
  await field.click();
  await page.keyboard.type(text);
  await expect(field).toHaveText(text);
}

test('a tutor finishes a review, the teacher comments and signs, the tutor signs, an amendment invalidates the teacher’s signature until they sign again, and the reviewer sees both signatures valid', async ({
  browser,
  relay,
}) => {
  test.setTimeout(240_000);
  const contexts = await Promise.all([1, 2, 3].map(() => browser.newContext()));
  const [tutorContext, teacherContext, reviewerContext] = contexts;
  try {
    const tutor = await tutorContext.newPage();
    await signIn(tutor, relay.url, 'Tara Tutor');
    await tutor.getByRole('link', { name: 'Progress reviews' }).click();
    await expect(tutor.getByRole('heading', { name: 'Progress reviews' })).toBeVisible();
    await tutor.getByRole('button', { name: 'Start the review' }).click();
    await expect(tutor.getByText('Give the teacher’s name.')).toBeVisible();
    await expect(tutor.getByLabel('Teacher’s name')).toBeFocused();
    await tutor.getByLabel('Teacher’s name').fill('Sam Patel');
    await tutor.getByLabel('Term').selectOption('autumn');
    await tutor.getByRole('button', { name: 'Start the review' }).click();
    await tutor.waitForURL(/\/report\/[A-Za-z0-9_-]+$/);

    // Step 1: contract details. Continue with nothing filled in is stopped, and the summary is focused.
    await expect(stepCount(tutor)).toHaveText('Step 1 of 6');
    await tutor.getByRole('button', { name: 'Continue' }).click();
    const summary = tutor.getByRole('region', { name: /things? to complete before you continue/ });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Choose the contract type.');
    await summary.getByRole('link', { name: 'Give the days worked each week.' }).click();
    await expect(tutor.getByLabel('Days per week')).toBeFocused();
    await expectAccessible(tutor);
    await tutor.getByLabel('Contract type').selectOption('Permanent');
    await tutor.getByLabel('Days per week').fill('5');
    await tutor.getByLabel('This review period starts').fill('2026-09-01');
    await tutor.getByLabel('This review period ends').fill('2026-12-18');
    await continueTo(tutor, 'Continuing next term');
    await expect(stepCount(tutor)).toHaveText('Step 2 of 6');

    // Step 2: leaving would make it an interim assessment; staying keeps it a progress review.
    await tutor.getByRole('radio', { name: 'No' }).check();
    await expect(tutor.getByRole('heading', { name: 'Create an interim assessment' })).toBeVisible();
    await expectAccessible(tutor);
    await tutor.getByRole('radio', { name: 'Yes' }).check();
    await continueTo(tutor, 'Days served and days absent');
    await tutor.getByLabel('Days employed during this period (including absences)').fill('71');
    await tutor.getByRole('radio', { name: 'Yes' }).check();
    await tutor.getByRole('button', { name: 'Continue' }).click();
    await expect(tutor.getByRole('region', { name: /to complete/ })).toContainText('Give the days absent.');
    await tutor.getByLabel('Days absent in this period').fill('2');
    await expectAccessible(tutor);
    await continueTo(tutor, 'Support and entitlements');
    await tutor.getByRole('radio', { name: 'No' }).check();
    await tutor.getByRole('button', { name: 'Continue' }).click();
    await expect(tutor.getByRole('region', { name: /to complete/ })).toContainText(
      'Explain why the support or entitlements were not received.',
    );
    await typeInto(tutor, 'Why not?', 'The mentor was away for three weeks in October.');
    await expectAccessible(tutor);
    await continueTo(tutor, 'Recommendation');
    await tutor.getByRole('radio', { name: /The teacher is not on track/ }).check();
    await typeInto(tutor, 'Reasons', 'TS2: pupils are not yet making the progress expected.');
    await expect(stepCount(tutor)).toHaveText('Step 5 of 7');
    await expectAccessible(tutor);

    // Step 6 (not on track): the standards of concern, the teacher told, and the support plan before going on.
    await continueTo(tutor, 'Standards of concern and support plan');
    await tutor.getByRole('button', { name: 'Continue' }).click();
    const concerns = tutor.getByRole('region', { name: /to complete/ });
    await expect(concerns).toContainText('Tick at least one standard that is a cause for concern.');
    await expect(concerns).toContainText(
      'Attach the support plan: a teacher who is not on track needs one before you continue.',
    );
    await tutor.getByRole('checkbox', { name: 'TS2: Promote good progress and outcomes by pupils' }).check();
    await tutor
      .getByRole('checkbox', { name: 'TS5: Adapt teaching to respond to the strengths and needs of all pupils' })
      .check();
    await tutor.getByRole('radio', { name: 'Yes' }).check();
    await tutor
      .getByLabel('Support plan', { exact: true })
      .setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(1536 * 1024, 1) });
    await expect(tutor.getByRole('alert')).toContainText(
      '“scan.pdf” is 1.5 MB; a file attached to a report can be at most 1 MB.',
    );
    await expect(tutor.getByText('No file attached.')).toBeVisible();
    const plan = Buffer.from('%PDF-1.4 Additional support plan for Sam Patel');
    await tutor
      .getByLabel('Support plan', { exact: true })
      .setInputFiles({ name: 'support-plan.pdf', mimeType: 'application/pdf', buffer: plan });
    await expect(tutor.getByTestId('attached-file')).toHaveText(`support-plan.pdf (${plan.length} bytes)`);
    await tutor.getByRole('button', { name: 'Remove support-plan.pdf' }).click();
    await expect(tutor.getByText('No file attached.')).toBeVisible();
    await tutor
      .getByLabel('Support plan', { exact: true })
      .setInputFiles({ name: 'support-plan.pdf', mimeType: 'application/pdf', buffer: plan });
    await expect(tutor.getByTestId('attached-file')).toHaveText(`support-plan.pdf (${plan.length} bytes)`);
    await expectAccessible(tutor);
    await continueTo(tutor, 'Next term’s contract details');
    await expect(stepCount(tutor)).toHaveText('Step 7 of 7');
    await tutor.getByLabel('Next term: days per week').fill('5');
    await tutor.getByLabel('Next term: contract type').selectOption('Permanent');
    await expectAccessible(tutor);

    // The dashboard lists it as due with the guide's autumn date (third Friday of December).
    const dashboard = await tutorContext.newPage();
    await dashboard.goto(`${relay.url}/progress-reviews`);
    const row = dashboard.getByRole('row', { name: /Sam Patel/ });
    await expect(row).toContainText('Autumn term progress review');
    await expect(row.getByRole('cell').nth(2)).toHaveText(/^(Due|Overdue)$/);
    await expectAccessible(dashboard);

    const teacherLink = await makeShareLink(tutor, 'teacher');
    const reviewerLink = await makeShareLink(tutor, 'reviewer');
    await tutor.getByRole('button', { name: 'Finish: ready for the teacher’s comments' }).click();
    await expect(tutor.getByText('Status: Teacher to comment')).toBeVisible();
    // Roles are named in the review's own words.
    await expect(tutor.getByRole('region', { name: 'Report status' })).toContainText('(Tara Tutor, induction tutor, ');
    await expect(row.getByRole('cell').nth(2)).toHaveText('Teacher to comment');

    // The tutor cannot sign before the teacher has.
    await tutor.getByLabel(/Tick this box to digitally sign/).check();
    await tutor.getByRole('button', { name: 'Sign the review' }).click();
    await expect(tutor.getByRole('alert')).toHaveText(
      'The teacher signs first: you can sign once the teacher has confirmed the facts, added their comments and signed.',
    );

    // The teacher confirms the facts, comments and signs.
    // The teacher's device has no name: reading does not ask for one, confirming the details (their first act) does.
    const teacher = await teacherContext.newPage();
    await teacher.goto(teacherLink);
    await expect(teacher.getByRole('heading', { name: 'Confirm the details' })).toBeVisible();
    await expect(teacher.locator('.confirm-facts')).toContainText('71');
    await expectAccessible(teacher);
    const nameDialog = teacher.getByRole('dialog', { name: 'Your name' });
    await expect(nameDialog).toHaveCount(0);
    await teacher.getByRole('button', { name: 'Confirm these details' }).click();
    await nameDialog.getByRole('textbox', { name: 'Your name' }).fill('Sam Patel');
    await nameDialog.getByRole('button', { name: 'Save and continue' }).click();
    await expect(teacher.getByText(/^Details confirmed by Sam Patel on /)).toBeVisible();
    await typeInto(teacher, 'Your comments', 'This reflects the discussions I have had with my tutor.');
    const planDownload = teacher.waitForEvent('download');
    await teacher.getByRole('button', { name: 'Download support-plan.pdf' }).click();
    expect((await planDownload).suggestedFilename()).toBe('support-plan.pdf');

    // The plan is inside the report: with the network off, the teacher's device still has it, byte for byte.
    await teacher.evaluate(() => navigator.serviceWorker.ready);
    await teacherContext.setOffline(true);
    const offline = await teacherContext.newPage();
    await offline.goto(`${relay.url}${new URL(teacherLink).pathname.replace('/join/', '/report/')}`);
    const offlineDownload = offline.waitForEvent('download');
    await offline.getByRole('button', { name: 'Download support-plan.pdf' }).click();
    expect(await readFile(await (await offlineDownload).path())).toEqual(plan);
    await offline.close();
    await teacherContext.setOffline(false);
    await teacher.getByLabel(/Tick this box to digitally sign/).check();
    await expectAccessible(teacher);
    await teacher.getByRole('button', { name: 'Sign the review' }).click();
    await expect(teacher.getByText('Status: Needs signatures')).toBeVisible();
    // Asked once: signing did not ask again.
    await expect(nameDialog).toHaveCount(0);
    // Signed, it is no longer the teacher's to write: they read it, with no hint, count or check left in it.
    await expect(teacher.getByTestId('teacher-comments')).toHaveText(
      'This reflects the discussions I have had with my tutor.',
    );
    await expect(
      teacher
        .locator('.review-summary, .teacher-part')
        .locator('.hint, .count, .check-summary, .check-prompts, [contenteditable]'),
    ).toHaveCount(0);

    // The reviewer follows it: the teacher's signature is valid, the tutor's not there yet.
    const reviewer = await reviewerContext.newPage();
    await signIn(reviewer, relay.url, 'Rita Reviewer');
    await reviewer.goto(reviewerLink);
    const teacherSigned = (page: Page, verdict: string) =>
      page.getByText(new RegExp(`^Signed by Sam Patel \\(early career teacher\\) on .*: ${verdict}$`));
    await expect(teacherSigned(reviewer, 'valid')).toBeVisible();
    await expect(reviewer.getByText('Not yet signed by the induction tutor.')).toBeVisible();

    // The tutor takes it back to amend a fact the teacher signed: the teacher's signature no longer holds, for everyone.
    await expect(tutor.getByText('Status: Needs signatures')).toBeVisible();
    await expect(tutor.getByTestId('teacher-comments')).toHaveText(
      'This reflects the discussions I have had with my tutor.',
    );
    await tutor.getByRole('button', { name: 'Amend the review' }).click();
    await expect(tutor.getByText('Status: Draft')).toBeVisible();
    await expect(teacherSigned(tutor, 'valid')).toBeVisible();
    await tutor.getByLabel('Days per week').fill('4');
    for (const page of [tutor, reviewer])
      await expect(teacherSigned(page, 'no longer valid: the report changed after signing')).toBeVisible();
    await expectAccessible(tutor);
    for (const step of [
      'Continuing next term',
      'Days served and days absent',
      'Support and entitlements',
      'Recommendation',
      'Standards of concern and support plan',
      'Next term’s contract details',
    ]) {
      await continueTo(tutor, step);
    }
    await tutor.getByRole('button', { name: 'Finish: ready for the teacher’s comments' }).click();
    await expect(tutor.getByText('Status: Teacher to comment')).toBeVisible();

    // The teacher signs the amended review; then the tutor signs.
    await teacher.reload();
    await expect(teacher.getByText('Status: Teacher to comment')).toBeVisible();
    await expect(teacher.locator('.review-summary')).toContainText('Days per week4');
    await expect(teacher.getByText('Not yet signed by the early career teacher.')).toBeVisible();
    await teacher.getByRole('button', { name: 'Confirm these details' }).click();
    await expect(teacher.getByRole('textbox', { name: 'Your comments' })).toHaveText(
      'This reflects the discussions I have had with my tutor.',
    );
    await teacher.getByLabel(/Tick this box to digitally sign/).check();
    await teacher.getByRole('button', { name: 'Sign the review' }).click();
    await expect(teacherSigned(teacher, 'valid')).toBeVisible();
    await expect(tutor.getByText('Status: Needs signatures')).toBeVisible();
    await tutor.getByLabel(/Tick this box to digitally sign/).check();
    await tutor.getByRole('button', { name: 'Sign the review' }).click();
    await expect(tutor.getByText('Status: Signed: with the reviewer')).toBeVisible();
    await expect(row.getByRole('cell').nth(2)).toHaveText('Signed: with the reviewer');

    // The reviewer reads it with both signatures valid, and marks it read.
    await expect(teacherSigned(reviewer, 'valid')).toBeVisible();
    await expect(reviewer.getByText(/^Signed by Tara Tutor \(induction tutor\) on .*: valid$/)).toBeVisible();
    await expect(reviewer.getByRole('heading', { name: 'The induction tutor’s review of Sam Patel' })).toBeVisible();
    await expectAccessible(reviewer);

    // A copy changed outside Margin (here: an update written straight into the reviewer's IndexedDB, as a
    // tampering program might) shows both signatures as no longer valid on that device.
    await tamperWithLocalCopy(reviewer, relay.port, reviewerLink, (doc) => fields(doc).set('daysServed', 60));
    await reviewer.reload();
    await expect(teacherSigned(reviewer, 'no longer valid: the report changed after signing')).toBeVisible();
    await expect(
      reviewer.getByText(
        /^Signed by Tara Tutor \(induction tutor\) on .*: no longer valid: the report changed after signing$/,
      ),
    ).toBeVisible();
    await reviewer.getByRole('button', { name: 'Mark as read' }).click();
    await expect(reviewer.getByText('Status: Reviewed')).toBeVisible();
    await expect(row.getByRole('cell').nth(2)).toHaveText('Reviewed');
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});
