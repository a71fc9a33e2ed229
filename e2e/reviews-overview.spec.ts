// The progress reviews overview in real Chromium, each person signed in with their own passkey: a school's
// administrator invites an induction tutor, an early career teacher and a coordinator; the tutor starts Sam's review;
// the coordinator finds it under "Due" with its teacher, tutor and due date, and once the tutor has finished it
// (through the relay, as the form would) under "Awaiting the early career teacher's comments". The tutor has no part in
// the overview and is told so. An appropriate body (made and linked with the admin CLI) finds a review both have
// signed "with the appropriate body", ticks it and marks it read; its refusals are tried over raw HTTP in
// relay/organisations/reviews-read.test.ts. A mentor chooses Sam from the school's teachers, coaches and finishes a
// cycle; the coordinator sees it counted in this week's column, with Sam's mentor and current step (refusals and the
// figures in detail: relay/organisations/overviews.test.ts). With more reviews than a page, the coordinator sees every
// group's count at once and the rest of the reviews on "Show more" (the paging in detail:
// relay/organisations/reviews-overview.test.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { setFragmentText } from '../shared/doc/text-fragment.ts';
import { confirmFacts, teacherComments } from '../shared/reports/termly-review/doc.ts';
import { completeTermlyReview } from '../shared/reports/termly-review/example.ts';
import { termlyReviewHash } from '../shared/reports/termly-review/signed-content.ts';
import { newSigningKeys, signHash } from '../shared/signatures/signature.ts';
import { sessionCookieName } from '../relay/organisations/sessions.ts';
import { organisation, storedTermlyReview } from '../relay/organisations/testing.ts';
import { openSqliteStore } from '../relay/storage/sqlite.ts';
import { signIn } from './app.ts';
import { expect, expectAccessible, test } from './fixtures.ts';
import { invite, join, listedReports, personWithPasskeys, setUpAgency, slow } from './organisation-people.ts';
import { type RunningRelay, startRelay } from './relay.ts';

let relay: RunningRelay;
let base: string;

test.beforeAll(async () => {
  relay = await startRelay();
  base = `http://localhost:${relay.port}`;
});

test.afterAll(async () => {
  await relay.stop();
});

