// Notifications in real Chromium, with a virtual authenticator per person and the relay sending mail to a real SMTP
// server (smtp-server) started here: the tutor gives an e-mail address on their account page; the quality reviewer
// comments on the tutor's submitted report and sends it back; the tutor's header counts both, the inbox lists them
// newest first, opens the report from one, and marks the rest read from the keyboard; the mail names people and
// links to the report, without the report's words, the comment's or the reason's.
import type { BrowserContext } from '@playwright/test';
import { SMTPServer } from 'smtp-server';
import { completeSessionReport, createSessionReport, editor, signIn, submitReport } from './app.ts';
import { addComment } from './comments.ts';
import { expect, expectAccessible, test, watchPolicy } from './fixtures.ts';
import { header, invite, join, personWithPasskeys, setUpAgency, slow } from './organisation-people.ts';
import { type RunningRelay, startRelay } from './relay.ts';

let relay: RunningRelay;
let base: string;
let smtp: SMTPServer;
const mail: { to: string[]; raw: string }[] = [];

test.beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mail.push({ to: session.envelope.rcptTo.map((each) => each.address), raw: Buffer.concat(chunks).toString() });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const { port } = smtp.server.address() as { port: number };
  relay = await startRelay({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Margin <margin@example.org>' } });
  base = `http://localhost:${relay.port}`;
});

test.afterAll(async () => {
  await relay.stop();
  await new Promise((resolve) => smtp.close(() => resolve(null)));
});

