// Builds the app and the extension once before the browser tests, unless the caller
// (scripts/test.mjs) already did and says so with MARGIN_BUILT=1.
import { execSync } from 'node:child_process';

export default function globalSetup() {
  if (process.env.MARGIN_BUILT === '1') return;
  execSync('npm run --silent build', { stdio: 'inherit' });
}