test('a school’s coordinator sees each termly review under where it is; a tutor is told the overview is not theirs', async ({
  browser,
  context,
}) => {
  test.setTimeout(240_000);
  const [tutorContext, samContext, coraContext] = await Promise.all([1, 2, 3].map(() => browser.newContext()));
  try {
    const school = 'Oak School';
    const { page: admin } = await personWithPasskeys(context);
    await setUpAgency(admin, base, school, 'School');
    const tutorInvitation = await invite(admin, base, 'Tara Tutor', 'Tutor');
    const samInvitation = await invite(admin, base, 'Sam Patel', 'Early career teacher');
    const coraInvitation = await invite(admin, base, 'Cora Coordinator', 'Coordinator');
    const { page: tutor } = await personWithPasskeys(tutorContext!);
    await join(tutor, tutorInvitation, 'Tara Tutor', school);
    const { page: sam } = await personWithPasskeys(samContext!);
    await join(sam, samInvitation, 'Sam Patel', school);
    const { page: cora } = await personWithPasskeys(coraContext!);
    await join(cora, coraInvitation, 'Cora Coordinator', school);

    // The tutor starts Sam's autumn review; it is registered with the school as it is claimed.
    await signIn(tutor, base, 'Tara Tutor');
    await tutor.getByRole('link', { name: 'Progress reviews', exact: true }).click();
    await tutor.getByLabel('Teacher’s name').fill('Sam Patel');
    await tutor.getByLabel('Term').selectOption('autumn');
    await tutor.getByRole('button', { name: 'Start the review' }).click();
    await tutor.waitForURL(/\/report\/[A-Za-z0-9_-]+$/);
    const reportId = new URL(tutor.url()).pathname.split('/').pop()!;
    await expect.poll(async () => (await listedReports(tutor)).map((report) => report.id), slow).toEqual([reportId]);

    // The tutor is no coordinator: the header does not offer the overview, and the page says why.
    await expect(tutor.getByRole('link', { name: 'Reviews overview' })).toHaveCount(0);
    await tutor.goto(`${base}/organisation/reviews`);
    await expect(tutor.getByRole('alert')).toContainText('As a tutor you have no part in it.', slow);

    // The coordinator finds it under "Due" (its term's date is still ahead or it is overdue: a draft is one or the other).
    await signIn(cora, base, 'Cora Coordinator');
    await cora.getByRole('link', { name: 'Reviews overview' }).click();
    await expect(cora.getByRole('heading', { name: 'Progress reviews overview', level: 1 })).toBeVisible(slow);
    const draft = cora.getByRole('region', { name: /^(Due|Overdue) \(1\)$/ });
    await expect(draft.getByRole('row', { name: /Sam Patel/ })).toBeVisible(slow);
    const cells = draft.getByRole('row', { name: /Sam Patel/ }).getByRole('cell');
    await expect(cells).toHaveText(['Sam Patel', 'Tara Tutor', /^\d{1,2} December \d{4}$/, /Sam Patel/]);
    await expectAccessible(cora);

    // Finished by the tutor through the relay (the form's steps have their own test): now awaiting Sam's comments.
    const tutorToken = await tutor.evaluate(
      async (id) => (await (await fetch(`/api/organisation/reports/${id}/token`)).json()).token as string,
      reportId,
    );
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://127.0.0.1:${relay.port}/sync`, reportId, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token: tutorToken },
    });
    try {
      await expect.poll(() => provider.synced, slow).toBe(true);
      await completeTermlyReview(doc, { onTrack: true });
      await expect
        .poll(
          () =>
            tutor.evaluate(
              async ({ id, token }) =>
                (
                  await fetch(`/api/reports/${id}/transitions`, {
                    method: 'POST',
                    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
                    body: JSON.stringify({ action: 'finish', name: 'Tara Tutor' }),
                  })
                ).status,
              { id: reportId, token: tutorToken },
            ),
          slow,
        )
        .toBe(200);
    } finally {
      provider.destroy();
    }
    await cora.reload();
    const awaiting = cora.getByRole('region', { name: 'Awaiting the early career teacher’s comments (1)' });
    await expect(awaiting.getByRole('row', { name: /Sam Patel/ })).toBeVisible(slow);
    await expect(cora.getByRole('region', { name: /^(Due|Overdue) / })).toHaveCount(0);
    // Every early career teacher of the school, with their induction tutor (the review names Sam once Tara says so).
    const teachers = cora.getByRole('region', { name: 'Early career teachers' });
    await expect(teachers.getByRole('row', { name: /Sam Patel/ }).getByRole('cell')).toHaveText([
      'Sam Patel',
      'None yet',
      'None yet',
      'None yet',
      'None set yet',
    ]);
    const samId = await sam.evaluate(async () => (await (await fetch('/api/session')).json()).member.id as string);
    const named = await tutor.evaluate(
      async ({ id, teacherId }) =>
        (
          await fetch(`/api/organisation/reports/${id}/teacher`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ teacherId }),
          })
        ).status,
      { id: reportId, teacherId: samId },
    );
    expect(named).toBe(200);
    await cora.reload();
    await expect(teachers.getByRole('row', { name: /Sam Patel/ }).getByRole('cell')).toHaveText(
      [
        'Sam Patel',
        'Tara Tutor',
        'None yet',
        /Termly progress review: Sam Patel.*: awaiting their comments$/,
        'None set yet',
      ],
      slow,
    );
    // A coordinator reads; only an appropriate body's reviewer marks reviews read.
    await expect(cora.getByRole('button', { name: /^Mark \d+ reviews? read$/ })).toHaveCount(0);
    await expectAccessible(cora);
  } finally {
    await Promise.all([tutorContext, samContext, coraContext].map((each) => each?.close()));
  }
});

/** Runs the admin CLI on a relay's data folder, as an operator would from a shell; answers what it printed. */
const admin = (running: RunningRelay, ...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'relay/admin-cli.ts', ...args], {
    env: { ...process.env, DATA_DIR: running.dataDir, PUBLIC_ORIGIN: `http://localhost:${running.port}` },
    encoding: 'utf8',
  });
