import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describeDocumentStore } from './contract.ts';
import { openSqliteStore } from './sqlite.ts';

const folders: string[] = [];
function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'margin-sqlite-'));
  folders.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describeDocumentStore('sqlite', async () => openSqliteStore(newDataDir()));

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
