// Counting the connections a page opens (websockets, IndexedDB databases) and seeding many linked reports on
// the home page, for the connection checks (e2e/connections.spec.ts) and their benchmark (bench/report-connections.ts).
import { expect, type Page } from '@playwright/test';
import { createSessionReport } from './app.ts';

/** Installed before the page's own scripts: records every websocket made and every IndexedDB database opened. */
export const watchConnections = () => {
  const seen = { sockets: [] as string[], databases: [] as string[] };
  (globalThis as unknown as { __connections: typeof seen }).__connections = seen;
  const Native = globalThis.WebSocket;
  globalThis.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      seen.sockets.push(String(url));
    }
  };
  const open = indexedDB.open.bind(indexedDB);
  indexedDB.open = (name: string, version?: number) => {
    seen.databases.push(name);
    return open(name, version);
  };
};

export interface Connections {
  /** The websocket URLs without their tokens. */
  sockets: string[];
  /** Every IndexedDB database opened, once per time it was opened. */
  databases: string[];
}

export async function connectionsOf(page: Page): Promise<Connections> {
  const seen = await page.evaluate(() => (globalThis as unknown as { __connections: Connections }).__connections);
  return {
    sockets: seen.sockets.map((url) => url.replace(/\?.*$/, '')),
    databases: seen.databases,
  };
}

/**
 * Signs in and makes one session report through the app (so the device's databases exist), then adds `count`
 * more reports for today: each claimed on the relay (the device keeps its tutor link) and indexed on the device,
 * as the app would have done. Returns every report's id.
 */
export async function seedLinkedReports(page: Page, baseUrl: string, count: number): Promise<string[]> {
  const first = (await createSessionReport(page, baseUrl)).split('/').pop()!;
  // The report claims itself on the relay as it opens; leaving before the claim's answer is kept would lose the link.
  await expect(page.getByRole('status').filter({ hasText: 'shared with the relay' })).toBeVisible();
  await page.goto(baseUrl);
  await expect(page.getByRole('heading', { name: /^Hello, / })).toBeVisible();
  const ids = Array.from({ length: count }, (_, i) => `many${i}x${Date.now().toString(36)}`);
  await page.evaluate(async (ids) => {
    const openDb = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const put = (db: IDBDatabase, rows: Record<string, unknown[]>) =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction(Object.keys(rows), 'readwrite');
        for (const [store, values] of Object.entries(rows))
          for (const value of values) tx.objectStore(store).put(value);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const links = [];
    for (const id of ids) {
      const response = await fetch('/api/reports', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id }),
      });
      if (!response.ok) throw new Error(`claim ${id}: ${response.status} ${await response.text()}`);
      const grant = await response.json();
      links.push({ reportId: id, ...grant, source: 'claimed', receivedAt: now.toISOString() });
    }
    const access = await openDb('margin-access');
    await put(access, { links });
    access.close();
    const margin = await openDb('margin');
    await put(margin, {
      sessions: ids.map((id, i) => ({
        id,
        learnerIds: [],
        date: today,
        start: `${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`,
        finish: '18:00',
        subject: 'Maths',
        subjectKey: 'maths',
        reportId: id,
      })),
      reports: ids.map((id) => ({
        id,
        type: 'session-report',
        title: `Session report ${id}`,
        learnerIds: [],
        learnerNames: [],
        sessionDate: today,
        status: 'draft',
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })),
    });
    margin.close();
  }, ids);
  return [first, ...ids];
}