const organisationIdIn = (printed: string) => /organisation ([0-9a-f-]{36})\./.exec(printed)![1]!;
const linkIn = (printed: string) => /(http:\S+\/invitation#token=\S+)/.exec(printed)![1]!;

/** A raw Yjs client of one room with a token, once synced. */
async function room(running: RunningRelay, name: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${running.port}/sync`, name, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  });
  await expect.poll(() => provider.synced, slow).toBe(true);
  return { doc, provider };
}

const memberToken = (page: Page, id: string) =>
  page.evaluate(
    async (reportId) => (await (await fetch(`/api/organisation/reports/${reportId}/token`)).json()).token as string,
    id,
  );

const decide = async (running: RunningRelay, id: string, token: string, body: Record<string, unknown>) => {
  const answer = await fetch(`http://127.0.0.1:${running.port}/api/reports/${id}/transitions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: 'Someone', ...body }),
  });
  return { status: answer.status, body: await answer.json() };
};

test('an appropriate body’s reviewer ticks a signed review and marks it read from the overview', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const own = await startRelay();
  const base2 = `http://localhost:${own.port}`;
  const contexts = await Promise.all([1, 2, 3].map(() => browser.newContext()));
  const rooms: WebsocketProvider[] = [];
  try {
    const school = organisationIdIn(
      admin(own, 'create-organisation', '--name', 'Oak School', '--kind', 'school', '--admin', 'Ada Admin'),
    );
    const body = organisationIdIn(
      admin(own, 'create-organisation', '--name', 'North Body', '--kind', 'appropriate-body', '--admin', 'Ann Admin'),
    );
    admin(own, 'link-body', '--body', body, '--school', school);
    const invitation = (organisation: string, name: string, role: string) =>
      linkIn(admin(own, 'invite', '--organisation', organisation, '--name', name, '--role', role));
    const [tutorContext, samContext, abeContext] = contexts;
    const { page: tutor } = await personWithPasskeys(tutorContext!);
    await join(tutor, invitation(school, 'Tara Tutor', 'tutor'), 'Tara Tutor', 'Oak School');
    const { page: sam } = await personWithPasskeys(samContext!);
    await join(sam, invitation(school, 'Sam Patel', 'early-career-teacher'), 'Sam Patel', 'Oak School');
    const { page: abe } = await personWithPasskeys(abeContext!);
    await join(abe, invitation(body, 'Abe Body', 'appropriate-body-reviewer'), 'Abe Body', 'North Body');

    // Tara starts Sam's review, fills and finishes it, and names Sam; Sam confirms, comments and signs; Tara signs.
    await signIn(tutor, base2, 'Tara Tutor');
    await tutor.getByRole('link', { name: 'Progress reviews', exact: true }).click();
    await tutor.getByLabel('Teacher’s name').fill('Sam Patel');
    await tutor.getByLabel('Term').selectOption('autumn');
    await tutor.getByRole('button', { name: 'Start the review' }).click();
    await tutor.waitForURL(/\/report\/[A-Za-z0-9_-]+$/);
    const id = new URL(tutor.url()).pathname.split('/').pop()!;
    await expect.poll(async () => (await listedReports(tutor)).map((report) => report.id), slow).toEqual([id]);
    const tutorToken = await memberToken(tutor, id);
    const content = await room(own, id, tutorToken);
    rooms.push(content.provider);
    await completeTermlyReview(content.doc, { onTrack: true });
    let finishedAt = '';
    await expect
      .poll(async () => {
        const answer = await decide(own, id, tutorToken, { action: 'finish' });
        if (answer.status === 200) finishedAt = answer.body.decision.at;
        return answer.status;
      }, slow)
      .toBe(200);
    const samId = await sam.evaluate(async () => (await (await fetch('/api/session')).json()).member.id as string);
    const named = await tutor.evaluate(
      async ({ reportId, teacherId }) =>
        (
          await fetch(`/api/organisation/reports/${reportId}/teacher`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ teacherId }),
          })
        ).status,
      { reportId: id, teacherId: samId },
    );
    expect(named).toBe(200);
    const samsToken = await memberToken(sam, id);
    const samsContent = await room(own, id, samsToken);
    const samsNotes = await room(own, `${id}/comments`, samsToken);
    rooms.push(samsContent.provider, samsNotes.provider);
    await expect
      .poll(() => Y.encodeStateVector(samsContent.doc).join(), slow)
      .toBe(Y.encodeStateVector(content.doc).join());
    confirmFacts(samsNotes.doc, 'Sam Patel', finishedAt);
    setFragmentText(teacherComments(samsNotes.doc), 'This reflects our discussions.');
    const sign = async (a: Y.Doc, b: Y.Doc) => signHash(await newSigningKeys(), await termlyReviewHash(a, b));
    await expect
      .poll(
        async () =>
          (
            await decide(own, id, samsToken, {
              action: 'teacher-sign',
              signature: await sign(samsContent.doc, samsNotes.doc),
            })
          ).status,
        slow,
      )
      .toBe(200);
    const tutorsNotes = await room(own, `${id}/comments`, tutorToken);
    rooms.push(tutorsNotes.provider);
    await expect
      .poll(
        async () =>
          (
            await decide(own, id, await memberToken(tutor, id), {
              action: 'tutor-sign',
              signature: await sign(content.doc, tutorsNotes.doc),
            })
          ).status,
        slow,
      )
      .toBe(200);

    // Abe finds it with the appropriate body, ticks it and marks it read.
    await signIn(abe, base2, 'Abe Body');
    await abe.getByRole('link', { name: 'Reviews overview' }).click();
    const withBody = abe.getByRole('region', { name: 'With the appropriate body (1)' });
    await expect(withBody.getByRole('row', { name: /Sam Patel/ })).toBeVisible(slow);
    const mark = abe.getByRole('button', { name: 'Mark 0 reviews read' });
    await expect(mark).toBeDisabled();
    await withBody.getByRole('checkbox', { name: 'Mark Sam Patel’s review read' }).check();
    await expectAccessible(abe);
    await abe.getByRole('button', { name: 'Mark 1 review read' }).click();
    await expect(abe.getByRole('region', { name: 'What became of each' })).toContainText(
      'Termly progress review: Sam Patel',
      slow,
    );
    await expect(abe.getByRole('region', { name: 'What became of each' })).toContainText(': marked read.');
    const read = abe.getByRole('region', { name: 'Read by the appropriate body (1)' });
    await expect(read.getByRole('row', { name: /Sam Patel/ })).toBeVisible(slow);
    await expect(abe.getByRole('region', { name: /^With the appropriate body/ })).toHaveCount(0);
  } finally {
    for (const each of rooms) each.destroy();
    await Promise.all(contexts.map((each) => each.close()));
    await own.stop();
  }
});

