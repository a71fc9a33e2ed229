// A school's termly progress review signed by the early career teacher it is about, signed in, in real Chromium with
// a virtual authenticator per person: the administrator invites an induction tutor and two early career teachers;
// the tutor starts a review (registered with the school as it is claimed) and names Sam as its teacher; Sam finds it
// on his home page, opens it without a link, confirms the details, comments and signs, and the signature is in his
// account's name; the tutor's own teacher link cannot sign it, and the other teacher cannot open it.
import type { BrowserContext } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { memberRefusals } from '../shared/protocol/member-access.ts';
import { completeTermlyReview } from '../shared/reports/termly-review/example.ts';
import { newSigningKeys, signHash } from '../shared/signatures/signature.ts';
import { signIn } from './app.ts';
import { expect, expectAccessible, test, withOtherContexts } from './fixtures.ts';
import {
  invite,
  join,
  listedReports,
  personWithPasskeys,
  setUpAgency,
  slow,
  relayOfTheirOwn,
} from './organisation-people.ts';

const own = relayOfTheirOwn();

test('the early career teacher named signs the school’s review signed in; the tutor’s teacher link and another teacher cannot', async ({
  browser,
  context,
}) => {
  test.setTimeout(240_000);
  await withOtherContexts(browser, 3, (others) => story(context, others));
});

