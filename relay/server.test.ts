import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TestSession } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

/** A stand-in for the built app: index.html, a service worker and one hashed asset. */
function builtApp(): string {
  const appDir = session.folder();
  writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>Margin</title><div id="app"></div>');
  writeFileSync(join(appDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  mkdirSync(join(appDir, 'assets'));
  writeFileSync(join(appDir, 'assets', 'index-3f9a1c.js'), 'console.log("app");');
  return appDir;
}

describe('the relay over HTTP', () => {
  it('answers /healthz with 200 JSON', async () => {
    const relay = await session.relay();
    await session.provider(relay, 'report-1');
    const response = await fetch(`${relay.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({
      ok: true,
      rooms: 1,
      connections: 1,
      uptime: expect.any(Number),
      storage: { engine: 'memory', reachable: true },
      fanOut: { engine: 'none', reachable: true },
    });
  });

  it('serves the built app, and index.html for addresses inside the app', async () => {
    const relay = await session.relay({ appDir: builtApp() });
    for (const path of ['/', '/report/abc', '/report/abc/comments']) {
      const response = await fetch(`${relay.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html;charset=utf-8');
      expect(await response.text()).toContain('<title>Margin</title>');
    }
    const script = await fetch(`${relay.url}/assets/index-3f9a1c.js`);
    expect(await script.text()).toBe('console.log("app");');
  });

  it('lets browsers keep hashed assets for good but checks index.html and sw.js every time', async () => {
    const relay = await session.relay({ appDir: builtApp() });
    const cacheControl = async (path: string) => (await fetch(`${relay.url}${path}`)).headers.get('cache-control');
    expect(await cacheControl('/assets/index-3f9a1c.js')).toBe('public, max-age=31536000, immutable');
    expect(await cacheControl('/')).toBe('no-cache');
    expect(await cacheControl('/index.html')).toBe('no-cache');
    expect(await cacheControl('/report/abc')).toBe('no-cache');
    expect(await cacheControl('/sw.js')).toBe('no-cache');
  });

  it('answers 404, not index.html, for a missing file', async () => {
    const relay = await session.relay({ appDir: builtApp() });
    expect((await fetch(`${relay.url}/assets/gone-123.js`)).status).toBe(404);
  });

  it('explains with a 503 page how to build the app when it is missing, and still syncs', async () => {
    const relay = await session.relay({ appDir: join(session.folder(), 'dist', 'app') });
    const response = await fetch(`${relay.url}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:app');
    await session.provider(relay, 'report-1');
  });

  it('says the sync address is for websockets when fetched as a page', async () => {
    const relay = await session.relay({ appDir: builtApp() });
    expect((await fetch(`${relay.url}/sync/report-1`)).status).toBe(426);
  });

  it('refuses methods other than GET and HEAD for app files', async () => {
    const relay = await session.relay({ appDir: builtApp() });
    expect((await fetch(`${relay.url}/`, { method: 'POST' })).status).toBe(405);
  });
});

describe('the relay’s metrics', () => {
  it('are served in Prometheus’ text format: connections, rooms, messages, bytes and storage size', async () => {
    const relay = await session.relay();
    const writer = await session.provider(relay, 'report-1');
    writer.doc.getText('body').insert(0, 'Counted, not logged.');
    const refused = await session.socket(relay, '/sync/report-1');
    await refused.closed;

    const response = await fetch(`${relay.url}/metrics`);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    const value = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
    expect(text).toContain('# TYPE margin_relay_connections gauge');
    expect(value('margin_relay_connections')).toBe(1);
    expect(value('margin_relay_rooms')).toBe(1);
    expect(value('margin_relay_messages_received_total')).toBeGreaterThan(0);
    expect(value('margin_relay_messages_sent_total')).toBeGreaterThan(0);
    expect(value('margin_relay_bytes_received_total')).toBeGreaterThan(20);
    expect(value('margin_relay_storage_bytes')).toBeGreaterThan(20);
    expect(value('margin_relay_storage_reachable')).toBe(1);
    expect(value('margin_relay_fanout_reachable')).toBe(1);
    expect(text).toMatch(/^margin_relay_connections_closed_total\{code="4402"\} 1$/m);
    expect(text).not.toContain('Counted, not logged');
  });
});