test('a coordinator sees each early career teacher’s coaching cycles week by week, their mentor and current step', async ({
  browser,
  context,
}) => {
  test.setTimeout(240_000);
  // A relay of its own: an organisation is set up on a relay with none.
  const own = await startRelay();
  const base = `http://localhost:${own.port}`;
  const [moContext, samContext, coraContext, abeContext] = await Promise.all(
    [1, 2, 3, 4].map(() => browser.newContext()),
  );
  try {
    const school = 'Elm School';
    const { page: schoolAdmin } = await personWithPasskeys(context);
    await setUpAgency(schoolAdmin, base, school, 'School');
    const moInvitation = await invite(schoolAdmin, base, 'Mo Mentor', 'Mentor');
    const samInvitation = await invite(schoolAdmin, base, 'Sam Patel', 'Early career teacher');
    const coraInvitation = await invite(schoolAdmin, base, 'Cora Coordinator', 'Coordinator');
    const { page: mo } = await personWithPasskeys(moContext!);
    await join(mo, moInvitation, 'Mo Mentor', school);
    const { page: sam } = await personWithPasskeys(samContext!);
    await join(sam, samInvitation, 'Sam Patel', school);
    const { page: cora } = await personWithPasskeys(coraContext!);
    await join(cora, coraInvitation, 'Cora Coordinator', school);

    // The mentor chooses Sam from the school's early career teachers, from the keyboard.
    await signIn(mo, base, 'Mo Mentor');
    await mo.goto(`${base}/coaching`);
    const choose = mo.getByLabel('Early career teacher in your school');
    await expect(choose).toBeVisible(slow);
    await expectAccessible(mo);
    await mo.getByRole('button', { name: 'Add this teacher' }).click();
    await expect(mo.getByRole('alert')).toHaveText('Choose one of your school’s early career teachers.');
    await choose.selectOption({ label: 'Sam Patel' });
    await mo.getByRole('button', { name: 'Add this teacher' }).focus();
    await mo.keyboard.press('Enter');
    await expect(mo.getByRole('heading', { name: 'Coaching: Sam Patel' })).toBeVisible(slow);

    // One cycle observed and finished: registered with the school as it is claimed.
    await mo.getByRole('button', { name: 'Observe' }).click();
    await mo.waitForURL(/\/report\/[A-Za-z0-9_-]+$/);
    const cycleId = new URL(mo.url()).pathname.split('/').pop()!;
    await expect(mo.getByRole('status').filter({ hasText: 'shared with the relay' })).toBeVisible(slow);
    await mo.getByLabel('Search the library').fill('entry routine');
    const step = 'Teach one entry routine and rehearse it until it runs by itself';
    await mo.getByRole('button', { name: `Choose “${step}”` }).click();
    await mo.getByRole('button', { name: 'Give feedback' }).click();
    await mo.getByRole('button', { name: 'Finish' }).click();
    await expect(mo.getByText('the step is visible to the teacher')).toBeVisible(slow);
    await expect.poll(async () => (await listedReports(mo)).map((report) => report.id), slow).toContain(cycleId);

    // The coordinator: the teacher's row names the mentor and the current step; this week's column counts the cycle.
    await signIn(cora, base, 'Cora Coordinator');
    await cora.getByRole('link', { name: 'Reviews overview' }).click();
    const teachers = cora.getByRole('region', { name: 'Early career teachers' });
    await expect(teachers.getByRole('row', { name: /Sam Patel/ }).getByRole('cell')).toHaveText(
      [
        'Sam Patel',
        'None yet',
        'Mo Mentor',
        'None yet',
        new RegExp(`^${step} \\(set \\w{3} \\d{1,2} \\w{3} \\d{4}\\)$`),
      ],
      slow,
    );
    const region = cora.getByRole('region', { name: 'Coaching each week' });
    const coaching = region.getByRole('table', { name: 'Coaching cycles finished each week', exact: true });
    const weeks = coaching.getByRole('columnheader');
    await expect(weeks).toHaveCount(11);
    await expect(weeks.nth(2)).toHaveText(/^Week \d{1,2}from \d{1,2} \w{3}$/);
    await expect(coaching.getByRole('row', { name: /Sam Patel/ }).getByRole('cell')).toHaveText([
      'Mo Mentor',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '1',
      new RegExp(`^${step}`),
    ]);
    // The school's cycles each week as a chart, with its figures in a table beside it: this week has Sam's one.
    const chart = region.getByRole('figure', { name: /all early career teachers of Elm School together/ });
    await expect(chart.locator('canvas')).toBeVisible();
    const totals = chart.getByRole('table').getByRole('row');
    await expect(totals).toHaveCount(9);
    await expect(totals.last().getByRole('cell')).toHaveText(['1']);
    await expectAccessible(cora);

    // Sam, an early career teacher, has no part in the overview; the relay refuses them its figures.
    expect(await sam.evaluate(async () => (await fetch('/api/organisation/coaching')).status)).toBe(403);

    // An appropriate body linked to the school (with the admin CLI) sees the same, under the school's name.
    const schoolId = await cora.evaluate(
      async () => (await (await fetch('/api/session')).json()).organisation.id as string,
    );
    const body = organisationIdIn(
      admin(own, 'create-organisation', '--name', 'North Body', '--kind', 'appropriate-body', '--admin', 'Ann Admin'),
    );
    admin(own, 'link-body', '--body', body, '--school', schoolId);
    const abeInvitation = linkIn(
      admin(own, 'invite', '--organisation', body, '--name', 'Abe Body', '--role', 'appropriate-body-reviewer'),
    );
    const { page: abe } = await personWithPasskeys(abeContext!);
    await join(abe, abeInvitation, 'Abe Body', 'North Body');
    await signIn(abe, base, 'Abe Body');
    await abe.getByRole('link', { name: 'Reviews overview' }).click();
    const schools = abe.getByRole('region', { name: 'Coaching each week' });
    const elm = schools.getByRole('region', { name: school });
    const elmTable = elm.getByRole('table', { name: `Coaching cycles finished each week at ${school}`, exact: true });
    await expect(elmTable.getByRole('row', { name: /Sam Patel/ }).getByRole('cell')).toHaveText(
      ['Mo Mentor', '0', '0', '0', '0', '0', '0', '0', '1', new RegExp(`^${step}`)],
      slow,
    );
    await expect(
      elm.getByRole('figure', { name: /all early career teachers of Elm School together/ }).locator('canvas'),
    ).toBeVisible();
    // The body's reviewer has no coordinator's table of the school's teachers and reviews: that is the school's.
    await expect(abe.getByRole('region', { name: 'Early career teachers' })).toHaveCount(0);
    await expectAccessible(abe);
  } finally {
    await Promise.all([moContext, samContext, coraContext, abeContext].map((each) => each?.close()));
    await own.stop();
  }
});

