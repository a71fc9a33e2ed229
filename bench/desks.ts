// `npm run bench -- desks`: each desk's first page in Chromium with 20,000 reports and 300 members in one
// organisation (issue 14, item 7: within 300 ms of asking). The organisation is seeded straight into a SQLite data
// folder as a relay from before the report directory left it (registrations, content and status rooms, no
// directory rows); the relay is started on it and makes the directory's rows from start-up (timed apart),
// then each desk is opened signed in as the member it is for, several times, from navigation to its first rows
// drawn, with where that time went as the page's own clock saw it (its scripts, who-am-I, the desk's request, the
// first row). Also the desk's request alone, from Node; and the review queue's filter changed in Chromium (a tutor
// chosen, words searched) until the relay's answer is drawn, with those requests alone. Needs dist/app
// (npm run build:app).
import { chromium, type Browser } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { type Decision, recordDecision } from '../shared/doc/status-doc.ts';
import type { MemberRole, OrganisationReportQuery } from '../shared/protocol/organisations.ts';
import { reportListPath } from '../shared/protocol/organisations.ts';
import { reviewsOverviewPath } from '../shared/protocol/overviews.ts';
import { qaObservation } from '../shared/reports/qa-observation/index.ts';
import { roomName } from '../shared/protocol/rooms.ts';
import type { ReportStatus } from '../shared/protocol/statuses.ts';
import { attendance, createSessionReportDoc, createTermlyReviewDoc } from '../shared/reports/index.ts';
import { addDays, localDate } from '../shared/workflow/calendar.ts';
import { appEvaluatedMark } from '../app/src/start-marks.ts';
import { chromiumArgs, chromiumExecutable } from '../e2e/browser.ts';
import { signIn } from '../e2e/app.ts';
import { startRelay } from '../e2e/relay.ts';
import { createOrganisation, invite } from '../relay/organisations/members.ts';
import { sessionCookieName, startSession } from '../relay/organisations/sessions.ts';
import { openSqliteStore } from '../relay/storage/sqlite.ts';
import type { Storage } from '../relay/storage/store.ts';

const totalReports = 20_000;
const termlyReviews = 500;
const tutors = 249;
const reviewers = 20;
const coordinators = 10;
const clients = 10;
/** Two contacts per client: with the administrator, 1 + 249 + 20 + 10 + 20 = 300 members. */
const contactsPerClient = 2;
const runs = 7;

/** A fixed pseudo-random sequence, so every run seeds the same organisation. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface Seeded {
  cookies: Record<'reviewer' | 'coordinator' | 'contact' | 'tutor' | 'admin', string>;
  learner: string;
  members: number;
  /** Two tutors' member ids, for the queue's filter. */
  tutors: [string, string];
}

async function member(store: Storage, organisationId: string, name: string, role: MemberRole, clientId?: string) {
  const invited = await invite(store, { organisationId, name, role, ...(clientId ? { clientId } : {}) });
  if (!invited.ok) throw new Error(invited.problem);
  return invited.value.member.id;
}

/** The decisions a report in `status` has been through, the last at `at`. */
function decisionsTo(status: ReportStatus, at: Date): Decision[] {
  const by = { name: 'Someone', role: 'tutor' as const };
  const step = (action: Decision['action'], from: ReportStatus, to: ReportStatus, minutes: number): Decision => ({
    action,
    from,
    to,
    by,
    at: new Date(at.getTime() - minutes * 60_000).toISOString(),
    contentHash: 'seeded',
  });
  if (status === 'draft') return [];
  if (status === 'submitted') return [step('submit', 'draft', 'submitted', 0)];
  if (status === 'resubmitted')
    return [
      step('submit', 'draft', 'submitted', 3000),
      step('reject', 'submitted', 'rejected', 2000),
      step('resubmit', 'rejected', 'resubmitted', 0),
    ];
  return [step('submit', 'draft', 'submitted', 2000), step('approve', 'submitted', 'approved', 0)];
}

