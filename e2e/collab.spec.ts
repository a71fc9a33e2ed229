// Working together live, in two browser profiles on the real relay: typing at once in one field converges; each
// person sees the other's named caret and both are listed as here; Ctrl+Z undoes only your own typing; an editor
// offline merges on return, and the page says where the report is saved (on this device, shared with the relay, or
// waiting to sync, with the network off or the relay out of reach); every decision is in the history; and a client's
// link shows the approved report for reading and printing, without the comment to the agency.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { makeShareLink } from './access-links.ts';
import { completeSessionReport, createSessionReport, editor, editorText, signIn } from './app.ts';
import { expect, expectAccessible, test } from './fixtures.ts';
import { startRelay } from './relay.ts';

const progress = 'Comment on progress towards learning objectives';
const whoIsHere = (page: Page) => page.getByRole('list', { name: 'Who is here' });
/** Someone else's caret in a field, found by the name it shows. */
const caretOf = (page: Page, label: string, name: string) =>
  editor(page, label).locator(`.person-caret[data-name="${name}"]`);

interface Pair {
  tutor: Page;
  mentor: Page;
  mentorContext: BrowserContext;
  close(): Promise<void>;
}

/** A tutor (Grace Hopper) with a new report, and a mentor (Mo Mentor unless named) who opened it from a share link. */
async function tutorAndMentor(
  browser: Browser,
  relayUrl: string,
  learner: string,
  mentorName = 'Mo Mentor',
): Promise<Pair> {
  const tutorContext = await browser.newContext();
  const mentorContext = await browser.newContext();
  const tutor = await tutorContext.newPage();
  const url = await createSessionReport(tutor, relayUrl, { learner });
  const link = await makeShareLink(tutor, 'mentor');
  const mentor = await mentorContext.newPage();
  await signIn(mentor, relayUrl, mentorName);
  await mentor.goto(link);
  await mentor.waitForURL(url);
  await expect(editor(mentor, progress)).toBeVisible();
  return {
    tutor,
    mentor,
    mentorContext,
    close: async () => void (await Promise.all([tutorContext.close(), mentorContext.close()])),
  };
}

/** Puts the caret at the start or the end of a field. */
async function caretAt(page: Page, label: string, where: 'start' | 'end'): Promise<void> {
  await editor(page, label).click();
  await page.keyboard.press(where === 'start' ? 'Control+Home' : 'Control+End');
}

test('two people whose names give the same colour are drawn in different colours, the same on both screens', async ({
  browser,
  relay,
}) => {
  test.setTimeout(90_000);
  // "Mo Khan" and "Grace Hopper" hash to the same palette colour (#1d4ed8, app/src/collab/colour.ts); Grace comes
  // first by name and keeps it, Mo takes the next free one (#047857).
  const pair = await tutorAndMentor(browser, relay.url, 'Jo March', 'Mo Khan');
  const { tutor, mentor } = pair;
  try {
    const swatch = (page: Page, name: string) =>
      whoIsHere(page)
        .locator(`li[data-name="${name}"] .person-swatch`)
        .evaluate((element) => getComputedStyle(element).backgroundColor);
    for (const page of [tutor, mentor]) {
      await expect(whoIsHere(page).getByRole('listitem')).toHaveCount(2);
      expect(await swatch(page, 'Grace Hopper')).toBe('rgb(29, 78, 216)');
      expect(await swatch(page, 'Mo Khan')).toBe('rgb(4, 120, 87)');
    }
    await caretAt(mentor, progress, 'end');
    await mentor.keyboard.type('Seen.', { delay: 20 });
    await expect.poll(() => editorText(tutor, progress)).toBe('Seen.');
    await expect(caretOf(tutor, progress, 'Mo Khan')).toBeVisible();
    expect(await caretOf(tutor, progress, 'Mo Khan').evaluate((caret) => getComputedStyle(caret).borderLeftColor)).toBe(
      'rgb(4, 120, 87)',
    );
  } finally {
    await pair.close();
  }
});