test('a coordinator with more reviews than a page sees every group’s count, the first page, and the rest on Show more', async ({
  context,
}) => {
  test.setTimeout(240_000);
  // A school whose 60 reviews are stored as a relay holds them (content and status rooms) before the relay starts:
  // 3 overdue, 55 due and 2 awaiting the teacher's comments; a page holds 50.
  const dataDir = mkdtempSync(joinPath(tmpdir(), 'margin-e2e-reviews-'));
  const store = openSqliteStore(dataDir);
  const school = await organisation(
    store,
    'Oak School',
    { tom: { role: 'tutor' }, cora: { role: 'coordinator' } },
    'school',
  );
  const add = (id: string, teacher: string, year: number, status?: 'teacher-to-comment') =>
    storedTermlyReview(store, {
      organisationId: school.organisationId,
      ownerId: school.tom.id,
      id,
      teacher,
      year,
      status,
    });
  for (let i = 1; i <= 3; i++) await add(`late-${i}`, `Late Teacher ${i}`, 2020);
  for (let i = 10; i < 65; i++) await add(`due-${i}`, `Due Teacher ${i}`, 2090);
  for (let i = 1; i <= 2; i++) await add(`comment-${i}`, `Commenting Teacher ${i}`, 2024, 'teacher-to-comment');
  await store.close();
  const own = await startRelay({ dataDir });
  const base = `http://localhost:${own.port}`;
  try {
    await context.addCookies([{ name: sessionCookieName, value: school.cora.cookie, url: base }]);
    const page = await context.newPage();
    await signIn(page, base, 'Cora Coordinator');
    await page.getByRole('link', { name: 'Reviews overview' }).click();
    const overdue = page.getByRole('region', { name: 'Overdue (3)' });
    const due = page.getByRole('region', { name: 'Due (55)' });
    await expect(overdue.getByRole('row', { name: /Late Teacher/ })).toHaveCount(3, slow);
    // The first page: the 3 overdue and 47 of the 55 due, counted over all; the rest one button away.
    await expect(due.getByRole('row', { name: /Due Teacher/ })).toHaveCount(47);
    await expect(due).toContainText('8 more in this group');
    await expect(page.getByRole('region', { name: /^Awaiting the early career teacher’s comments/ })).toHaveCount(0);
    await expect(page.getByTestId('paging-status')).toHaveText('Showing 50 of 60 reviews');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Show more' }).focus();
    await page.keyboard.press('Enter');
    await expect(due.getByRole('row', { name: /Due Teacher/ })).toHaveCount(55, slow);
    await expect(due).not.toContainText('more in this group');
    const awaiting = page.getByRole('region', { name: 'Awaiting the early career teacher’s comments (2)' });
    await expect(awaiting.getByRole('row', { name: /Commenting Teacher/ })).toHaveCount(2);
    await expect(page.getByTestId('paging-status')).toHaveText('Showing 60 of 60 reviews');
    await expect(page.getByRole('button', { name: 'Show more' })).toHaveCount(0);
    await expectAccessible(page);
  } finally {
    await own.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