async function seed(store: Storage, today: string): Promise<Seeded> {
  const next = random(11);
  const made = await createOrganisation(store, { name: 'Big Agency', kind: 'agency', administrator: 'Ada Admin' });
  if (!made.ok) throw new Error(made.problem);
  const organisationId = made.value.organisation.id;
  const tutorIds: string[] = [];
  for (let i = 0; i < tutors; i++) tutorIds.push(await member(store, organisationId, `Tutor ${i}`, 'tutor'));
  const reviewerIds: string[] = [];
  for (let i = 0; i < reviewers; i++)
    reviewerIds.push(await member(store, organisationId, `Reviewer ${i}`, 'quality-reviewer'));
  const coordinatorIds: string[] = [];
  for (let i = 0; i < coordinators; i++)
    coordinatorIds.push(await member(store, organisationId, `Coordinator ${i}`, 'coordinator'));
  const contactIds: string[] = [];
  for (let c = 0; c < clients; c++)
    for (let i = 0; i < contactsPerClient; i++)
      contactIds.push(await member(store, organisationId, `Contact ${c}-${i}`, 'client-contact', `client-${c}`));
  const learners = Array.from({ length: 800 }, (_, i) => ({ id: `learner${i}`, name: `Learner ${i}` }));
  const now = new Date();
  for (let i = 0; i < totalReports; i++) {
    const reportId = `bench-${i}`;
    const owner = tutorIds[i % tutors]!;
    const learner = learners[i % learners.length]!;
    const date = addDays(today, -Math.floor(next() * 365));
    const doc = new Y.Doc();
    if (i < termlyReviews)
      createTermlyReviewDoc(doc, { teacherName: `Teacher ${i}`, term: 'autumn', academicYear: 2026 }, 'Tutor');
    else {
      createSessionReportDoc(
        doc,
        { date, start: '16:00', finish: '17:00', subject: 'Maths', learners: [learner] },
        'Tutor',
        new Date(`${date}T12:00:00Z`),
      );
      attendance(doc).set(learner.id, { code: 'Present' });
    }
    const roll = next();
    const status: ReportStatus =
      i < termlyReviews
        ? 'draft'
        : roll < 0.7
          ? 'approved'
          : roll < 0.82
            ? 'submitted'
            : roll < 0.85
              ? 'resubmitted'
              : 'draft';
    await store.addReport({
      reportId,
      organisationId,
      ownerId: owner,
      // Each learner is one client's: their reports are that client's.
      clientId: `client-${(i % learners.length) % clients}`,
      createdAt: new Date(`${date}T10:00:00Z`).toISOString(),
    });
    await store.append(roomName(reportId), Y.encodeStateAsUpdate(doc));
    const decisions = decisionsTo(status, new Date(Math.min(now.getTime(), Date.parse(`${date}T18:00:00Z`))));
    if (decisions.length > 0) {
      const statusDoc = new Y.Doc();
      for (const decision of decisions) recordDecision(statusDoc, decision);
      await store.append(roomName(reportId, 'status'), Y.encodeStateAsUpdate(statusDoc));
    }
  }
  const cookie = (memberId: string) => startSession(store, memberId, 'Chromium');
  return {
    cookies: {
      reviewer: await cookie(reviewerIds[0]!),
      coordinator: await cookie(coordinatorIds[0]!),
      contact: await cookie(contactIds[0]!),
      tutor: await cookie(tutorIds[0]!),
      admin: await cookie(made.value.member.id),
    },
    // Learner 0's reports are client-0's, the first contact's client.
    learner: learners[0]!.name,
    members: 1 + tutors + reviewers + coordinators + clients * contactsPerClient,
    tutors: [tutorIds[1]!, tutorIds[2]!],
  };
}

