// A real relay per test worker, serving the built app, for the app's browser tests.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { startRelay, type RunningRelay } from './relay.ts';

export const test = base.extend<{ policyKept: undefined }, { relay: RunningRelay }>({
  // Every page of every test keeps to the app's Content-Security-Policy (relay/headers.ts): Chromium reports each
  // refusal (a script, a connection, a worker, WebAssembly) on the console, and any one fails the test.
  policyKept: [
    async ({ context }, use) => {
      const refused = watchPolicy(context);
      await use(undefined);
      expect(refused, 'the app broke its Content-Security-Policy').toEqual([]);
    },
    { auto: true },
  ],
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

/**
 * Every page of `context` keeps to the app's Content-Security-Policy (relay/headers.ts): Chromium reports each refusal
 * (a script, a connection, a worker, WebAssembly) on the console. The refusals are gathered here, for a test to check
 * is empty; the default context's are checked for every test.
 */
export function watchPolicy(context: BrowserContext): string[] {
  const refused: string[] = [];
  const watch = (message: { text(): string }) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) refused.push(message.text());
  };
  context.on('console', watch);
  context.on('page', (page) => page.on('worker', (worker) => worker.on('console', watch)));
  return refused;
}

/** Axe finds no accessibility violations on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

/**
 * Runs `story` with `count` browser contexts of its own besides the test's (more people, each with their own
 * storage), closes them after, and fails the test if the app broke its Content-Security-Policy in any of them (the
 * test's own context is watched by the fixture above).
 */
export async function withOtherContexts(
  browser: Browser,
  count: number,
  story: (contexts: BrowserContext[]) => Promise<void>,
  options: BrowserContextOptions = {},
): Promise<void> {
  const others = await Promise.all(Array.from({ length: count }, () => browser.newContext(options)));
  const refused = others.map(watchPolicy);
  try {
    await story(others);
  } finally {
    await Promise.all(others.map((each) => each.close()));
  }
  expect(refused.flat(), 'the app broke its Content-Security-Policy').toEqual([]);
}
