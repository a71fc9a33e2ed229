// The quality team's plan of observations in real Chromium, each person signed in with their own passkey: an agency's
// tutor has delivered two sessions (their session reports, written through the relay as the form would); the quality
// reviewer finds them due a spot check in their third session, chooses them from the agency's tutors and starts an
// observation of them (registered with the agency as it is claimed, matched by member id) and sees it in the plan; the spot-check page fills its list from the session reports, from
// the keyboard, keeping a tutor typed in by hand. The tutor is told the plan is not theirs. The refusals over raw HTTP
// and the figures in detail: relay/organisations/overviews.test.ts.
import type { Page } from '@playwright/test';
import { attendance, createSessionReportDoc } from '../shared/reports/index.ts';
import { signIn } from './app.ts';
import { expect, expectAccessible, test } from './fixtures.ts';
import {
  invite,
  join,
  listedReports,
  personWithPasskeys,
  relayOfTheirOwn,
  setUpAgency,
  slow,
  writeRegisteredReport,
} from './organisation-people.ts';

const own = relayOfTheirOwn();

/** A session report registered by the tutor signed in on `page` and written over a websocket, with its attendance. */
const sessionReport = (page: Page, id: string, date: string, code: string) =>
  writeRegisteredReport(page, own.relay, id, (doc) => {
    createSessionReportDoc(
      doc,
      { date, start: '16:00', finish: '17:00', subject: 'Maths', learners: [{ id: 'l1', name: 'Gus Hale' }] },
      'Tia Tutor',
    );
    attendance(doc).set('l1', { code: code as 'Present' });
  });

test('the quality team plans observations from the tutors’ session reports and fills the spot checks from them', async ({
  browser,
  context,
}) => {
  test.setTimeout(240_000);
  const base = own.base;
  const [tiaContext, rosaContext] = await Promise.all([1, 2].map(() => browser.newContext()));
  try {
    const agency = 'Bright Tutors';
    const { page: admin } = await personWithPasskeys(context);
    await setUpAgency(admin, base, agency);
    const tiaInvitation = await invite(admin, base, 'Tia Tutor', 'Tutor');
    const rosaInvitation = await invite(admin, base, 'Rosa Reviewer', 'Quality reviewer');
    const { page: tia } = await personWithPasskeys(tiaContext!);
    await join(tia, tiaInvitation, 'Tia Tutor', agency);
    const { page: rosa } = await personWithPasskeys(rosaContext!);
    await join(rosa, rosaInvitation, 'Rosa Reviewer', agency);

    // Tia delivered two sessions; a third was a tutor cancellation, so not delivered.
    await sessionReport(tia, 'tia-session-1', '2026-11-02', 'Present');
    await sessionReport(tia, 'tia-session-2', '2026-11-09', 'Late');
    await sessionReport(tia, 'tia-session-3', '2026-11-16', 'Tutor Cancellation');

    // The tutor has no part in the plan.
    await tia.goto(`${base}/quality/plan`);
    await expect(tia.getByRole('alert')).toContainText('As a tutor you have no part in it.', slow);

    await signIn(rosa, base, 'Rosa Reviewer');
    await rosa.goto(`${base}/quality`);
    await rosa.getByRole('link', { name: 'Plan of observations' }).click();
    await expect(rosa.getByRole('heading', { name: 'Plan of observations', level: 1 })).toBeVisible(slow);
    const due = rosa.getByRole('region', { name: 'Due (1)' });
    await expect(due.getByRole('listitem')).toHaveText(['Tia Tutor: Spot check due: observe session 3'], slow);
    const tiaRow = rosa.getByRole('row', { name: /Tia Tutor/ });
    await expect(tiaRow.getByRole('cell')).toHaveText(['2', 'None yet', 'Spot check due: observe session 3']);
    await expectAccessible(rosa);

    // Rosa chooses Tia from the agency's tutors (so the observation carries Tia's member id) and starts observing
    // her: it reaches the agency as it is claimed, and the plan shows it being written.
    await rosa.goto(`${base}/quality`);
    const chooseTutor = rosa.getByLabel('Tutor in your organisation');
    await expect(chooseTutor.getByRole('option', { name: 'Tia Tutor' })).toHaveCount(1, slow);
    await rosa.getByRole('button', { name: 'Observe this tutor' }).click();
    await expect(rosa.getByRole('alert')).toHaveText('Choose one of your organisation’s tutors.');
    await expectAccessible(rosa);
    await chooseTutor.selectOption({ label: 'Tia Tutor' });
    await rosa.getByRole('button', { name: 'Observe this tutor' }).focus();
    await rosa.keyboard.press('Enter');
    await rosa.waitForURL(/\/report\/[A-Za-z0-9_-]+$/);
    const observationId = new URL(rosa.url()).pathname.split('/').pop()!;
    await expect(rosa.getByRole('status').filter({ hasText: 'shared with the relay' })).toBeVisible(slow);
    await expect
      .poll(async () => (await listedReports(rosa)).map((report) => report.id), slow)
      .toContain(observationId);
    await rosa.goto(`${base}/quality/plan`);
    await expect(tiaRow.getByRole('cell')).toHaveText(
      ['2', /^Observation 1, \w{3} \d{1,2} \w{3} \d{4}: being written$/, 'First observation being written'],
      slow,
    );
    await expect(rosa.getByRole('region', { name: 'Due (0)' })).toContainText('No observation is due.');

    // Spot checks: one tutor outside Margin typed by hand stays; Tia comes from her session reports.
    await rosa.goto(`${base}/quality/spot-checks`);
    await rosa.getByLabel('Tutor 1: name').fill('Vic Volunteer');
    await rosa.getByLabel('Sessions delivered').fill('3');
    await rosa.getByRole('button', { name: 'Fill in from session reports' }).focus();
    await rosa.keyboard.press('Enter');
    await expect(rosa.getByRole('status')).toHaveText('1 tutor from Margin’s session reports, and 1 typed in.', slow);
    await expect(rosa.getByLabel('Tutor 1: name')).toHaveValue('Tia Tutor');
    await expect(rosa.getByLabel('Sessions delivered').first()).toHaveValue('2');
    await expect(rosa.getByLabel('Tutor 2: name')).toHaveValue('Vic Volunteer');
    await rosa.getByLabel('How many to pick').fill('2');
    await rosa.getByRole('button', { name: 'Pick tutors' }).click();
    const picks = rosa.getByRole('region', { name: 'Picked for a spot check' });
    await expect(picks).toContainText('2 of 2 tutors eligible.');
    await expect(picks.getByRole('listitem')).toContainText(['observe session', 'observe session']);
    await expect(picks).toContainText('Tia Tutor: observe session 3');
    await expectAccessible(rosa);
  } finally {
    await Promise.all([tiaContext, rosaContext].map((each) => each?.close()));
  }
});