const progress = 'Comment on progress towards learning objectives';
/** A message as a person reads it: quoted-printable undone. */
const readable = (raw: string) =>
  Buffer.from(
    raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

test('a report sent back and a reviewer’s comment reach the tutor’s inbox and e-mail, and open the report', async ({
  browser,
  context,
}) => {
  test.setTimeout(240_000);
  const others = await Promise.all([1, 2].map(() => browser.newContext()));
  const refused = others.map(watchPolicy);
  try {
    await story(context, others);
  } finally {
    await Promise.all(others.map((each) => each.close()));
  }
  expect(refused.flat(), 'the app broke its Content-Security-Policy').toEqual([]);
});

async function story(adminContext: BrowserContext, [tutorContext, reviewerContext]: BrowserContext[]) {
  const organisation = 'Northside Tutors';
  const { page: admin } = await personWithPasskeys(adminContext);
  await setUpAgency(admin, base, organisation);
  const tutorLink = await invite(admin, base, 'Tom Tutor', 'Tutor');
  const reviewerLink = await invite(admin, base, 'Rita Reviewer', 'Quality reviewer');
  const { page: tutor } = await personWithPasskeys(tutorContext!);
  await join(tutor, tutorLink, 'Tom Tutor', organisation);
  const { page: reviewer } = await personWithPasskeys(reviewerContext!);
  await join(reviewer, reviewerLink, 'Rita Reviewer', organisation);

  // Tom gives his e-mail address on his account page: a wrong one is refused with why, then a right one kept.
  await tutor.goto(`${base}/account`);
  const address = tutor.getByLabel('Your e-mail address');
  await address.fill('tom at example');
  await tutor.getByRole('button', { name: 'Save e-mail address' }).click();
  await expect(tutor.getByText('Give an e-mail address like ada@example.org.')).toBeVisible();
  await expect(address).toBeFocused();
  await address.fill('tom@example.org');
  await address.press('Enter');
  await expect(
    tutor.getByRole('status').filter({ hasText: 'Notifications will be mailed to tom@example.org' }),
  ).toBeVisible(slow);
  await expect(tutor.getByText('Notifications are mailed to tom@example.org.')).toBeVisible();
  await expectAccessible(tutor);

  // Tom writes a session report and submits it.
  const reportUrl = await createSessionReport(tutor, base, { learner: 'Gus Hale', tutor: 'Tom Tutor' });
  const reportId = new URL(reportUrl).pathname.split('/').pop()!;
  await editor(tutor, progress).pressSequentially('Dated the Tudors.');
  await completeSessionReport(tutor, 'Gus Hale');
  await expect
    .poll(
      () => tutor.evaluate(async () => (await (await fetch('/api/organisation/reports')).json()).reports?.length ?? 0),
      slow,
    )
    .toBe(1);
  await submitReport(tutor);
  await expect(tutor.getByText('Status: Submitted')).toBeVisible(slow);
  // His inbox holds his invitation, which he marks read with "Mark all read" from the keyboard.
  await tutor.goto(`${base}/inbox`);
  const list = tutor.getByRole('list', { name: 'Notifications, newest first' });
  await expect(list.getByRole('listitem')).toHaveText(
    [/^Unread Ada Admin invited you to join your organisation on Margin/],
    slow,
  );
  await expect(header(tutor).getByRole('link', { name: 'Inbox 1 unread' })).toBeVisible();
  await tutor.getByRole('button', { name: 'Mark all read' }).focus();
  await tutor.keyboard.press('Enter');
  await expect(tutor.getByText('Nothing unread.')).toBeVisible();
  await expect(tutor.getByRole('heading', { name: 'Inbox', level: 1 })).toBeFocused();
  await expect(header(tutor).getByRole('link', { name: 'Inbox', exact: true })).toBeVisible();

  // Rita opens it through her membership, comments, and sends it back.
  await signIn(reviewer, base, 'Rita Reviewer');
  await reviewer.goto(reportUrl);
  await expect(reviewer.getByText('Status: Submitted')).toBeVisible(slow);
  await addComment(reviewer, progress, 'Tudors', 'Which Tudors?');
  await reviewer.getByRole('button', { name: 'Send back with a reason…' }).click();
  await reviewer.getByLabel('Why is it sent back? The tutor will see this.').fill('Say which monarchs.');
  await reviewer.getByRole('button', { name: 'Send back to the tutor' }).click();
  await expect(reviewer.getByText('Status: Rejected')).toBeVisible(slow);

  // Tom's header counts both; his inbox lists them, newest first, unread marked in words.
  await expect(async () => {
    await tutor.reload();
    await expect(header(tutor).getByRole('link', { name: 'Inbox 2 unread' })).toBeVisible({ timeout: 5_000 });
  }).toPass(slow);
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list.getByRole('listitem').nth(0)).toContainText('Unread Rita Reviewer sent back your session report');
  await expect(list.getByRole('listitem').nth(1)).toContainText('Unread Rita Reviewer commented on a session report');
  await expect(tutor.getByText('2 unread notifications.')).toBeVisible();
  // Names only: not the reason, the comment, nor the report's words.
  for (const words of ['Say which monarchs', 'Which Tudors?', 'Dated the Tudors'])
    await expect(tutor.getByRole('main')).not.toContainText(words);
  await expectAccessible(tutor);

  // Opening one takes Tom to the report, and marks it read.
  await list.getByRole('link', { name: 'Rita Reviewer sent back your session report' }).click();
  await expect(tutor).toHaveURL(`${base}/report/${reportId}`, slow);
  await expect(tutor.getByText('Status: Rejected')).toBeVisible(slow);
  await expect(header(tutor).getByRole('link', { name: 'Inbox 1 unread' })).toBeVisible(slow);

  // From the keyboard: to the inbox from the header, then "Mark read" on the comment's notification.
  await header(tutor).getByRole('link', { name: 'Inbox 1 unread' }).focus();
  await tutor.keyboard.press('Enter');
  await expect(tutor).toHaveURL(`${base}/inbox`);
  await expect(list.getByRole('listitem').nth(0)).not.toContainText('Unread');
  const markRead = list.getByRole('button', { name: 'Mark read: Rita Reviewer commented on a session report' });
  await markRead.focus();
  await tutor.keyboard.press('Enter');
  await expect(tutor.getByRole('status').filter({ hasText: 'The notification is marked read.' })).toBeVisible();
  await expect(list.getByRole('link', { name: 'Rita Reviewer commented on a session report' })).toBeFocused();
  await expect(tutor.getByText('Nothing unread.')).toBeVisible();
  await expect(header(tutor).getByRole('link', { name: 'Inbox', exact: true })).toBeVisible();
  await expect(list).not.toContainText('Unread');

  // The mail: to Tom, from the relay, names and a link to the report, none of its words.
  await expect.poll(() => mail.length, slow).toBe(2);
  const [commented, sentBack] = mail.map((each) => ({ to: each.to, text: readable(each.raw) }));
  expect(commented!.to).toEqual(['tom@example.org']);
  expect(sentBack!.to).toEqual(['tom@example.org']);
  expect(sentBack!.text).toMatch(/^Subject: Rita Reviewer sent back your session report$/m);
  expect(commented!.text).toMatch(/^Subject: Rita Reviewer commented on a session report$/m);
  for (const { text } of [commented!, sentBack!]) {
    expect(text).toMatch(/^From: Margin <margin@example\.org>$/m);
    expect(text).toContain(`Open the report: ${base}/report/${reportId}`);
    for (const words of ['Say which monarchs', 'Which Tudors', 'Dated the Tudors', 'Gus Hale'])
      expect(text).not.toContain(words);
  }

  // Rita, who acted, was told of nothing but her own invitation.
  await reviewer.goto(`${base}/inbox`);
  await expect(reviewer.getByRole('list', { name: 'Notifications, newest first' }).getByRole('listitem')).toHaveText(
    [/Ada Admin invited you/],
    slow,
  );
}
