// The progress reviews overview in real Chromium, each person signed in with their own passkey: a school's
// administrator invites an induction tutor, an early career teacher and a coordinator; the tutor starts Sam's review;
// the coordinator finds it under "Due" with its teacher, tutor and due date, and once the tutor has finished it
// (through the relay, as the form would) under "Awaiting the early career teacher's comments". The tutor has no part in
// the overview and is told so. Marking several read is tried over raw HTTP in relay/organisations/reviews-read.test.ts.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { completeTermlyReview } from '../shared/reports/termly-review/example.ts';
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
    // A coordinator reads; only an appropriate body's reviewer marks reviews read.
    await expect(cora.getByRole('button', { name: /^Mark \d+ reviews? read$/ })).toHaveCount(0);
    await expectAccessible(cora);
  } finally {
    await Promise.all([tutorContext, samContext, coraContext].map((each) => each?.close()));
  }
});