test('typing at once in one field converges; each sees the other’s named caret; who is here lists both, then one', async ({
  browser,
  relay,
}) => {
  test.setTimeout(90_000);
  const pair = await tutorAndMentor(browser, relay.url, 'Jo March');
  const { tutor, mentor } = pair;
  try {
    await expect(whoIsHere(tutor).getByRole('listitem')).toHaveText([
      'Grace Hopper (tutor, you)',
      'Mo Mentor (mentor)',
    ]);
    await expect(whoIsHere(mentor).getByRole('listitem')).toHaveText([
      'Mo Mentor (mentor, you)',
      'Grace Hopper (tutor)',
    ]);

    await editor(tutor, progress).pressSequentially('Middle.');
    await expect.poll(() => editorText(mentor, progress)).toBe('Middle.');
    await caretAt(tutor, progress, 'end');
    await caretAt(mentor, progress, 'start');
    await Promise.all([
      tutor.keyboard.type(' Tutor at the end.', { delay: 20 }),
      mentor.keyboard.type('Mentor at the start. ', { delay: 20 }),
    ]);
    const both = 'Mentor at the start. Middle. Tutor at the end.';
    await expect.poll(() => editorText(tutor, progress)).toBe(both);
    await expect.poll(() => editorText(mentor, progress)).toBe(both);

    // Carets show where the other person is, in their colour, with their name (drawn by CSS, not in the text).
    await expect(caretOf(tutor, progress, 'Mo Mentor')).toBeVisible();
    await expect(caretOf(mentor, progress, 'Grace Hopper')).toBeVisible();
    expect(
      await caretOf(tutor, progress, 'Mo Mentor').evaluate((caret) => getComputedStyle(caret, '::after').content),
    ).toBe('"Mo Mentor"');
    const colour = await caretOf(tutor, progress, 'Mo Mentor').evaluate(
      (caret) => getComputedStyle(caret).borderLeftColor,
    );
    expect(
      await whoIsHere(tutor)
        .locator('li[data-name="Mo Mentor"] .person-swatch')
        .evaluate((swatch) => getComputedStyle(swatch).backgroundColor),
    ).toBe(colour);
    // A caret stays in its field: the mentor's is not drawn in another field.
    await expect(tutor.locator('.person-caret')).toHaveCount(1);

    // A selection shows too, and the page passes axe with carets and selections on it.
    await mentor.keyboard.press('Shift+Home');
    await expect(editor(tutor, progress).locator('.person-selection')).toHaveText('Mentor at the start. ');
    await expectAccessible(tutor);

    // Moving to another field takes the caret there.
    await editor(mentor, 'Engagement comment').pressSequentially('Asked good questions.');
    await expect(caretOf(tutor, 'Engagement comment', 'Mo Mentor')).toBeVisible();
    await expect(caretOf(tutor, progress, 'Mo Mentor')).toHaveCount(0);

    await mentor.close();
    await expect(whoIsHere(tutor).getByRole('listitem')).toHaveText(['Grace Hopper (tutor, you)']);
    await expect(tutor.locator('.person-caret')).toHaveCount(0);
  } finally {
    await pair.close();
  }
});

test('Ctrl+Z undoes only your own typing, not your collaborator’s', async ({ browser, relay }) => {
  test.setTimeout(90_000);
  const pair = await tutorAndMentor(browser, relay.url, 'Amy March');
  const { tutor, mentor } = pair;
  try {
    // The tutor types first, so the field's paragraph is theirs too: undo must still keep the mentor's words in it.
    // Each person's words go in as one edit: keys typed more than 500 ms apart (a busy machine) are separate undo steps.
    await editor(tutor, progress).click();
    await tutor.keyboard.insertText('Tutor first.');
    await expect.poll(() => editorText(mentor, progress)).toBe('Tutor first.');
    await caretAt(mentor, progress, 'end');
    await mentor.keyboard.insertText(' Mentor second.');
    await expect.poll(() => editorText(tutor, progress)).toBe('Tutor first. Mentor second.');

    await editor(tutor, progress).focus();
    await tutor.keyboard.press('Control+z');
    await expect.poll(() => editorText(tutor, progress)).toBe(' Mentor second.');
    await expect.poll(() => editorText(mentor, progress)).toBe(' Mentor second.');
    // The mentor's own undo takes only theirs; the tutor's redo brings the tutor's back.
    await tutor.keyboard.press('Control+Shift+z');
    await expect.poll(() => editorText(mentor, progress)).toBe('Tutor first. Mentor second.');
    await editor(mentor, progress).focus();
    await mentor.keyboard.press('Control+z');
    await expect.poll(() => editorText(tutor, progress)).toBe('Tutor first.');
  } finally {
    await pair.close();
  }
});

