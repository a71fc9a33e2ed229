// A real relay per test worker, serving the built app, for the app's browser tests.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startRelay, type RunningRelay } from './relay.ts';

// biome-ignore lint/complexity/noBannedTypes: Playwright's own way to say "no test-scoped fixtures"
export const test = base.extend<{}, { relay: RunningRelay }>({
  relay: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a function needs from this pattern
    async ({}, use) => {
      const relay = await startRelay();
      await use(relay);
      await relay.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect };

/** Axe finds no accessibility violations on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}
