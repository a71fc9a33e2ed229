// A store that forgets everything when the process ends: for tests and trying the relay out.
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { erasedLookups, recordErasure, roomsOf } from './erasure.ts';
import { migrateSqlite } from './migrations.ts';
import { sqlDirectoryStore } from './directory.ts';
import { sqlNotificationStore } from './notifications.ts';
import { sqlOrganisationStore } from './organisations.ts';
import { sqliteSql } from './sqlite.ts';
import type { LinkRecord, Storage } from './store.ts';
import { oneAtATime } from './one-at-a-time.ts';

/** `organisationsDb` is where the rows kept in SQL go (below): a test may give its own, to see them or break them. */
export function openMemoryStore(organisationsDb: Database.Database = new Database(':memory:')): Storage {
  const rooms = new Map<string, Uint8Array[]>();
  const claims = new Map<string, { at: string; claimant?: string }>();
  const links = new Map<string, LinkRecord>();
  const revocations = new Map<string, { reportId: string; at: string }>();
  const versions = new Map<string, Uint8Array>();
  const versionKey = (reportId: string, version: number) => `${reportId}\n${version}`;
  // Organisations keep their rules in SQL (organisations.ts): an SQLite database in memory holds them here.
  migrateSqlite(organisationsDb);
  const sql = sqliteSql(organisationsDb);
  // The rows kept in SQL go in one transaction first; the rooms and versions kept in maps go only once it is done.
  const eraseRecords = organisationsDb.transaction((reportIds: readonly string[], at: string) => {
    for (const reportId of reportIds)
      for (const { text, params } of recordErasure(reportId, at)) organisationsDb.prepare(text).run(...params);
  });
  return {
    ...sqlOrganisationStore(sql),
    ...sqlNotificationStore(sql),
    ...sqlDirectoryStore(sql),
    ...erasedLookups(sql),
    engine: 'memory',
    async load(room) {
      return [...(rooms.get(room) ?? [])];
    },
    async append(room, update) {
      const updates = rooms.get(room) ?? [];
      updates.push(update);
      rooms.set(room, updates);
      return updates.length;
    },
    async compact(room) {
      const updates = rooms.get(room);
      if (updates && updates.length > 1) rooms.set(room, [Y.mergeUpdates(updates)]);
    },
    async claim(reportId, at, claimant) {
      const held = claims.get(reportId);
      if (held) return claimant !== undefined && held.claimant === claimant;
      claims.set(reportId, { at, claimant });
      return true;
    },
    async addLink(link) {
      links.set(link.jti, { ...link });
    },
    async links(reportId) {
      return [...links.values()]
        .filter((link) => link.reportId === reportId)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((link) => ({
          ...link,
          ...(revocations.has(link.jti) ? { revokedAt: revocations.get(link.jti)!.at } : {}),
        }));
    },
    async revoke(jti, reportId, at) {
      if (revocations.has(jti)) return false;
      revocations.set(jti, { reportId, at });
      return true;
    },
    async isRevoked(jti) {
      return revocations.has(jti);
    },
    async keepVersion(reportId, version, content) {
      versions.set(versionKey(reportId, version), content.slice());
    },
    async version(reportId, version) {
      return versions.get(versionKey(reportId, version))?.slice();
    },
    async eraseReports(reportIds, at) {
      eraseRecords(reportIds, at);
      const erased = new Set(reportIds);
      for (const room of [...erased].flatMap(roomsOf)) rooms.delete(room);
      for (const [jti, each] of links) if (erased.has(each.reportId)) links.delete(jti);
      for (const [jti, each] of revocations) if (erased.has(each.reportId)) revocations.delete(jti);
      for (const key of versions.keys()) if (erased.has(key.split('\n')[0]!)) versions.delete(key);
    },
    exclusively: oneAtATime(),
    async reachable() {
      return true;
    },
    async size() {
      let bytes = 0;
      rooms.forEach((updates) => updates.forEach((update) => (bytes += update.byteLength)));
      versions.forEach((content) => (bytes += content.byteLength));
      return bytes;
    },
    async close() {
      rooms.clear();
      versions.clear();
      organisationsDb.close();
    },
  };
}