interface Desk {
  name: string;
  who: keyof Seeded['cookies'];
  path: string;
  /** The desk's first row, once drawn. */
  selector: string;
  /** The desk's one request, for timing it alone. */
  request: string;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;

/**
 * Where a page load's time went, from the page's own clock (ms from navigation): the page and its scripts in, the
 * app's modules evaluated (main.tsx's first line), the who-am-I request (GET /api/session) and the desk's request each
 * from asked to answered, and the first row drawn.
 */
interface Timeline {
  scripts: number;
  evaluated?: number;
  session?: [number, number];
  request?: [number, number];
  drawn: number;
}

// The in-page parts are plain JavaScript text: tsx would wrap functions passed to the page in a helper it lacks.
/** Marks, in the page, when the desk's first row (`selector`, CSS with at most a Playwright `:has-text("...")` at its end) is first in the document. */
const watchFirstRow = (selector: string) => {
  const [, css, text] = /^(.*?)(?::has-text\("(.*)"\))?$/.exec(selector)!;
  return `
  new MutationObserver(() => {
    if (window.firstRowAt !== undefined) return;
    const found = [...document.querySelectorAll(${JSON.stringify(css)})].some((each) =>
      each.textContent.includes(${JSON.stringify(text ?? '')}));
    if (found) window.firstRowAt = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true });`;
};

/** The page's timeline once the row is drawn, `requestPath` the desk's request's path. */
const timelineOf = (requestPath: string) => `(() => {
  const resources = performance.getEntriesByType('resource');
  const span = (path) => {
    const entry = resources.find((each) => new URL(each.name).pathname === path);
    return entry ? [entry.startTime, entry.responseEnd] : undefined;
  };
  const scripts = resources.filter((each) => each.name.endsWith('.js') && each.startTime < 1000);
  return {
    scripts: Math.max(0, ...scripts.map((each) => each.responseEnd)),
    evaluated: performance.getEntriesByName(${JSON.stringify(appEvaluatedMark)}, 'mark')[0]?.startTime,
    session: span('/api/session'),
    request: span(${JSON.stringify(requestPath)}),
    drawn: window.firstRowAt ?? Number.NaN,
  };
})()`;

/** The median of each part of the timelines, as a line. */
function whereTheTimeWent(timelines: Timeline[]): string {
  const at = (pick: (each: Timeline) => number | undefined) => {
    const values = timelines.map(pick).filter((value): value is number => value !== undefined);
    return values.length > 0 ? median(values).toFixed(0) : '-';
  };
  return (
    `scripts in by ${at((each) => each.scripts)}; app evaluated by ${at((each) => each.evaluated)}; who-am-I ${at((each) => each.session?.[0])}-${at((each) => each.session?.[1])}; ` +
    `its request ${at((each) => each.request?.[0])}-${at((each) => each.request?.[1])}; first row ${at((each) => each.drawn)}`
  );
}

async function timeDesk(browser: Browser, base: string, cookie: string, desk: Desk) {
  const context = await browser.newContext();
  await context.addCookies([{ name: sessionCookieName, value: cookie, url: base }]);
  await context.addInitScript({ content: watchFirstRow(desk.selector) });
  const page = await context.newPage();
  try {
    // The device's name, which the app asks for once.
    await signIn(page, base, 'Bench Member');
    // Once to fill the browser's cache with the app, as a member's browser holds it.
    await page.goto(`${base}${desk.path}`);
    await page
      .locator(desk.selector)
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(async () => {
        const shown = (await page.locator('body').innerText()).slice(0, 600);
        throw new Error(`${desk.name} drew no rows; the page said: ${shown}`);
      });
    const drawn: number[] = [];
    const timelines: Timeline[] = [];
    const requestPath = new URL(desk.request, base).pathname;
    for (let run = 0; run < runs; run++) {
      await page.goto('about:blank');
      const started = performance.now();
      await page.goto(`${base}${desk.path}`, { waitUntil: 'commit' });
      await page.locator(desk.selector).first().waitFor({ timeout: 60_000 });
      drawn.push(performance.now() - started);
      timelines.push((await page.evaluate(timelineOf(requestPath))) as Timeline);
    }
    const asked: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const answer = await fetch(`${base}${desk.request}`, { headers: { cookie: `${sessionCookieName}=${cookie}` } });
      await answer.arrayBuffer();
      if (!answer.ok) throw new Error(`${desk.request}: ${answer.status}`);
      asked.push(performance.now() - started);
    }
    return { drawn, asked, where: whereTheTimeWent(timelines) };
  } finally {
    await context.close();
  }
}

