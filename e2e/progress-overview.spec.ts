// The learner progress overview in real Chromium against the real relay, each person signed in with their own
// passkey: an agency's administrator invites a tutor and a coordinator; the tutor's reports (registered by the
// tutor signed in, written over real websockets as the forms would) make Gus Hale fall behind (a score 10 points
// short of his last target, and one session in three attended) while Amy Lee keeps up. The coordinator finds Gus
// first, marked falling behind with the reasons; his detail shows his scores against targets and his attendance
// as charts, each with its table, and his tutor's checklist with the weak evidence; axe finds nothing. The tutor is
// told the overview is not theirs; its refusals over raw HTTP are in relay/organisations/progress.test.ts.
import type { Page } from '@playwright/test';
import type * as Y from 'yjs';
import { fields } from '../shared/doc/layout.ts';
import { createProgressReportDoc } from '../shared/reports/progress-report/doc.ts';
import { createProgressReviewDoc, ratings } from '../shared/reports/progress-review/doc.ts';
import { attendance, createSessionReportDoc } from '../shared/reports/session-report/doc.ts';
import { addDays, localDate } from '../shared/workflow/calendar.ts';
import { expect, expectAccessible, test, watchPolicy } from './fixtures.ts';
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

const today = localDate(new Date());
const gus = { id: 'l1', name: 'Gus Hale' };
const amy = { id: 'l2', name: 'Amy Lee' };

const progressReport = (date: string, score: number, target: number) => (doc: Y.Doc) => {
  createProgressReportDoc(doc, { learner: gus, subject: 'Maths', final: false, previous: {}, date }, 'Tom Tutor');
  fields(doc).set('updatedScore', score);
  fields(doc).set('newTarget', target);
};

const sessionReport = (date: string, codes: Record<string, 'Present' | 'Absent' | 'Late'>) => (doc: Y.Doc) => {
  createSessionReportDoc(
    doc,
    { date, start: '13:00', finish: '14:00', subject: 'Maths', learners: [gus, amy] },
    'Tom Tutor',
  );
  for (const [learner, code] of Object.entries(codes)) attendance(doc).set(learner, { code });
};