test('the page says where the report is saved; an editor offline keeps typing and merges on return, losing nothing', async ({
  browser,
  relay,
}) => {
  test.setTimeout(90_000);
  const pair = await tutorAndMentor(browser, relay.url, 'Beth March');
  const { tutor, mentor, mentorContext } = pair;
  const mentorStatus = mentor.locator('.sync-status');
  try {
    await editor(tutor, progress).pressSequentially('Shared start.');
    await expect.poll(() => editorText(mentor, progress)).toBe('Shared start.');
    await expect(mentorStatus).toHaveText('Saved on this device; shared with the relay');

    await mentorContext.setOffline(true);
    await expect(mentorStatus).toHaveText(
      'Saved on this device; offline: changes will be shared when the connection returns',
    );
    // Nothing reaches the relay from a lost connection, not even goodbye: presence lapses after 30 s unrenewed.
    await expect(whoIsHere(tutor).getByRole('listitem')).toHaveText(['Grace Hopper (tutor, you)'], { timeout: 45_000 });
    await caretAt(mentor, progress, 'end');
    await mentor.keyboard.type(' Mentor offline.');
    await caretAt(tutor, progress, 'start');
    await tutor.keyboard.type('Tutor online. ');
    await expect.poll(() => editorText(tutor, progress)).toBe('Tutor online. Shared start.');
    expect(await editorText(mentor, progress)).toBe('Shared start. Mentor offline.');
    await expect(mentorStatus).toHaveText(/^Saved on this device; offline/);

    await mentorContext.setOffline(false);
    await expect(mentorStatus).toHaveText('Saved on this device; shared with the relay', { timeout: 20_000 });
    const merged = 'Tutor online. Shared start. Mentor offline.';
    await expect.poll(() => editorText(mentor, progress), { timeout: 10_000 }).toBe(merged);
    await expect.poll(() => editorText(tutor, progress), { timeout: 10_000 }).toBe(merged);
    await expect(whoIsHere(tutor).getByRole('listitem')).toHaveText([
      'Grace Hopper (tutor, you)',
      'Mo Mentor (mentor)',
    ]);

    // The merged text is what a third person gets from the relay.
    const readerContext = await browser.newContext();
    try {
      const reader = await readerContext.newPage();
      await reader.goto(await makeShareLink(tutor, 'reviewer'));
      await expect.poll(() => editorText(reader, progress), { timeout: 10_000 }).toBe(merged);
    } finally {
      await readerContext.close();
    }
  } finally {
    await pair.close();
  }
});

test('with the relay out of reach the page says it is waiting to sync, and shared once the relay is back', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const relay = await startRelay();
  try {
    await createSessionReport(page, relay.url, { learner: 'Laurie Laurence' });
    const status = page.locator('.sync-status');
    await expect(status).toHaveText('Saved on this device; shared with the relay');
    await relay.stop({ keepData: true });
    await expect(status).toHaveText('Saved on this device; waiting to sync: connecting to the relay…', {
      timeout: 20_000,
    });
    await editor(page, progress).pressSequentially('Written while the relay was away.');
    await expect(status).toHaveText('Saved on this device; waiting to sync: connecting to the relay…');

    const back = await startRelay({ dataDir: relay.dataDir, env: { PORT: String(relay.port) } });
    try {
      await expect(status).toHaveText('Saved on this device; shared with the relay', { timeout: 20_000 });
    } finally {
      await back.stop();
    }
  } finally {
    await relay.stop();
  }
});