/** The review queue's query as the app asks it (app/src/organisation/queue-filter.ts), narrowed by `filter`. */
const queueOf = (filter: OrganisationReportQuery = {}) =>
  reportListPath({
    status: ['submitted', 'resubmitted'],
    notKind: qaObservation.kind,
    order: 'submitted',
    ...filter,
    limit: 50,
    offset: 0,
  });

/**
 * The review queue's filter changed in Chromium: from choosing a tutor (each run the other of two) or typing words
 * until the relay's answer is drawn; and those requests alone, from Node.
 */
async function timeQueueFilter(browser: Browser, base: string, cookie: string, tutors: [string, string]) {
  const context = await browser.newContext();
  await context.addCookies([{ name: sessionCookieName, value: cookie, url: base }]);
  const page = await context.newPage();
  const drawnAfter = async (change: () => Promise<unknown>, asked: (url: string) => boolean) => {
    const started = performance.now();
    const answered = page.waitForResponse((response) => asked(response.url()), { timeout: 60_000 });
    await change();
    await answered;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    return performance.now() - started;
  };
  try {
    await signIn(page, base, 'Bench Member');
    await page.goto(base);
    await page.locator('.to-review li[data-report]').first().waitFor({ timeout: 60_000 });
    const byTutor: number[] = [];
    const bySearch: number[] = [];
    for (let run = 0; run < runs; run++) {
      const tutor = tutors[run % 2]!;
      byTutor.push(
        await drawnAfter(
          () => page.locator('#queue-tutor').selectOption(tutor),
          (url) => url.includes(`tutor=${tutor}`),
        ),
      );
    }
    await page.locator('#queue-tutor').selectOption('');
    const search = page.getByRole('searchbox', { name: 'Search title, tutor or learners' });
    for (let run = 0; run < runs; run++) {
      const words = `Learner ${run + 10}`;
      // The search waits for typing to pause (300 ms) before it asks: timed from the words typed.
      bySearch.push(
        await drawnAfter(
          () => search.fill(words),
          (url) => url.includes(`q=${encodeURIComponent(words)}`),
        ),
      );
    }
    const asked = async (path: string) => {
      const times: number[] = [];
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        const answer = await fetch(`${base}${path}`, { headers: { cookie: `${sessionCookieName}=${cookie}` } });
        await answer.arrayBuffer();
        if (!answer.ok) throw new Error(`${path}: ${answer.status}`);
        times.push(performance.now() - started);
      }
      return median(times);
    };
    return {
      byTutor,
      bySearch,
      withoutChoices: await asked(queueOf()),
      withChoices: await asked(queueOf({ choices: true })),
      tutorAlone: await asked(queueOf({ tutor: tutors[0] })),
      searchAlone: await asked(queueOf({ q: 'Learner 10' })),
      daysAlone: await asked(
        queueOf({
          submittedFrom: new Date(Date.now() - 30 * 86_400_000).toISOString(),
          submittedBefore: new Date().toISOString(),
        }),
      ),
    };
  } finally {
    await context.close();
  }
}

