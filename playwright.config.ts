import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './e2e/browser.ts';

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  // One retry, reported: scripts/test.mjs prints how many passed only on the second try, so a flaky test is seen, not hidden.
  retries: 1,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  use: {
    headless: true,
    launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs },
    trace: 'retain-on-failure',
  },
});
