// Makes sure the Firefox browser test (e2e/extension-firefox.spec.ts) has a Firefox that can load the
// extension's Firefox build (140 or later), and says what it did. Order: FIREFOX_PATH; Debian's firefox-esr or
// a firefox on the PATH; on Debian as root (or with password-less sudo), Debian's firefox-esr package. Playwright's
// own Firefox cannot load extensions, so it is no use here.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const have = (path) => !!path && existsSync(path);

export function firefoxExecutable() {
  return [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(have);
}

export function ensureFirefox() {
  const found = firefoxExecutable();
  if (found) return found;
  if (existsSync('/etc/debian_version') && have('/usr/bin/apt-get')) {
    const sudo = process.getuid?.() === 0 ? '' : 'sudo -n ';
    console.log("[margin] No Firefox found for the Firefox browser test: installing Debian's firefox-esr (once).");
    try {
      for (const command of [
        `${sudo}apt-get update -qq`,
        `${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends firefox-esr`,
      ]) {
        console.log(`[margin] $ ${command}`);
        execSync(command, { stdio: 'inherit' });
      }
    } catch (error) {
      console.log(`[margin] apt-get could not install firefox-esr (${error.message}).`);
    }
  }
  const installed = firefoxExecutable();
  if (installed) return installed;
  throw new Error('No Firefox for the Firefox browser test. Install Firefox 140 or later and set FIREFOX_PATH to it.');
}

/** For scripts/test.mjs and `npm run test:e2e`: without a Firefox only its own test fails, saying why. */
export function sayWhichFirefox() {
  try {
    console.log(`[margin] The Firefox browser test uses ${ensureFirefox()}`);
  } catch (error) {
    console.log(`[margin] ${error.message} Only that test will fail.`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) sayWhichFirefox();
