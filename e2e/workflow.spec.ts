// The report's workflow, decided through the relay: a submitted report is read-only for everyone; a reviewer
// sends it back with a reason the tutor sees, the tutor changes it and resubmits; once approved a client's link
// shows it without the comment to the agency; changes made offline meanwhile are kept and shown, not lost.
import { makeShareLink } from './access-links.ts';
import { completeSessionReport, createSessionReport, editor, editorText, signIn, submitReport } from './app.ts';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures.ts';

const progress = 'Comment on progress towards learning objectives';
/** The comment to the agency (internal): its editor has the field's key as its id. */
const agencyEditor = (page: Page) => page.locator('#agencyComment');

test('submit, send back with a reason, resubmit, approve; then a client reads it without the internal comment', async ({
  browser,
  relay,
}) => {
  test.setTimeout(120_000);
  const contexts = await Promise.all([1, 2, 3, 4].map(() => browser.newContext()));
  const [tutorContext, mentorContext, reviewerContext, clientContext] = contexts;
  try {
    const tutor = await tutorContext.newPage();
    await createSessionReport(tutor, relay.url, { learner: 'Gus Hale', subject: 'History' });
    await editor(tutor, progress).pressSequentially('Dated the Tudors.');
    await agencyEditor(tutor).pressSequentially('PRIVATE: parent asked about fees.');
    const mentorLink = await makeShareLink(tutor, 'mentor');
    const reviewerLink = await makeShareLink(tutor, 'reviewer');
    const clientLink = await makeShareLink(tutor, 'client');
    const mentor = await mentorContext.newPage();
    await mentor.goto(mentorLink);
    const reviewer = await reviewerContext.newPage();
    await signIn(reviewer, relay.url, 'Rita Reviewer');
    await reviewer.goto(reviewerLink);
    await expect.poll(() => editorText(reviewer, progress)).toBe('Dated the Tudors.');
    await expect(reviewer.getByRole('button', { name: 'Approve report' })).toHaveCount(0);

    // A client's link opens nothing before approval, and says why.
    const client = await clientContext.newPage();
    await client.goto(clientLink);
    await expect(
      client.getByText('This report has not been approved yet. The link opens it once it is.', { exact: true }),
    ).toBeVisible();

    // A submission with a missing field is stopped: the list shows, and its entry takes the tutor to the field.
    await tutor.getByRole('button', { name: 'Submit report' }).click();
    await tutor
      .getByRole('region', { name: /things? to fix/ })
      .getByRole('link', { name: 'Record attendance for Gus Hale.' })
      .click();
    await expect(tutor.getByLabel('Attendance: Gus Hale')).toBeFocused();
    await expect(tutor.getByText('Status: Submitted')).toHaveCount(0);
    await completeSessionReport(tutor, 'Gus Hale');
    await submitReport(tutor);
    for (const page of [tutor, mentor, reviewer]) {
      await expect(page.getByText('Status: Submitted')).toBeVisible();
      await expect(editor(page, progress)).toHaveAttribute('contenteditable', 'false');
    }
    await expect(tutor.getByRole('button', { name: 'Submit report' })).toHaveCount(0);

    // The share panel closes when the status changes, so the reason to fix is in view.
    await expect(tutor.locator('details.share')).not.toHaveAttribute('open');
    await tutor.locator('details.share summary').click();
    await expect(tutor.locator('details.share')).toHaveAttribute('open');
    await reviewer.getByRole('button', { name: 'Send back with a reason…' }).click();
    await reviewer.getByRole('button', { name: 'Send back to the tutor' }).click();
    await expect(reviewer.getByRole('alert')).toHaveText(
      'Say why the report is rejected, so the tutor knows what to fix.',
    );
    await reviewer.getByLabel('Why is it sent back? The tutor will see this.').fill('Say which dates were covered.');
    await expectAccessible(reviewer);
    await reviewer.getByRole('button', { name: 'Send back to the tutor' }).click();

    await expect(tutor.getByText('Status: Rejected')).toBeVisible();
    await expect(tutor.locator('details.share')).not.toHaveAttribute('open');
    await expect(tutor.getByText('“Say which dates were covered.”')).toBeVisible();
    await expect(editor(tutor, progress)).toHaveAttribute('contenteditable', 'true');
    await editor(tutor, progress).click();
    await tutor.keyboard.press('End');
    await tutor.keyboard.type(' From 1485 to 1603.');
    await expect.poll(() => editorText(reviewer, progress)).toBe('Dated the Tudors. From 1485 to 1603.');
    await expectAccessible(tutor);
    await tutor.getByRole('button', { name: 'Resubmit report' }).click();
    // The comment no longer names an objective: the check warns, and the tutor resubmits with the warning.
    await tutor.getByRole('button', { name: 'Resubmit with 1 warning' }).click();
    await expect(reviewer.getByText('Status: Amended and resubmitted')).toBeVisible();
    await expect(editor(tutor, progress)).toHaveAttribute('contenteditable', 'false');

    await reviewer.getByRole('button', { name: 'Approve report' }).click();
    await expect(tutor.getByText('Status: Approved')).toBeVisible();

    const wire: string[] = [];
    const clientLater = await clientContext.newPage();
    clientLater.on('websocket', (socket) =>
      socket.on('framereceived', (frame) =>
        wire.push(typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('latin1')),
      ),
    );
    await clientLater.goto(clientLink);
    await expect.poll(() => editorText(clientLater, progress)).toBe('Dated the Tudors. From 1485 to 1603.');
    await expect(clientLater.getByText('Status: Approved')).toBeVisible();
    await expect(agencyEditor(clientLater)).toHaveCount(0);
    await expect(clientLater.getByRole('group', { name: 'For the agency' })).toHaveCount(0);
    expect(wire.join('')).toContain('Dated the Tudors.');
    expect(wire.join('')).not.toContain('PRIVATE');
    expect(wire.join('')).not.toContain('fees');
    await expectAccessible(clientLater);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});

test('changes made offline to a report submitted meanwhile are kept and shown to their author', async ({
  browser,
  relay,
}) => {
  test.setTimeout(120_000);
  const tutorContext = await browser.newContext();
  const mentorContext = await browser.newContext();
  try {
    const tutor = await tutorContext.newPage();
    await createSessionReport(tutor, relay.url, { learner: 'Ida Nash' });
    await editor(tutor, progress).pressSequentially('Agreed text.');
    await completeSessionReport(tutor, 'Ida Nash');
    const mentor = await mentorContext.newPage();
    await mentor.goto(await makeShareLink(tutor, 'mentor'));
    await expect.poll(() => editorText(mentor, progress)).toBe('Agreed text.');

    await mentorContext.setOffline(true);
    await expect(mentor.getByRole('status').filter({ hasText: 'offline' })).toBeVisible({ timeout: 20_000 });
    await editor(mentor, progress).click();
    await mentor.keyboard.press('End');
    await mentor.keyboard.type(' Mentor added this offline.');
    await submitReport(tutor);
    await expect(tutor.getByText('Status: Submitted')).toBeVisible();

    await mentorContext.setOffline(false);
    const kept = mentor.getByRole('region', { name: 'Changes not added to the report' });
    await expect(kept).toBeVisible({ timeout: 20_000 });
    await expect(kept).toContainText(
      'Your changes made while offline could not be added because the report was submitted; they are kept here',
    );
    await expect(kept).toContainText('Agreed text. Mentor added this offline.');
    await expect.poll(() => editorText(mentor, progress)).toBe('Agreed text.');
    await expect(editor(mentor, progress)).toHaveAttribute('contenteditable', 'false');
    expect(await editorText(tutor, progress)).toBe('Agreed text.');
    await expectAccessible(mentor);

    // They stay on the device across a reload until their author removes them.
    await mentor.reload();
    await expect(kept).toContainText('Mentor added this offline.');
    await kept.getByRole('button', { name: 'I have copied what I need: remove these' }).click();
    await expect(kept).toHaveCount(0);
  } finally {
    await tutorContext.close();
    await mentorContext.close();
  }
});
