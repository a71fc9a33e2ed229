// Makes sure the browser tests have a Chromium, and says what it did.
// Order: CHROMIUM_PATH or Debian's /usr/bin/chromium; Playwright's own browser if already downloaded;
// on Debian as root, Debian's chromium package (browser downloads are not possible everywhere);
// otherwise Playwright's own download.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const have = (path) => !!path && existsSync(path);

/** Where Playwright's own Chromium is (or would be) on this machine. */
function playwrightChromium() {
  try {
    return createRequire(import.meta.url)('@playwright/test').chromium.executablePath();
  } catch {
    return undefined;
  }
}

function run(command) {
  console.log(`[margin] $ ${command}`);
  execSync(command, { stdio: 'inherit' });
}

export function ensureChromium() {
  for (const path of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (have(path)) return path;
  }
  const own = playwrightChromium();
  if (have(own)) return own;

  const isDebian = existsSync('/etc/debian_version') && have('/usr/bin/apt-get');
  const isRoot = process.getuid?.() === 0;
  if (isDebian) {
    const sudo = isRoot ? '' : 'sudo -n ';
    console.log(
      "[margin] No Chromium found for the browser tests: installing Debian's chromium package (about 30 s, once).",
    );
    try {
      run(`${sudo}apt-get update -qq`);
      run(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`);
      if (have('/usr/bin/chromium')) return '/usr/bin/chromium';
    } catch (error) {
      console.log(`[margin] apt-get could not install chromium (${error.message}); trying Playwright's own download.`);
    }
  }
  console.log(
    "[margin] No Chromium found for the browser tests: downloading Playwright's own (npx playwright install chromium).",
  );
  run('npx playwright install chromium');
  const downloaded = playwrightChromium();
  if (have(downloaded)) return downloaded;
  throw new Error('No Chromium for the browser tests. Install Chromium and set CHROMIUM_PATH to it.');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`[margin] Browser tests use ${ensureChromium()}`);
}