async function story(adminContext: BrowserContext, [tutorContext, samContext, eveContext]: BrowserContext[]) {
  const school = 'Oak Hill School';
  const { page: admin } = await personWithPasskeys(adminContext);
  await setUpAgency(admin, own.base, school, 'School');
  const tutorInvitation = await invite(admin, own.base, 'Tara Tutor', 'Tutor');
  const samInvitation = await invite(admin, own.base, 'Sam Patel', 'Early career teacher');
  const eveInvitation = await invite(admin, own.base, 'Eve Evans', 'Early career teacher');
  const { page: tutor } = await personWithPasskeys(tutorContext!);
  await join(tutor, tutorInvitation, 'Tara Tutor', school);
  const { page: sam } = await personWithPasskeys(samContext!);
  await join(sam, samInvitation, 'Sam Patel', school);
  const { page: eve } = await personWithPasskeys(eveContext!);
  await join(eve, eveInvitation, 'Eve Evans', school);

  // The tutor starts the review; it is registered with the school as it is claimed.
  await signIn(tutor, own.base, 'Tara Tutor');
  await tutor.getByRole('link', { name: 'Progress reviews' }).click();
  await tutor.getByLabel('Teacher’s name').fill('Sam Patel');
  await tutor.getByLabel('Term').selectOption('autumn');
  await tutor.getByRole('button', { name: 'Start the review' }).click();
  await tutor.waitForURL(/\/report\/[A-Za-z0-9_-]+$/);
  const reportId = new URL(tutor.url()).pathname.split('/').pop()!;
  await expect.poll(async () => (await listedReports(tutor)).map((report) => report.id), slow).toEqual([reportId]);

  // Its steps are filled in from another of the tutor's clients (the form's own steps have their own test), and
  // finished through the relay with the token the school's membership gives her.
  const tutorToken = await tutor.evaluate(
    async (id) => (await (await fetch(`/api/organisation/reports/${id}/token`)).json()).token as string,
    reportId,
  );
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${own.relay.port}/sync`, reportId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token: tutorToken },
  });
  try {
    await expect.poll(() => provider.synced, slow).toBe(true);
    await completeTermlyReview(doc, { onTrack: true });
    await expect(tutor.getByRole('heading', { name: 'Recommendation' })).toHaveCount(0, slow);
  } finally {
    await new Promise((resolve) => setTimeout(resolve, 500));
    provider.destroy();
  }

  // The tutor names Sam as the review's teacher from the school's early career teachers.
  const named = tutor.getByRole('region', { name: 'The early career teacher' });
  await expect(named.getByLabel('Early career teacher').locator('option')).toHaveText(
    ['Nobody yet', 'Sam Patel', 'Eve Evans'],
    slow,
  );
  await named.getByLabel('Early career teacher').selectOption({ label: 'Sam Patel' });
  await named.getByRole('button', { name: 'Save the teacher' }).click();
  await expect(named.getByRole('status')).toHaveText(
    'Sam Patel will open this review signed in, add their comments and sign it as the teacher.',
  );
  await expectAccessible(tutor);
  const finished = await tutor.evaluate(
    async ({ id, token }) =>
      (
        await fetch(`/api/reports/${id}/transitions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ action: 'finish', name: 'Tara Tutor' }),
        })
      ).status,
    { id: reportId, token: tutorToken },
  );
  expect(finished).toBe(200);
  await expect(tutor.getByText('Status: Teacher to comment')).toBeVisible(slow);

  // A teacher's link made with the tutor's own link opens the review, but the relay refuses its signature.
  // Signed over any hash: the relay refuses the link before it looks at what was signed.
  const anySignature = await signHash(await newSigningKeys(), 'a'.repeat(64));
  const linkSignature = await tutor.evaluate(
    async ({ id, signature }) => {
      const open = indexedDB.open('margin-access');
      const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      const request = db.transaction('links').objectStore('links').getAll();
      const links = await new Promise<{ reportId: string; source: string; token: string }[]>(
        (resolve) => (request.onsuccess = () => resolve(request.result)),
      );
      const own = links.find((link) => link.reportId === id && link.source === 'claimed')!;
      const made = await fetch(`/api/reports/${id}/links`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${own.token}` },
        body: JSON.stringify({ role: 'teacher' }),
      });
      const { token } = await made.json();
      const signed = await fetch(`/api/reports/${id}/transitions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ action: 'teacher-sign', name: 'Sam Patel', signature }),
      });
      return { made: made.status, status: signed.status, body: await signed.json() };
    },
    { id: reportId, signature: anySignature },
  );
  expect(linkSignature).toEqual({ made: 201, status: 403, body: { error: memberRefusals.teacherSignsSignedIn } });

  // Eve is an early career teacher of the school too, but not this review's: it is not hers to open.
  await eve.goto(own.base);
  expect(await listedReports(eve)).toEqual([]);
  await eve.goto(`${own.base}/report/${reportId}`);
  await expect(eve.getByText(memberRefusals.noPart('early-career-teacher'), { exact: true })).toBeVisible(slow);

  // Sam finds it on his home page and opens it without a link: confirms the details, comments and signs.
  await signIn(sam, own.base, 'Sam Patel');
  const his = sam.getByRole('region', { name: 'Your progress reviews' });
  await his.getByRole('link', { name: /Sam Patel/ }).click(slow);
  await expect(sam.getByRole('heading', { name: 'Confirm the details' })).toBeVisible(slow);
  await expect(sam.getByRole('dialog', { name: 'Your name' })).toHaveCount(0);
  await sam.getByRole('button', { name: 'Confirm these details' }).click();
  await expect(sam.getByText(/^Details confirmed by Sam Patel on /)).toBeVisible(slow);
  const comments = sam.getByRole('textbox', { name: 'Your comments' });
  await comments.click();
  await sam.keyboard.type('This reflects our discussions.');
  await expect(comments).toHaveText('This reflects our discussions.');
  await expectAccessible(sam);
  await sam.getByLabel(/Tick this box to digitally sign/).check();
  await sam.getByRole('button', { name: 'Sign the review' }).click();
  await expect(sam.getByText('Status: Needs signatures')).toBeVisible(slow);

  // The tutor sees the signature in Sam's account's name, and can no longer change who the review is about.
  await expect(tutor.getByText('Status: Needs signatures')).toBeVisible(slow);
  await expect(tutor.locator('.signatures')).toContainText('Sam Patel', slow);
  await expect(tutor.getByRole('region', { name: 'The early career teacher' })).toHaveCount(0);
}
