// "Before you submit" and "Never lose work", with the built extension in a real Chromium, on local pages
// shaped like the forms tutors fill in elsewhere: the agency's session report (e2e/pages/agency-report.html,
// a vague objective and a misspelling already in it) and any feedback form (generic-form.html). Each page
// records what its own submit handler was given (window.submissions) and its fields' input events
// (window.inputsSeen), so the tests can tell exactly what the page saw. What pages really send (a form
// sent by script, or by Enter, the agency form's Save with fetch) goes to the test server, which keeps
// each request it receives (sent()), so the tests can tell it arrived once, or not at all.
import { test, expect, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { browser as ExtensionApi } from 'wxt/browser';
import { createSessionReport, completeSessionReport, editor } from './app.ts';
import { chromiumArgs, chromiumExecutable } from './browser.ts';
import { serveEditorFile } from './extension-browser.ts';
import { expectAccessible } from './fixtures.ts';
import { startRelay } from './relay.ts';

const extensionDir = fileURLToPath(new URL('../.output/chrome-mv3', import.meta.url));
const pagesDir = new URL('./pages/', import.meta.url);

let context: BrowserContext;
let pages: Server;
let pagesUrl: string;
/** Every request the pages sent to /sent/<name>, with the page it came from. */
const received: { name: string; from: string; body: string }[] = [];

test.beforeAll(async () => {
  context = await chromium.launchPersistentContext('', {
    executablePath: chromiumExecutable(),
    headless: true,
    args: [...chromiumArgs, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  ({ server: pages, url: pagesUrl } = await serveTestPages());
});

test.afterAll(async () => {
  await context?.close();
  pages?.closeAllConnections();
  await new Promise((resolve) => (pages ? pages.close(resolve) : resolve(undefined)));
});

// Each test opens its pages at an address of its own (kept copies are per address) and closes them at the end.
test.afterEach(async () => {
  for (const page of context.pages()) await page.close();
});

const engagementText = 'Sam stayed on task for the whole session and tried every question.';

test('the agency form: the panel stops the submission, each finding leads to its field, Go back and Escape return to the form', async () => {
  const page = await openTestPage('agency-report.html');
  await typeAndWaitForCopy(page, 'Engagement Comment', engagementText);

  const submit = page.getByRole('button', { name: 'Submit', exact: true });
  await submit.click();
  const panel = page.getByRole('dialog', { name: 'Before you submit' });
  await expect(panel).toBeVisible();
  expect(await submissions(page)).toEqual([]);

  // The vague objective gets the SMART advice (it is known to be the objective), the comment its misspelling.
  await expect(
    panel.getByRole('button', {
      name: /^Learning Objective: “To understand fractions better\.” This objective is not yet SMART/,
    }),
  ).toBeVisible();
  await expect(
    panel.getByRole('button', { name: /^Comment On Progress Towards Learning Objectives: “acheived”/ }),
  ).toBeVisible();
  await expect(panel.getByRole('button').first()).toBeFocused();
  await expectAccessible(page);

  await panel.getByRole('button', { name: /acheived/ }).click();
  await expect(panel).toBeHidden();
  const progress = page.getByLabel('Comment On Progress Towards Learning Objectives');
  await expect(progress).toBeFocused();
  expect(
    await progress.evaluate((field: HTMLTextAreaElement) =>
      field.value.slice(field.selectionStart, field.selectionEnd),
    ),
  ).toBe('acheived');

  await submit.click();
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Go back' }).click();
  await expect(panel).toBeHidden();
  await expect(submit).toBeFocused();

  await submit.press('Enter');
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(submit).toBeFocused();
  expect(await submissions(page)).toEqual([]);
  await expect(page.getByRole('status')).toHaveText('');
});

test('Submit anyway completes the page’s own submission once, with the data unchanged, and the kept copy is cleared', async () => {
  const page = await openTestPage('agency-report.html');
  await typeAndWaitForCopy(page, 'Engagement Comment', engagementText);

  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Before you submit' });
  await panel.getByRole('button', { name: 'Submit anyway' }).click();

  await expect(page.getByRole('status')).toHaveText('Report submitted.');
  await expect(panel).toBeHidden();
  expect(await submissions(page)).toEqual([
    {
      attendance: 'Present',
      learningObjective: 'To understand fractions better.',
      attainment: 'Partly achieved',
      progressComment: 'Sam compared fractions with the same denominator and acheived most of the objective.',
      engagementObjective: 'Attitude to session',
      engagementLevel: 'Good',
      engagementComment: engagementText,
      agencyComment: '',
      action: 'submit',
    },
  ]);
  await expect.poll(() => keptCopies(page)).toEqual({});
});

test('any form: Enter in a text field is a submission too, and the panel works from the keyboard', async () => {
  const page = await openTestPage('generic-form.html');
  await typeAndWaitForCopy(page, 'Comments', 'The learner solved four of the five questions without help.');

  await page.getByLabel('Summary').fill('Worked on fractions and tryed decimals');
  await page.getByLabel('Summary').press('Enter');
  const panel = page.getByRole('dialog', { name: 'Before you submit' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await expect(panel.getByRole('listitem')).toContainText(
    'Summary: “tryed” "tryed" is not in the British English dictionary',
  );
  expect(await submissions(page)).toEqual([]);

  await expect(panel.getByRole('button', { name: /tryed/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Go back' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Submit anyway' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status')).toHaveText('Thank you: feedback sent (1).');
  expect(await submissions(page)).toEqual([
    {
      name: '',
      summary: 'Worked on fractions and tryed decimals',
      comments: 'The learner solved four of the five questions without help.',
    },
  ]);
});

test('a form with nothing to change goes straight through: the page’s handler sees it exactly once, and the kept copy is cleared', async () => {
  const page = await openTestPage('generic-form.html');
  const comments = 'The learner solved four of the five questions without help.';
  await typeAndWaitForCopy(page, 'Comments', comments);
  await page.getByLabel('Your name').fill('Oluwaseun Adebayo');
  await page.getByLabel('Summary').fill('Fractions and decimals');

  await page.getByRole('button', { name: 'Send feedback' }).click();
  await expect(page.getByRole('status')).toHaveText('Thank you: feedback sent (1).');
  expect(await submissions(page)).toEqual([{ name: 'Oluwaseun Adebayo', summary: 'Fractions and decimals', comments }]);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(() => keptCopies(page)).toEqual({});
});

test('text typed before a reload is offered back; Restore writes it through the page’s own input events', async () => {
  const page = await openTestPage('agency-report.html');
  await typeAndWaitForCopy(page, 'Engagement Comment', engagementText);

  await page.reload();
  const field = page.getByLabel('Engagement Comment', { exact: true });
  await expect(field).toHaveValue('');
  const prompt = page.getByRole('group', { name: 'Restore lost text: Engagement Comment' });
  await expect(prompt).toContainText(/^Restore what you typed at \d\d:\d\d\?/);
  await expectAccessible(page);

  // A letter typed before the prompt is noticed, and the page gone again at once: the copy on offer is not replaced.
  await field.focus();
  await page.keyboard.type('x');
  await expect(prompt).toBeVisible();
  await page.reload();
  await expect(field).toHaveValue('');

  await prompt.getByRole('button', { name: 'Restore' }).click();
  await expect(field).toHaveValue(engagementText);
  await expect(prompt).toBeHidden();
  expect(
    await page.evaluate(() => (window as unknown as { inputsSeen: { id: string; value: string }[] }).inputsSeen.at(-1)),
  ).toEqual({ id: 'engagement-comment', value: engagementText });
  await expect(page.getByText(`${engagementText.length}/1024`)).toBeVisible();
});

test('a rich-text field is offered back too, and Restore types into it so the page sees the input', async () => {
  const page = await openTestPage('generic-form.html');
  const notes = 'Try mixed numbers next, starting from halves and quarters.';
  await page.getByRole('textbox', { name: 'Notes for the next session' }).click();
  await page.keyboard.type(notes);
  await expect.poll(async () => Object.values(await keptCopies(page)).map((copy) => copy.text)).toEqual([notes]);

  await page.reload();
  await page
    .getByRole('group', { name: 'Restore lost text: Notes for the next session' })
    .getByRole('button', { name: 'Restore' })
    .click();
  await expect(page.getByRole('textbox', { name: 'Notes for the next session' })).toHaveText(notes);
  expect(
    await page.evaluate(() => (window as unknown as { inputsSeen: { id: string; value: string }[] }).inputsSeen.at(-1)),
  ).toEqual({ id: 'notes', value: notes });
});

test('a CKEditor 5 editor is offered back too, and Restore goes through the editor’s own input, so its model holds the text', async () => {
  const page = await openTestPage('ckeditor.html');
  const notes = 'Try mixed numbers next, starting from halves and quarters.';
  await page.getByRole('textbox', { name: /Notes for the next session/ }).click();
  await page.keyboard.type(notes);
  await expect.poll(async () => Object.values(await keptCopies(page)).map((copy) => copy.text)).toEqual([notes]);

  await page.reload();
  const data = page.getByRole('status', { name: 'Notes for the next session data' });
  await expect(data).toHaveText('');
  await page
    .getByRole('group', { name: /^Restore lost text: .*Notes for the next session/ })
    .getByRole('button', { name: 'Restore' })
    .click();
  await expect(data).toHaveText(`<p>${notes}</p>`);
  await expect(page.getByRole('textbox', { name: /Notes for the next session/ })).toHaveText(notes);
});

test('a field the page adds after loading is kept and offered back too', async () => {
  const page = await openTestPage('generic-form.html');
  await page.getByRole('button', { name: 'Add a note for the school' }).click();
  await typeAndWaitForCopy(page, 'Note for the school', 'Sam would benefit from a quiet room.');

  await page.reload();
  await page.getByRole('button', { name: 'Add a note for the school' }).click();
  await page
    .getByRole('group', { name: 'Restore lost text: Note for the school' })
    .getByRole('button', { name: 'Restore' })
    .click();
  await expect(page.getByLabel('Note for the school', { exact: true })).toHaveValue(
    'Sam would benefit from a quiet room.',
  );
});

test('text typed just before the page goes is kept too, and Forget forgets it', async () => {
  const page = await openTestPage('generic-form.html');
  // A short one-line input is quick to type again and is not kept; the comments box is.
  await page.getByLabel('Summary').fill('Fractions');
  await typeAndWaitForCopy(page, 'Comments', 'First draft.');
  expect(Object.keys(await keptCopies(page))).toEqual([expect.stringMatching(/ comments$/)]);
  // Typed and gone at once: the copy is written when the page hides, before the half-second pause is up.
  await page.getByLabel('Comments', { exact: true }).pressSequentially(' Second thoughts.');
  await page.reload();

  const prompt = page.getByRole('group', { name: 'Restore lost text: Comments' });
  await expect(prompt).toBeVisible();
  await expect
    .poll(async () => Object.values(await keptCopies(page)).map((copy) => copy.text))
    .toEqual(['First draft. Second thoughts.']);
  await prompt.getByRole('button', { name: 'Forget' }).click();
  await expect(prompt).toBeHidden();
  await expect(page.getByLabel('Comments', { exact: true })).toBeFocused();
  await expect.poll(() => keptCopies(page)).toEqual({});
  expect(await page.getByLabel('Comments', { exact: true }).inputValue()).toBe('');
});

test("Margin's own report: the panel comes before the app's Submit, and Submit anyway hands the click to the app", async () => {
  const relay = await startRelay();
  try {
    const page = await context.newPage();
    await createSessionReport(page, relay.url, { learner: 'Ada Lovelace' });
    await completeSessionReport(page, 'Ada Lovelace');
    await editor(page, 'Comment on progress towards learning objectives').click();
    await page.keyboard.insertText('Ada put the events on the timeline and acheived objective 1.');

    await page.getByRole('button', { name: 'Submit report' }).click();
    const panel = page.getByRole('dialog', { name: 'Before you submit' });
    await expect(panel.getByRole('button', { name: /acheived/ })).toContainText(
      'Comment on progress towards learning objectives:',
    );
    await expect(page.getByText('Status: Submitted')).toHaveCount(0);
    await expectAccessible(page);

    await panel.getByRole('button', { name: 'Submit anyway' }).click();
    // The app's own check lists the same misspelling and asks once more before submitting past it.
    await page
      .getByRole('region', { name: 'Nothing stops you submitting; 1 writing warning' })
      .getByRole('button', { name: 'Submit with 1 warning' })
      .click();
    await expect(page.getByText('Status: Submitted')).toBeVisible();
  } finally {
    await relay.stop();
  }
});

test('a form the page’s script sends with form.submit(): the panel comes first; Go back sends nothing, Submit anyway sends it once', async () => {
  const page = await openTestPage('sent-by-script.html');
  await typeAndWaitForCopy(page, 'Lesson note', 'Ada tryed the long division on her own.');

  const send = page.getByRole('button', { name: 'Send note' });
  await send.click();
  const panel = page.getByRole('dialog', { name: 'Before you submit' });
  await expect(panel.getByRole('button', { name: /^Lesson note: “tryed”/ })).toBeVisible();
  await panel.getByRole('button', { name: 'Go back' }).click();
  await expect(panel).toBeHidden();
  await expect(send).toBeFocused();

  await send.click();
  await panel.getByRole('button', { name: 'Submit anyway' }).click();
  await expect(page.getByRole('status')).toHaveText('Sent.');
  // Go back sent nothing, and Submit anyway sent the note once, as the page gave it.
  expect(sent('by-script')).toEqual(['note=Ada+tryed+the+long+division+on+her+own.']);
});

test('a form the page’s script sends with requestSubmit() gets the panel too, and is sent once', async () => {
  const page = await openTestPage('sent-by-script.html');
  await typeAndWaitForCopy(page, 'Plan for next time', 'Practise the tables she has not lerned yet.');

  const send = page.getByRole('button', { name: 'Send plan' });
  await send.click();
  const panel = page.getByRole('dialog', { name: 'Before you submit' });
  await expect(panel.getByRole('button', { name: /^Plan for next time: “lerned”/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(send).toBeFocused();

  await send.click();
  await panel.getByRole('button', { name: 'Submit anyway' }).click();
  await expect(page.getByRole('status')).toHaveText('Sent.');
  expect(sent('request-submit')).toEqual(['plan=Practise+the+tables+she+has+not+lerned+yet.']);
});

test('Enter in a form’s one single-line field, with no submit button, gets the panel, and is sent once', async () => {
  const page = await openTestPage('sent-by-script.html');
  // A kept copy of the larger field shows the content script is watching the page.
  await typeAndWaitForCopy(page, 'Lesson note', 'A short lesson today.');

  const quick = page.getByLabel('Quick note');
  await quick.fill('Bring the protractor next tiem');
  await quick.press('Enter');
  const panel = page.getByRole('dialog', { name: 'Before you submit' });
  await expect(panel.getByRole('button', { name: /^Quick note: “tiem”/ })).toBeVisible();
  await panel.getByRole('button', { name: 'Go back' }).click();
  await expect(panel).toBeHidden();
  // Back in the field Enter was pressed in.
  await expect(quick).toBeFocused();

  await quick.press('Enter');
  await panel.getByRole('button', { name: 'Submit anyway' }).click();
  await expect(page.getByRole('status')).toHaveText('Sent.');
  expect(sent('enter')).toEqual(['quick=Bring+the+protractor+next+tiem']);
  expect(sent('by-script')).toEqual([]);
});

test('a page that checks with its server on submit and then sends with form.submit() finishes what Submit anyway let go, with no second panel', async () => {
  const page = await openTestPage('sent-by-script.html');
  await typeAndWaitForCopy(page, 'Homework set', 'Finish the worksheet on equivelent fractions.');

  await page.getByRole('button', { name: 'Send homework' }).click();
  const panel = page.getByRole('dialog', { name: 'Before you submit' });
  await expect(panel.getByRole('button', { name: /^Homework set: “equivelent”/ })).toBeVisible();
  await panel.getByRole('button', { name: 'Submit anyway' }).click();

  // The page's own submit handler ran once (one check with its server) and its form.submit() went straight on.
  await expect(page.getByRole('status')).toHaveText('Sent.');
  expect(sent('homework-check')).toHaveLength(1);
  expect(sent('homework')).toEqual(['homework=Finish+the+worksheet+on+equivelent+fractions.']);
});

test('the agency form’s Save, which sends with fetch: the panel comes first; Go back sends nothing, Submit anyway saves once', async () => {
  const page = await openTestPage('agency-report.html');
  await typeAndWaitForCopy(page, 'Engagement Comment', engagementText);

  const save = page.getByRole('button', { name: 'Save', exact: true });
  await save.click();
  const panel = page.getByRole('dialog', { name: 'Before you submit' });
  await expect(panel.getByRole('button', { name: /acheived/ })).toBeVisible();
  await panel.getByRole('button', { name: 'Go back' }).click();
  await expect(panel).toBeHidden();
  await expect(save).toBeFocused();

  await save.click();
  await panel.getByRole('button', { name: 'Submit anyway' }).click();
  await expect(page.getByRole('status')).toHaveText('Report saved.');
  expect(sent('saved')).toHaveLength(1);
  expect(new URLSearchParams(sent('saved')[0]).get('engagementComment')).toBe(engagementText);
  // Saved, not submitted: the form's own submit handler never ran.
  expect(await submissions(page)).toEqual([]);
});

/** Opens one of e2e/pages/ at an address only this test uses. */
async function openTestPage(name: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${pagesUrl}/${name}?test=${test.info().testId}`);
  return page;
}

/** Types into the labelled field and waits until the extension has kept a copy: proof that its content script is watching the page. */
async function typeAndWaitForCopy(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.keyboard.type(text);
  await expect.poll(async () => Object.values(await keptCopies(page)).map((copy) => copy.text)).toContain(text);
}

function submissions(page: Page): Promise<Record<string, string>[]> {
  return page.evaluate(() => (window as unknown as { submissions: Record<string, string>[] }).submissions);
}

/** Every copy the extension keeps for the page's address, by storage key. */
async function keptCopies(page: Page): Promise<Record<string, { text: string }>> {
  const url = new URL(page.url());
  const prefix = `draft:${url.origin}${url.pathname}${url.search} `;
  return (await backgroundWorker()).evaluate(async (prefix) => {
    const all = await (globalThis as unknown as { chrome: typeof ExtensionApi }).chrome.storage.local.get(null);
    return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith(prefix))) as Record<
      string,
      { text: string }
    >;
  }, prefix);
}

async function backgroundWorker(): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** What the page open in this test sent to /sent/<name>, in the order it arrived. */
function sent(name: string): string[] {
  const from = `test=${test.info().testId}`;
  return received.filter((request) => request.name === name && request.from.includes(from)).map(({ body }) => body);
}

/**
 * Serves e2e/pages/ on a free loopback port (the content script runs on 127.0.0.1 and localhost, any port),
 * and keeps what is posted to /sent/<name>, answering with a page that says it was sent.
 */
async function serveTestPages(): Promise<{ server: Server; url: string }> {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const sentTo = /^\/sent\/([\w-]+)$/.exec(path);
    if (sentTo && request.method === 'POST') {
      let body = '';
      for await (const chunk of request) body += chunk;
      received.push({ name: sentTo[1]!, from: request.headers.referer ?? '', body });
      return void response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><html lang="en-GB"><title>Sent</title><p role="status">Sent.</p></html>');
    }
    const name = path.slice(1);
    if (await serveEditorFile(name, response)) return;
    if (!/^[\w-]+\.html$/.test(name)) return void response.writeHead(404).end();
    try {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(await readFile(new URL(name, pagesDir)));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
