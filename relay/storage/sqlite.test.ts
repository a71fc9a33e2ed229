import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import { describeStorage, refuseErasureOf } from './contract.ts';
import { migrateSqlite, sqliteMigrations } from './migrations.ts';
import { databaseFileName, openSqliteStore } from './sqlite.ts';

const folders: string[] = [];
function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'margin-sqlite-'));
  folders.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describeStorage(
  'sqlite',
  async () => openSqliteStore(newDataDir()),
  async (reportId) => {
    const dataDir = newDataDir();
    const store = openSqliteStore(dataDir);
    // A second connection to the same file, as another process would be.
    const other = new Database(join(dataDir, databaseFileName));
    other.exec(refuseErasureOf.sqlite(reportId));
    other.close();
    return store;
  },
);

describe('sqlite document store on disk', () => {
  it('keeps updates after it is closed and opened again', async () => {
    const dataDir = newDataDir();
    const doc = new Y.Doc();
    doc.getText('body').insert(0, 'Kept across a restart');
    const first = openSqliteStore(dataDir);
    await first.append('report-1', Y.encodeStateAsUpdate(doc));
    await first.close();

    const second = openSqliteStore(dataDir);
    const reloaded = new Y.Doc();
    for (const update of await second.load('report-1')) Y.applyUpdate(reloaded, update);
    await second.close();
    expect(reloaded.getText('body').toString()).toBe('Kept across a restart');
  });

  it('copies its write-ahead log into the database file in the background, while it is open', async () => {
    const dataDir = newDataDir();
    const file = join(dataDir, databaseFileName);
    const store = openSqliteStore(dataDir, 'normal', { checkpointEveryMs: 20 });
    const before = statSync(file).size;
    // About 400 pages: SQLite checkpoints by itself only past 1,000, so only the worker can copy these.
    for (let i = 0; i < 400; i++) await store.append('report-1', new Uint8Array(4000).fill(i % 256));
    const deadline = Date.now() + 10_000;
    while (statSync(file).size <= before + 400 * 4000 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(statSync(file).size).toBeGreaterThan(before + 400 * 4000);

    // The log starts again from its beginning, so it stays about one interval's writes long.
    const walAfterFirst = statSync(`${file}-wal`).size;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 400; i++) await store.append('report-2', new Uint8Array(4000).fill(1));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(walAfterFirst * 2);
    expect(await store.load('report-2')).toHaveLength(1200);
    await store.close();

    const again = openSqliteStore(dataDir);
    expect(await again.load('report-1')).toHaveLength(400);
    await again.close();
  });

  it('creates its data folder when it is missing', async () => {
    const store = openSqliteStore(join(newDataDir(), 'not', 'there', 'yet'));
    expect(await store.append('report-1', Y.encodeStateAsUpdate(new Y.Doc()))).toBe(1);
    await store.close();
  });
});

describe('sqlite access records on disk', () => {
  it('keeps claims, links and revocations after it is closed and opened again', async () => {
    const dataDir = newDataDir();
    const first = openSqliteStore(dataDir);
    await first.claim('report-1', '2030-01-01T10:00:00.000Z');
    await first.addLink({
      jti: 'link-1',
      reportId: 'report-1',
      role: 'client',
      createdAt: '2030-01-01T10:00:00.000Z',
      expiresAt: '2030-02-01T10:00:00.000Z',
    });
    await first.revoke('link-1', 'report-1', '2030-01-02T10:00:00.000Z');
    await first.close();

    const second = openSqliteStore(dataDir);
    expect(await second.claim('report-1', '2030-01-03T10:00:00.000Z')).toBe(false);
    expect(await second.isRevoked('link-1')).toBe(true);
    expect((await second.links('report-1')).map((link) => link.revokedAt)).toEqual(['2030-01-02T10:00:00.000Z']);
    await second.close();
  });
});

describe('sqlite migrations', () => {
  it('opens a data folder made before migrations existed as it was, and records it at migration 1', async () => {
    const dataDir = newDataDir();
    // The schema and rows as the relay wrote them before it had a migrations table.
    const old = new Database(join(dataDir, databaseFileName));
    old.exec(`CREATE TABLE updates (room TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (room, seq));
      CREATE TABLE claims (report_id TEXT PRIMARY KEY, claimed_at TEXT NOT NULL);
      CREATE TABLE links (jti TEXT PRIMARY KEY, report_id TEXT NOT NULL, role TEXT NOT NULL, created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL);
      CREATE INDEX links_by_report ON links (report_id, created_at);
      CREATE TABLE revocations (jti TEXT PRIMARY KEY, report_id TEXT NOT NULL, revoked_at TEXT NOT NULL);`);
    const doc = new Y.Doc();
    doc.getText('body').insert(0, 'Written before migrations');
    old.prepare('INSERT INTO updates (room, seq, data) VALUES (?, 1, ?)').run('report-1', Y.encodeStateAsUpdate(doc));
    old.prepare("INSERT INTO revocations VALUES ('link-1', 'report-1', '2030-01-01T10:00:00.000Z')").run();
    old.close();

    const store = openSqliteStore(dataDir);
    const reloaded = new Y.Doc();
    (await store.load('report-1')).forEach((update) => Y.applyUpdate(reloaded, update));
    expect(reloaded.getText('body').toString()).toBe('Written before migrations');
    expect(await store.isRevoked('link-1')).toBe(true);
    expect(await store.append('report-1', Y.encodeStateAsUpdate(new Y.Doc()))).toBe(2);
    await store.close();

    const check = new Database(join(dataDir, databaseFileName), { readonly: true });
    expect(check.prepare('SELECT version, name FROM migrations').all()).toEqual(
      sqliteMigrations.map(({ version, name }) => ({ version, name })),
    );
    check.close();
  });

  it('takes versions that rise with a gap (a number another branch takes), never ones out of order', () => {
    const db = new Database(':memory:');
    const table = (name: string) => `CREATE TABLE ${name} (x INTEGER)`;
    expect(() =>
      migrateSqlite(db, [
        { version: 2, name: 'b', sql: table('b') },
        { version: 1, name: 'a', sql: table('a') },
      ]),
    ).toThrow('migration 1 is out of order');
    expect(() =>
      migrateSqlite(db, [
        { version: 1, name: 'a', sql: table('a') },
        { version: 1, name: 'again', sql: table('again') },
      ]),
    ).toThrow('migration 1 is out of order');
    expect(
      migrateSqlite(db, [
        { version: 1, name: 'a', sql: table('a') },
        { version: 3, name: 'c', sql: table('c') },
      ]),
    ).toBe(3);
    // The missing number, merged later, is applied then.
    expect(
      migrateSqlite(db, [
        { version: 1, name: 'a', sql: table('a') },
        { version: 2, name: 'b', sql: table('b') },
        { version: 3, name: 'c', sql: table('c') },
      ]),
    ).toBe(3);
    expect(db.prepare('SELECT version FROM migrations ORDER BY version').all()).toEqual([
      { version: 1 },
      { version: 2 },
      { version: 3 },
    ]);
    db.close();
  });

  it('rolls a migration that fails back whole, and says which', async () => {
    const dataDir = newDataDir();
    const db = new Database(join(dataDir, databaseFileName));
    const broken = [
      ...sqliteMigrations,
      {
        version: sqliteMigrations.at(-1)!.version + 1,
        name: 'half done',
        sql: 'CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);',
      },
    ];
    expect(() => migrateSqlite(db, broken)).toThrow(/nowhere/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('half', 'migrations')").all()).toEqual([]);
    db.close();
  });
});