test('every decision is in the history; a client reads and prints the approved report without internal fields', async ({
  browser,
  relay,
}) => {
  test.setTimeout(150_000);
  const contexts = await Promise.all([1, 2, 3].map(() => browser.newContext()));
  const [tutorContext, reviewerContext, clientContext] = contexts;
  try {
    const tutor = await tutorContext.newPage();
    await createSessionReport(tutor, relay.url, { learner: 'Meg March', subject: 'History' });
    const history = tutor.getByRole('region', { name: 'History' });
    await expect(history).toContainText('No decisions yet');
    await editor(tutor, progress).pressSequentially('Dated the Stuarts.');
    await tutor.locator('#agencyComment').pressSequentially('PRIVATE: invoice queried.');
    await completeSessionReport(tutor, 'Meg March');
    const reviewerLink = await makeShareLink(tutor, 'reviewer');
    const clientLink = await makeShareLink(tutor, 'client');
    const reviewer = await reviewerContext.newPage();
    await signIn(reviewer, relay.url, 'Rita Reviewer');
    await reviewer.goto(reviewerLink);
    await expect.poll(() => editorText(reviewer, progress)).toBe('Dated the Stuarts.');
    // A reviewer reads the report, so sees who is here without being listed to anyone else.
    await expect(whoIsHere(reviewer).getByRole('listitem')).toHaveText([
      'Rita Reviewer (reviewer, you)',
      'Grace Hopper (tutor)',
    ]);
    await expect(whoIsHere(tutor).getByRole('listitem')).toHaveText(['Grace Hopper (tutor, you)']);

    await tutor.getByRole('button', { name: 'Submit report' }).click();
    await reviewer.getByRole('button', { name: 'Send back with a reason…' }).click();
    await reviewer.getByLabel('Why is it sent back? The tutor will see this.').fill('Name the monarchs.');
    await reviewer.getByRole('button', { name: 'Send back to the tutor' }).click();
    await expect(tutor.getByText('Status: Rejected')).toBeVisible();
    await caretAt(tutor, progress, 'end');
    await tutor.keyboard.type(' James I to Anne.');
    await tutor.getByRole('button', { name: 'Resubmit report' }).click();
    // The comment no longer names an objective: the check warns, and the tutor resubmits with the warning.
    await tutor.getByRole('button', { name: 'Resubmit with 1 warning' }).click();
    await expect(reviewer.getByText('Status: Amended and resubmitted')).toBeVisible();
    await reviewer.getByRole('button', { name: 'Approve report' }).click();
    await expect(tutor.getByText('Status: Approved')).toBeVisible();

    // Oldest first, with who, in what role, and when, as an English (UK) date.
    const when = String.raw`, \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} at \d{2}:\d{2}`;
    const expected = [
      new RegExp(`^Submitted by Grace Hopper \\(tutor\\)${when}$`),
      new RegExp(`^Sent back by Rita Reviewer \\(reviewer\\)${when} Reason: Name the monarchs\\.$`),
      new RegExp(`^Amended and resubmitted by Grace Hopper \\(tutor\\)${when}$`),
      new RegExp(`^Approved by Rita Reviewer \\(reviewer\\)${when}$`),
    ];
    for (const page of [tutor, reviewer])
      await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem')).toHaveText(expected);
    const times = await history
      .locator('time')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('datetime')!));
    expect(times).toHaveLength(4);
    expect([...times].sort()).toEqual(times);
    for (const time of times) expect(Math.abs(Date.parse(time) - Date.now())).toBeLessThan(10 * 60_000);
    await expectAccessible(tutor);

    // The client's page never holds the internal field's text, and prints as headed text with no controls.
    const client = await clientContext.newPage();
    await client.goto(clientLink);
    await expect.poll(() => editorText(client, progress)).toBe('Dated the Stuarts. James I to Anne.');
    await expect(client.getByRole('region', { name: 'History' }).getByRole('listitem')).toHaveCount(4);
    expect(await client.content()).not.toContain('PRIVATE');
    expect(await client.content()).not.toContain('invoice');
    await expect(client.locator('#agencyComment')).toHaveCount(0);
    await expect(editor(client, progress)).toHaveCSS('border-top-width', '0px');
    await expectAccessible(client);

    await client.emulateMedia({ media: 'print' });
    const buttons = client.locator('button, summary, details.share, .sync-status, .who-is-here, header.top, .count');
    expect(await buttons.count()).toBeGreaterThan(0);
    for (const control of await buttons.all()) await expect(control).toBeHidden();
    await expect(client.getByRole('heading', { name: /Session report: Meg March/ })).toBeVisible();
    await expect(client.getByText(progress, { exact: true })).toBeVisible();
    await expect(editor(client, progress)).toBeVisible();
    await expect(client.getByRole('region', { name: 'History' })).toBeVisible();
    await expect(client.locator('fieldset').first()).toHaveCSS('border-top-width', '0px');
    await expect(client.getByLabel('Session delivery')).toHaveCSS('border-top-width', '0px');
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});
