// The organisation's words in real Chromium, with a virtual authenticator per person: the administrator adds a word
// on the words page (a phrase is refused with a clear message and kept), and a tutor of the organisation, in their own
// browser, finds it accepted by the spelling check, with the names from their other reports, online and offline,
// and handed to the extension with their own words; removed, it is underlined again.
import type { BrowserContext, Page } from '@playwright/test';
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

const progress = 'Comment on progress towards learning objectives';
const spelling = (page: Page) => editor(page, progress).locator('.check-spelling').allTextContents();

/** The words the app hands the extension when it asks (shared/protocol/app-and-extension.ts). */
const handedToExtension = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        document.addEventListener(
          'margin:personal-words',
          (event) => resolve(JSON.parse((event as CustomEvent<string>).detail).words),
          { once: true },
        );
        document.dispatchEvent(new CustomEvent('margin:request-personal-words'));
      }),
  );

/** Registered reports of the signed-in tutor, as the relay lists them. */
const registered = async (page: Page) => (await listedReports(page)).length;

test('the administrator’s words and the names in a member’s reports are accepted by their spelling check, offline too', async ({
  browser,
  context,
}) => {
  test.setTimeout(180_000);
  const tutorContext = await browser.newContext();
  try {
    await story(context, tutorContext);
  } finally {
    await tutorContext.close();
  }
});

async function story(adminContext: BrowserContext, tutorContext: BrowserContext) {
  const organisation = 'Northfield Tutors';
  const { page: admin } = await personWithPasskeys(adminContext);
  await setUpAgency(admin, own.base, organisation);
  const tutorLink = await invite(admin, own.base, 'Tom Tutor', 'Tutor');
  const { page: tutor } = await personWithPasskeys(tutorContext);
  await join(tutor, tutorLink, 'Tom Tutor', organisation);

  // The tutor's first report names Zofia Wróblewska; registered with the organisation, her names come to every
  // report of the tutor's.
  await createSessionReport(tutor, own.base, { learner: 'Zofia Wróblewska', tutor: 'Tom Tutor' });
  await expect.poll(() => registered(tutor), slow).toBe(1);

  // The administrator adds a school's name; a phrase is refused, with the words kept to put right.
  await admin.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Words' }).click();
  await expect(admin.getByRole('heading', { name: `Words of ${organisation}` })).toBeVisible(slow);
  await expect(admin.getByRole('heading', { name: 'No words yet' })).toBeVisible(slow);
  const word = admin.getByLabel('Word', { exact: true });
  await word.fill('Brightwell Academy');
  await admin.getByRole('button', { name: 'Add word' }).click();
  await expect(admin.getByText('Add one word at a time: "Ada Lovelace" is two words.')).toBeVisible();
  await expect(word).toBeFocused();
  await expect(word).toHaveValue('Brightwell Academy');
  await word.fill('Brightwell');
  await admin.getByRole('button', { name: 'Add word' }).click();
  await expect(admin.getByRole('status')).toHaveText('Added “Brightwell”. Everyone’s spelling check accepts it now.');
  await expect(admin.getByRole('heading', { name: '1 word' })).toBeVisible();
  await expect(admin.getByRole('button', { name: 'Remove Brightwell' })).toBeVisible();
  await expectAccessible(admin);

  // The tutor's next report, about someone else, accepts both; a real misspelling is still caught.
  const second = await createSessionReport(tutor, own.base, { learner: 'Ben Ode', tutor: 'Tom Tutor' });
  await expect.poll(() => registered(tutor), slow).toBe(2);
  await editor(tutor, progress).click();
  await tutor.keyboard.type('Zofia and Wróblewska visited Brightwell and recieved praise.');
  await expect.poll(() => spelling(tutor), slow).toEqual(['recieved']);
  expect(await handedToExtension(tutor)).toEqual(expect.arrayContaining(['Brightwell', 'Zofia', 'Wróblewska']));

  // Offline, from the app's service worker: the words kept on the device still count.
  await tutor.evaluate(() => navigator.serviceWorker.ready);
  await tutorContext.setOffline(true);
  const offline = await tutorContext.newPage();
  await offline.goto(second);
  await expect(editor(offline, progress)).toBeVisible(slow);
  await expect.poll(() => spelling(offline), slow).toEqual(['recieved']);
  await offline.close();
  await tutorContext.setOffline(false);

  // Taken off the list, the word is a misspelling again once the tutor's page asks the relay.
  await admin.getByRole('button', { name: 'Remove Brightwell' }).click();
  await expect(admin.getByRole('status')).toHaveText('Removed “Brightwell”.');
  await expect(admin.getByRole('heading', { name: 'No words yet' })).toBeVisible();
  await tutor.reload();
  await expect.poll(() => spelling(tutor), slow).toEqual(['Brightwell', 'recieved']);
}
