// How many websockets and IndexedDB databases the built app opens: on the home page with 31 linked reports listed
// (one made through the app, 30 seeded), and on a termly review's page (one report: three rooms). Needs dist/app
// (npm run build:app). The home page should open no socket per report; a report page one per room.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { signIn } from '../e2e/app.ts';
import { chromiumArgs, chromiumExecutable } from '../e2e/browser.ts';
import { connectionsOf, seedLinkedReports, watchConnections, type Connections } from '../e2e/connections.ts';
import { startRelay } from '../e2e/relay.ts';

const settleMs = 3000;
// tsx (esbuild) names functions with a __name helper that the page does not have; Playwright's own runner does not.
const nameHelper = 'globalThis.__name = (fn) => fn;';

function describe(where: string, seen: Connections): string {
  const opened = seen.databases.filter((name) => /^margin-(report|comments|status)-/.test(name));
  return `${where}: ${seen.sockets.length} websockets (${new Set(seen.sockets).size} rooms), ${opened.length} report database opens (${new Set(opened).size} databases)`;
}

export async function reportConnections(): Promise<string> {
  if (!existsSync('dist/app/index.html')) throw new Error('dist/app is missing: run npm run build:app first');
  const relay = await startRelay();
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  try {
    const home = await browser.newPage();
    await home.addInitScript(nameHelper);
    await seedLinkedReports(home, relay.url, 30);
    await home.addInitScript(watchConnections);
    await home.reload();
    await home.getByRole('heading', { name: /^Hello, / }).waitFor();
    await home.waitForTimeout(settleMs);
    const onHome = await connectionsOf(home);

    const tutor = await browser.newPage();
    await tutor.addInitScript(nameHelper);
    await tutor.addInitScript(watchConnections);
    await signIn(tutor, relay.url, 'Tara Tutor');
    await tutor.getByRole('link', { name: 'Progress reviews' }).click();
    await tutor.getByLabel('Teacher’s name').fill('Sam Patel');
    await tutor.getByLabel('Term').selectOption('autumn');
    await tutor.getByRole('button', { name: 'Start the review' }).click();
    await tutor.waitForURL(/\/report\/[A-Za-z0-9_-]+$/);
    await tutor.reload();
    await tutor.locator('#step-count').waitFor();
    await tutor.waitForTimeout(settleMs);
    const onReview = await connectionsOf(tutor);
    return `${describe('home page, 31 reports', onHome)}; ${describe('termly review page', onReview)}`;
  } finally {
    await browser.close();
    await relay.stop();
  }
}
