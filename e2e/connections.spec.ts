// How many connections the app opens: the home page lists many linked reports without a websocket per report
// (one request to the relay counts their new comments), and a report's page opens each of its three rooms once,
// the termly review's (which uses its comments and status rooms too) included.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addThread } from '../shared/doc/comments.ts';
import { makeShareLink } from './access-links.ts';
import { connectionsOf, seedLinkedReports, watchConnections } from './connections.ts';
import { expect, test } from './fixtures.ts';

/** A reviewer's comment written with their link from a plain y-websocket client, as another device would. */
async function commentAsReviewer(port: number, link: string, text: string): Promise<void> {
  const url = new URL(link);
  const reportId = url.pathname.split('/').pop()!;
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, `${reportId}/comments`, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token: url.hash.replace('#token=', '') },
  });
  try {
    await expect.poll(() => provider.synced).toBe(true);
    const anchor = { start: {}, end: {} };
    const added = addThread(doc, {
      field: 'progressComment',
      anchor,
      quote: '',
      text,
      author: { id: 'reviewer-device', name: 'Rita Reviewer', role: 'reviewer' },
    });
    expect(added.ok).toBe(true);
    // Synced again once the relay has taken the change: y-websocket has no acknowledgement, so wait for a round trip.
    await expect.poll(() => provider.wsconnected && provider.ws?.bufferedAmount === 0).toBe(true);
  } finally {
    setTimeout(() => provider.destroy(), 500);
  }
}

test('the home page with 31 linked reports opens no websocket, and still shows a new comment on a listed report', async ({
  page,
  relay,
}) => {
  test.setTimeout(120_000);
  const [first] = await seedLinkedReports(page, relay.url, 30);
  await page.goto(`${relay.url}/report/${first}`);
  const link = await makeShareLink(page, 'reviewer');
  await page.addInitScript(watchConnections);
  let summaries = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/comment-summaries')) summaries++;
  });
  await page.goto(relay.url);
  await expect(page.locator('[data-group="today"] li')).toHaveCount(31);
  await expect.poll(() => summaries).toBeGreaterThan(0);
  const entry = page.locator(`[data-group="today"] a[href="/report/${first}"]`);
  await expect(entry).not.toContainText('new comment');

  await commentAsReviewer(relay.port, link, 'Say how you checked.');
  await expect(entry).toContainText('1 new comment');
  const seen = await connectionsOf(page);
  expect(seen.sockets).toEqual([]);
  // Counted from the relay's answer, not from each report's copy on this device.
  expect(seen.databases.filter((name) => name.startsWith('margin-comments-'))).toEqual([]);
});

test('a termly review’s page opens its three rooms once each', async ({ page, relay }) => {
  await page.addInitScript(watchConnections);
  await page.goto(relay.url);
  await page.getByLabel('Your name').fill('Tara Tutor');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('link', { name: 'Progress reviews' }).click();
  await page.getByLabel('Teacher’s name').fill('Sam Patel');
  await page.getByLabel('Term').selectOption('autumn');
  await page.getByRole('button', { name: 'Start the review' }).click();
  await page.waitForURL(/\/report\/[A-Za-z0-9_-]+$/);
  const reportId = page.url().split('/').pop()!;
  await page.reload();
  await expect(page.locator('#step-count')).toHaveText('Step 1 of 6');
  await expect.poll(async () => (await connectionsOf(page)).sockets.length).toBe(3);
  // Still three a moment later: no part of the page opens a room of its own.
  await page.waitForTimeout(1000);
  const seen = await connectionsOf(page);
  expect(seen.sockets.sort()).toEqual(
    [reportId, `${reportId}/comments`, `${reportId}/status`]
      .map((room) => `${new URL(relay.url).origin.replace('http', 'ws')}/sync/${room}`)
      .sort(),
  );
  expect(seen.databases.filter((name) => /^margin-(comments|status)-/.test(name)).sort()).toEqual([
    `margin-comments-${reportId}`,
    `margin-status-${reportId}`,
  ]);
});