export async function desks(): Promise<string> {
  if (!existsSync('dist/app/index.html')) throw new Error('build the app first: npm run build:app');
  const dataDir = mkdtempSync(join(tmpdir(), 'margin-bench-desks-'));
  let browser: Browser | undefined;
  let relay: Awaited<ReturnType<typeof startRelay>> | undefined;
  try {
    const today = localDate(new Date());
    const store = openSqliteStore(dataDir);
    const seeding = performance.now();
    const seeded = await seed(store, today);
    const seedMs = performance.now() - seeding;
    await store.close();
    const filling = performance.now();
    relay = await startRelay({ dataDir });
    const base = `http://localhost:${relay.port}`;
    // The relay makes every missing directory row (reports from before the directory existed) from start-up; the
    // first desk request waits for its organisation's rows, so this times the fill from the relay's start.
    const first = await fetch(`${base}${reportListPath({ limit: 1 })}`, {
      headers: { cookie: `${sessionCookieName}=${seeded.cookies.coordinator}` },
    });
    if (!first.ok) throw new Error(`the first list: ${first.status} ${await first.text()}`);
    const fillMs = performance.now() - filling;
    const month = today.slice(0, 7);
    // The queue's first request carries what its filter offers (choices), as the app asks it.
    const queue = queueOf({ choices: true });
    const desksToTime: Desk[] = [
      // No desk: the app itself, to the home page's greeting, for what the desks add to it.
      {
        name: 'the app alone (home page greeting)',
        who: 'tutor',
        path: '/',
        selector: 'h1:has-text("Hello, ")',
        request: '/api/session',
      },
      {
        name: 'review queue (quality reviewer)',
        who: 'reviewer',
        path: '/',
        selector: '.to-review li[data-report]',
        request: queue,
      },
      {
        name: 'client portal (client contact)',
        who: 'contact',
        path: '/',
        selector: '.organisation-reports .learner-group li',
        request: reportListPath({ order: 'changed', limit: 50, offset: 0 }),
      },
      {
        name: 'organisation’s reports (coordinator’s home)',
        who: 'coordinator',
        path: '/',
        selector: '.organisation-reports li',
        request: reportListPath({ order: 'changed', limit: 50, offset: 0 }),
      },
      {
        name: 'reviews overview (coordinator)',
        who: 'coordinator',
        path: '/organisation/reviews',
        selector: 'section[aria-labelledby^="group-"] tbody tr',
        request: reviewsOverviewPath(),
      },
      {
        name: `payroll, ${month} (administrator)`,
        who: 'admin',
        path: '/timesheet',
        selector: 'table tbody tr',
        request: `/api/organisation/timesheets?month=${month}`,
      },
      {
        name: 'my timesheet (tutor)',
        who: 'tutor',
        path: '/timesheet',
        selector: 'table tbody tr',
        request: `/api/organisation/timesheets?month=${month}`,
      },
      {
        name: 'learner record (client contact)',
        who: 'contact',
        path: `/learner-record?learner=${encodeURIComponent(seeded.learner)}`,
        selector: 'article.record-report',
        request: `/api/organisation/learners/${encodeURIComponent(seeded.learner)}/record`,
      },
    ];
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
    const lines: string[] = [];
    for (const desk of desksToTime) {
      const { drawn, asked, where } = await timeDesk(browser, base, seeded.cookies[desk.who], desk);
      lines.push(
        `  ${desk.name}: drawn median ${median(drawn).toFixed(0)} ms, p95 ${p95(drawn).toFixed(0)} ms; ` +
          `its request alone median ${median(asked).toFixed(0)} ms\n    in the page (ms from navigation, medians): ${where}`,
      );
    }
    const filtered = await timeQueueFilter(browser, base, seeded.cookies.reviewer, seeded.tutors);
    lines.push(
      `  review queue, a tutor chosen: drawn median ${median(filtered.byTutor).toFixed(0)} ms, p95 ${p95(filtered.byTutor).toFixed(0)} ms; ` +
        `its request alone median ${filtered.tutorAlone.toFixed(0)} ms`,
      `  review queue, words searched: drawn median ${median(filtered.bySearch).toFixed(0)} ms, p95 ${p95(filtered.bySearch).toFixed(0)} ms ` +
        `from the words typed (300 ms of it the pause for typing); its request alone median ${filtered.searchAlone.toFixed(0)} ms`,
      `  review queue, the last 30 days submitted: its request alone median ${filtered.daysAlone.toFixed(0)} ms`,
      `  review queue's first page alone: median ${filtered.withChoices.toFixed(0)} ms with the filter's choices, ` +
        `${filtered.withoutChoices.toFixed(0)} ms without`,
    );
    return [
      `${totalReports.toLocaleString('en-GB')} reports, ${seeded.members} members in one organisation (SQLite), ${runs} runs each, goal 300 ms ` +
        `(seeded in ${(seedMs / 1000).toFixed(1)} s; the directory's missing rows made within ${(fillMs / 1000).toFixed(1)} s; ` +
        `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores, shared)`,
      ...lines,
    ].join('\n');
  } finally {
    await browser?.close();
    await relay?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
