// `npm test`: every test, unit (vitest) and browser (Playwright), then one line with the totals:
// "N passed, N failed" (CI reads that line to know the tests ran).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureEngines } from './ensure-engines.mjs';
import { sayWhichFirefox } from './ensure-firefox.mjs';

// Not test-results/: Playwright empties that folder when it starts.
const results = '.test-reports';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const started = Date.now();

function run(command, args, env = {}) {
  console.log(`\n[margin] $ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

console.log(`[margin] Browser tests use ${ensureChromium()}`);
sayWhichFirefox();
console.log(`[margin] Relay tests use ${ensureEngines()}`);
const buildStatus = run('npm', ['run', '--silent', 'build']);
if (buildStatus !== 0) {
  console.log('[margin] The build failed, so no tests were run.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// The first page's JavaScript has a budget (scripts/first-page-size.mjs): over it counts as a failed test.
const sizeStatus = run('node', ['scripts/first-page-size.mjs']);

const unitStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}/vitest.json`,
]);
const browserStatus = run('npx', ['playwright', 'test'], {
  MARGIN_BUILT: '1',
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/playwright.json`,
});

const unit = readJson(`${results}/vitest.json`);
const browser = readJson(`${results}/playwright.json`);
const totals = {
  passed: (unit?.numPassedTests ?? 0) + (browser?.stats?.expected ?? 0) + (browser?.stats?.flaky ?? 0),
  failed: (unit?.numFailedTests ?? 0) + (browser?.stats?.unexpected ?? 0),
  skipped: (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (browser?.stats?.skipped ?? 0),
};
// A runner that crashed before writing its report counts as one failure, so the line never hides it.
if (!unit || (unitStatus !== 0 && totals.failed === 0)) totals.failed += 1;
if (!browser || (browserStatus !== 0 && (browser?.stats?.unexpected ?? 0) === 0)) totals.failed += 1;
if (sizeStatus !== 0) totals.failed += 1;

const seconds = Math.round((Date.now() - started) / 1000);
console.log(
  `\n[margin] unit: ${unit?.numPassedTests ?? '?'} passed, ${unit?.numFailedTests ?? '?'} failed; browser: ${browser?.stats?.expected ?? '?'} passed, ${browser?.stats?.flaky ?? 0} passed only on retry (flaky), ${browser?.stats?.unexpected ?? '?'} failed; ${seconds} s`,
);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 && unitStatus === 0 && browserStatus === 0 && sizeStatus === 0 ? 0 : 1);
