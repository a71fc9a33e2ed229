// The storage contract on a real PostgreSQL (a private cluster, relay/test-engines.ts), a fresh database per test;
// and the PostgreSQL side of migrations and of workflow locks taken from two connections, as two relay nodes do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { loadSecret } from '../auth.ts';
import { startPostgres, type TestPostgres } from '../test-engines.ts';
import { describeStorage } from './contract.ts';
import { copySqliteToPostgres } from './copy.ts';
import { postgresMigrations } from './migrations.ts';
import { openPostgresStore } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(() => postgres?.stop());

describeStorage('postgres', async () => openPostgresStore(await postgres.database()));

describe('postgres store', () => {
  it('records its migrations, and opening again applies none twice', async () => {
    const url = await postgres.database();
    await (await openPostgresStore(url)).close();
    const again = await openPostgresStore(url);
    await again.append('report-1', Y.encodeStateAsUpdate(new Y.Doc()));
    await again.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT version, name FROM migrations ORDER BY version');
    await client.end();
    expect(rows).toEqual(postgresMigrations.map(({ version, name }) => ({ version, name })));
  });

  it('numbers appends to one room from two relay nodes one after another', async () => {
    const url = await postgres.database();
    const [one, two] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 40; i++) doc.getText('body').insert(i, 'x');
    const kept = await Promise.all(updates.map((update, i) => (i % 2 ? one : two).append('report-1', update)));
    expect([...kept].sort((a, b) => a - b)).toEqual(updates.map((_, i) => i + 1));
    const loaded = new Y.Doc();
    (await one.load('report-1')).forEach((update) => Y.applyUpdate(loaded, update));
    expect(loaded.getText('body').toString()).toBe('x'.repeat(40));
    await Promise.all([one.close(), two.close()]);
  });

  it('takes one decision on a report at a time across two relay nodes', async () => {
    const url = await postgres.database();
    const [one, two] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    const events: string[] = [];
    const decide = (store: typeof one, name: string) =>
      store.exclusively('report-1', async () => {
        events.push(`${name} starts`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        events.push(`${name} ends`);
      });
    await Promise.all([decide(one, 'one'), decide(two, 'two')]);
    expect(events).toHaveLength(4);
    expect(events[1]).toMatch(/ends$/);
    await Promise.all([one.close(), two.close()]);
  });

  it('keeps one signing secret for every node', async () => {
    const url = await postgres.database();
    const [one, two] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    const [first, second] = await Promise.all([one.keptSecret(), two.keptSecret()]);
    expect(first.byteLength).toBeGreaterThanOrEqual(32);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    await Promise.all([one.close(), two.close()]);
  });

  it('refuses to open with a database that is not there, saying so', async () => {
    const url = postgres.url.replace(/\/postgres$/, '/no_such_database');
    await expect(openPostgresStore(url)).rejects.toThrow(/no_such_database/);
  });
});

describe('copying an SQLite data folder into PostgreSQL', () => {
  it('copies documents, claims, links, revocations and the secret, and refuses a database with data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'margin-copy-'));
    try {
      const secret = loadSecret(dataDir, '');
      const sqlite = openSqliteStore(dataDir);
      const doc = new Y.Doc();
      doc.getText('body').insert(0, 'Kept when moving');
      await sqlite.append('report-1', Y.encodeStateAsUpdate(doc));
      await sqlite.append('report-1/comments', Y.encodeStateAsUpdate(new Y.Doc()));
      await sqlite.claim('report-1', '2030-01-01T10:00:00.000Z');
      const link = {
        jti: 'link-1',
        reportId: 'report-1',
        role: 'reviewer' as const,
        createdAt: '2030-01-01T10:00:00.000Z',
        expiresAt: '2030-02-01T10:00:00.000Z',
      };
      await sqlite.addLink(link);
      await sqlite.revoke('link-1', 'report-1', '2030-01-02T10:00:00.000Z');
      await sqlite.close();

      const url = await postgres.database();
      expect(await copySqliteToPostgres(dataDir, url)).toEqual({
        rooms: 2,
        updates: 2,
        claims: 1,
        links: 1,
        revocations: 1,
        secret: true,
      });
      const store = await openPostgresStore(url);
      const copied = new Y.Doc();
      (await store.load('report-1')).forEach((update) => Y.applyUpdate(copied, update));
      expect(copied.getText('body').toString()).toBe('Kept when moving');
      expect(await store.append('report-1', Y.encodeStateAsUpdate(new Y.Doc()))).toBe(2);
      expect(await store.claim('report-1', '2030-01-03T10:00:00.000Z')).toBe(false);
      expect(await store.links('report-1')).toEqual([{ ...link, revokedAt: '2030-01-02T10:00:00.000Z' }]);
      expect(Buffer.from(await store.keptSecret()).equals(Buffer.from(secret))).toBe(true);
      await store.close();

      await expect(copySqliteToPostgres(dataDir, url)).rejects.toThrow(/holds relay data already/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
