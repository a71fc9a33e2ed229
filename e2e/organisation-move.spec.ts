// Reports made before organisations, in real Chromium with a virtual authenticator per person: a tutor's device holds
// a report made and shared before their agency used Margin; once they join and sign in, the home page offers to move
// it into the organisation (never moved unasked), and moving it registers it with its own tutor link, so the relay
// lists it as theirs and the offer is gone.
import { createSessionReport, editor } from './app.ts';
import { expect, expectAccessible, test } from './fixtures.ts';
import {
  invite,
  join,
  personWithPasskeys,
  slow,
  setUpAgency,
  listedReports,
  relayOfTheirOwn,
} from './organisation-people.ts';

const own = relayOfTheirOwn();

test('a report made before signing in is offered to be moved into the organisation, and moved when asked', async ({
  browser,
  context,
}) => {
  test.setTimeout(180_000);
  const tutorContext = await browser.newContext();
  try {
    // Before the agency used Margin: the tutor's report, claimed on the relay with this device's tutor link.
    const { page: tutor } = await personWithPasskeys(tutorContext);
    const reportUrl = await createSessionReport(tutor, own.base, { learner: 'Gus Hale', tutor: 'Tom Tutor' });
    const reportId = new URL(reportUrl).pathname.split('/').pop()!;
    await editor(tutor, 'Comment on progress towards learning objectives').pressSequentially('Dated the Tudors.');
    await expect(tutor.getByRole('status').filter({ hasText: 'shared with the relay' })).toBeVisible(slow);

    const { page: admin } = await personWithPasskeys(context);
    await setUpAgency(admin, own.base, 'Eastside Tutors');
    const link = await invite(admin, own.base, 'Tom Tutor', 'Tutor');
    await join(tutor, link, 'Tom Tutor', 'Eastside Tutors');

    // Home offers the report; nothing has been moved unasked.
    await tutor.goto(own.base);
    const offer = tutor.getByRole('region', { name: '1 report made before you signed in' });
    await expect(offer).toBeVisible(slow);
    await expect(offer.getByRole('listitem')).toHaveCount(1);
    expect(await listedReports(tutor)).toEqual([]);
    await expectAccessible(tutor);

    await offer.getByRole('button', { name: 'Move into Eastside Tutors' }).click();
    await expect(tutor.getByText('1 report moved into Eastside Tutors.')).toBeVisible(slow);
    await expect(offer).toHaveCount(0);
    expect((await listedReports(tutor)).map((report: { id: string }) => report.id)).toEqual([reportId]);
    // Asked again (a reload), the offer stays gone.
    await tutor.reload();
    await expect(tutor.getByRole('heading', { name: 'Hello, Tom Tutor' })).toBeVisible(slow);
    await expect(tutor.getByRole('region', { name: /made before you signed in/ })).toHaveCount(0);
  } finally {
    await tutorContext.close();
  }
});