test('a coordinator sees a learner falling behind, with charts and their tables; a tutor is told it is not theirs', async ({
  browser,
  context,
}) => {
  test.setTimeout(240_000);
  const [tutorContext, coraContext] = await Promise.all([1, 2].map(() => browser.newContext()));
  // The charts are drawn in the coordinator's browser: it keeps to the app's Content-Security-Policy too.
  const refused = watchPolicy(coraContext!);
  try {
    const base = own.base;
    const write = (page: Page, id: string, fill: (doc: Y.Doc) => void) =>
      writeRegisteredReport(page, own.relay, id, fill);
    const agency = 'Bright Tutors';
    const { page: admin } = await personWithPasskeys(context);
    await setUpAgency(admin, base, agency);
    const tutorInvitation = await invite(admin, base, 'Tom Tutor', 'Tutor');
    const coraInvitation = await invite(admin, base, 'Cora Coordinator', 'Coordinator');
    const { page: tutor } = await personWithPasskeys(tutorContext!);
    await join(tutor, tutorInvitation, 'Tom Tutor', agency);
    const { page: cora } = await personWithPasskeys(coraContext!);
    await join(cora, coraInvitation, 'Cora Coordinator', agency);

    await write(tutor, 'pr-1', progressReport(addDays(today, -30), 40, 60));
    await write(tutor, 'pr-2', progressReport(addDays(today, -2), 50, 65));
    await write(tutor, 's-1', sessionReport(addDays(today, -10), { l1: 'Present', l2: 'Present' }));
    await write(tutor, 's-2', sessionReport(addDays(today, -3), { l1: 'Absent', l2: 'Late' }));
    await write(tutor, 's-3', sessionReport(addDays(today, -1), { l1: 'Absent', l2: 'Present' }));
    await write(tutor, 'check', (doc) => {
      createProgressReviewDoc(doc, { title: 'Maths team', date: addDays(today, -5) }, 'Tom Tutor');
      ratings(doc).set('learners-1', 'Strong');
      ratings(doc).set('teachers-6', 'None');
    });
    await expect.poll(async () => (await listedReports(tutor)).length, slow).toBe(6);

    // The tutor has no part in the overview: not offered, and told so.
    await expect(tutor.getByRole('link', { name: 'Learner progress' })).toHaveCount(0);
    await tutor.goto(`${base}/organisation/progress`);
    await expect(tutor.getByRole('alert')).toContainText('As a tutor you have no part in it.', slow);

    // The coordinator finds Gus first, falling behind, with why; Amy keeps up.
    await cora.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Learner progress' }).click();
    await expect(cora.getByRole('heading', { level: 1, name: 'Learner progress' })).toBeVisible(slow);
    const table = cora.getByRole('table', { name: 'Learners, falling behind first' });
    const rows = table.getByRole('row');
    await expect(async () => {
      await cora.reload();
      await expect(rows.nth(1)).toContainText('Gus Hale', { timeout: 5_000 });
      await expect(rows.nth(1)).toContainText('33%', { timeout: 1_000 });
    }).toPass(slow);
    await expect(rows.nth(1).getByRole('cell')).toHaveText([
      'Tom Tutor',
      '50',
      '65',
      '33%',
      /\d/,
      'Yes: Latest score 50 is 10 points below the target of 60 (more than 5 points short). Attended 1 of 3 sessions (33%), under 85%.',
    ]);
    await expect(rows.nth(2)).toContainText('Amy Lee');
    await expect(rows.nth(2).getByRole('cell').last()).toHaveText('No');
    await expect(cora.getByRole('status').filter({ hasText: 'learners' })).toHaveText('2 learners, 1 falling behind');

    // Only those falling behind.
    await cora.getByLabel('Only those falling behind').check();
    await expect(rows).toHaveCount(2, slow);
    await expect(rows.nth(1)).toContainText('Gus Hale');
    await cora.getByLabel('Only those falling behind').uncheck();
    await expect(rows).toHaveCount(3, slow);

    // Gus's detail, from the keyboard: charts with their tables, and the checklist's weak evidence.
    await table.getByRole('button', { name: 'Gus Hale' }).focus();
    await cora.keyboard.press('Enter');
    const detail = cora.getByRole('region', { name: 'Gus Hale' });
    await expect(detail).toBeFocused();
    const scores = detail.getByRole('figure', { name: 'Scores against targets: Gus Hale' });
    await expect(scores.getByRole('img')).toHaveAttribute('aria-label', /the table beside it has its figures/);
    await expect(scores.getByRole('table').getByRole('row')).toHaveText([
      'DateScoreTarget',
      /^.+\(Progress report\)4060$/,
      /^.+\(Progress report\)5065$/,
    ]);
    const attended = detail.getByRole('figure', { name: /^Attendance by week: Gus Hale \(33% attended\)$/ });
    await expect(attended.getByRole('img')).toBeVisible();
    const weekRows = attended.getByRole('table').getByRole('row');
    await expect(weekRows.first()).toHaveText('Week ofAttendedMissed');
    const drawn = await attended.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      return pixels.some((value, index) => index % 4 === 3 && value > 0);
    });
    expect(drawn).toBe(true);
    await expect(detail.getByRole('heading', { name: /^Last progress-review checklist: Maths team, / })).toBeVisible();
    await expect(detail.getByText('Weak evidence in 1 of the 2 points rated:')).toBeVisible();
    await expect(
      detail.getByRole('listitem').filter({ hasText: 'Sets homework with detailed feedback.' }),
    ).toContainText('Evidence: none');
    await expectAccessible(cora);
    await cora.emulateMedia({ media: 'print' });
    await expect(cora.getByLabel('Only those falling behind')).toBeHidden();
    await expect(scores.getByRole('table')).toBeVisible();
    expect(refused, 'the charts broke the Content-Security-Policy').toEqual([]);
  } finally {
    await Promise.all([tutorContext!.close(), coraContext!.close()]);
  }
});
