// The relay's durable store: one SQLite file in the data folder, its schema made by numbered migrations
// (migrations.ts). Documents are a table of updates keyed by room and sequence; access is three small tables
// (claims, links, revocations) that compaction never touches.
// WAL with synchronous=NORMAL by default: a write is in the database's log file, handed to the operating system,
// when it resolves, so an update is saved before anyone else sees it and survives the relay crashing or being
// killed (relay/durability.test.ts kills it with SIGKILL). A power cut can lose the last moments of writes; the
// devices that made or received those updates still hold them and send them again when they reconnect (Yjs sync
// exchanges what each side lacks). FULL (SQLITE_SYNCHRONOUS=full) also waits for the disk (fsync) on every save:
// it survives a power cut on its own, and puts the disk's slowest moments into every reader's latency
// (bench/relay-load.ts prints both). The log is copied into the database file by a worker thread
// (checkpoints.ts), so that copying and its wait for the disk are never inside an append.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { Role } from '../../shared/protocol/roles.ts';
import { backgroundCheckpoints } from './checkpoints.ts';
import { documentErasure, erasedLookups, recordErasure } from './erasure.ts';
import { migrateSqlite } from './migrations.ts';
import { oneAtATime } from './one-at-a-time.ts';
import { sqlDirectoryStore } from './directory.ts';
import { sqlNotificationStore } from './notifications.ts';
import { type Sql, sqlOrganisationStore } from './organisations.ts';
import type { Storage } from './store.ts';

export const databaseFileName = 'margin.sqlite';

interface UpdateRow {
  seq: number;
  data: Buffer;
}

interface LinkRow {
  jti: string;
  report_id: string;
  role: Role;
  created_at: string;
  expires_at: string;
  made_by: string | null;
  name: string | null;
  revoked_at: string | null;
}

export type Synchronous = 'full' | 'normal';

export function openSqliteStore(
  dataDir: string,
  synchronous: Synchronous = 'normal',
  options: { checkpointEveryMs?: number } = {},
): Storage {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, databaseFileName);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const level = synchronous === 'normal' ? 'NORMAL' : 'FULL';
  db.pragma(`synchronous = ${level}`);
  // Another process (`npm run token`) may write links while the relay runs: wait for its lock, briefly.
  db.pragma('busy_timeout = 5000');
  migrateSqlite(db);
  // Started by the first append: a store that only reads (the command-line tools) never needs it.
  const checkpoints = backgroundCheckpoints(db, {
    file,
    synchronous: level,
    everyMs: options.checkpointEveryMs,
    onProblem: (problem) => console.error(`[margin] a background checkpoint of ${file} failed: ${problem}`),
  });

  const selectUpdates = db.prepare<[string], UpdateRow>('SELECT seq, data FROM updates WHERE room = ? ORDER BY seq');
  const insertNext = db.prepare<{ room: string; data: Uint8Array }, { seq: number }>(
    'INSERT INTO updates (room, seq, data) SELECT @room, COALESCE(MAX(seq), 0) + 1, @data FROM updates WHERE room = @room RETURNING seq',
  );
  // Appends number a room's updates one after another and compacting keeps the last number, so the count kept is
  // the newest number less the oldest, plus one: two index lookups, where COUNT(*) read every row of a busy room.
  const firstSeq = db.prepare<[string], { first: number }>('SELECT MIN(seq) AS first FROM updates WHERE room = ?');
  const deleteUpTo = db.prepare<[string, number]>('DELETE FROM updates WHERE room = ? AND seq <= ?');
  const insertAt = db.prepare<[string, number, Uint8Array]>('INSERT INTO updates (room, seq, data) VALUES (?, ?, ?)');
  const claimantOf = db.prepare<[string], { claimant: string | null }>(
    'SELECT claimant FROM claims WHERE report_id = ?',
  );
  const insertClaim = db.prepare<[string, string, string | null]>(
    'INSERT OR IGNORE INTO claims (report_id, claimed_at, claimant) VALUES (?, ?, ?)',
  );
  const insertLink = db.prepare<[string, string, string, string, string, string | null, string | null]>(
    'INSERT OR REPLACE INTO links (jti, report_id, role, created_at, expires_at, made_by, name) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const selectLinks = db.prepare<[string], LinkRow>(
    `SELECT links.*, revocations.revoked_at FROM links LEFT JOIN revocations USING (jti)
     WHERE links.report_id = ? ORDER BY links.created_at, links.rowid`,
  );
  const insertRevocation = db.prepare<[string, string, string]>(
    'INSERT OR IGNORE INTO revocations (jti, report_id, revoked_at) VALUES (?, ?, ?)',
  );
  const upsertVersion = db.prepare<[string, number, Uint8Array]>(
    'INSERT OR REPLACE INTO report_versions (report_id, version, content) VALUES (?, ?, ?)',
  );
  const selectVersion = db.prepare<[string, number], { content: Buffer }>(
    'SELECT content FROM report_versions WHERE report_id = ? AND version = ?',
  );
  const selectRevocation = db.prepare<[string], { found: number }>('SELECT 1 AS found FROM revocations WHERE jti = ?');

  const append = db.transaction((room: string, data: Uint8Array) => {
    const { seq } = insertNext.get({ room, data })!;
    return seq - firstSeq.get(room)!.first + 1;
  });

  // The snapshot takes the last merged update's sequence, so later appends still sort after it.
  const compact = db.transaction((room: string) => {
    const rows = selectUpdates.all(room);
    if (rows.length <= 1) return;
    const last = rows[rows.length - 1].seq;
    const snapshot = Y.mergeUpdates(rows.map((row) => row.data));
    deleteUpTo.run(room, last);
    insertAt.run(room, last, snapshot);
  });

  const erase = db.transaction((reportIds: readonly string[], at: string) => {
    for (const reportId of reportIds)
      for (const { text, params } of [...documentErasure(reportId), ...recordErasure(reportId, at)])
        db.prepare(text).run(...params);
  });

  const sql = sqliteSql(db);
  const organisations = sqlOrganisationStore(sql);
  const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);

  return {
    ...organisations,
    ...sqlNotificationStore(sql),
    ...sqlDirectoryStore(sql),
    engine: 'sqlite',
    async load(room) {
      return selectUpdates
        .all(room)
        .map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength));
    },
    async append(room, update) {
      checkpoints.start();
      return append(room, update);
    },
    async compact(room) {
      compact(room);
    },
    async claim(reportId, at, claimant) {
      if (insertClaim.run(reportId, at, claimant ?? null).changes === 1) return true;
      return claimant !== undefined && claimantOf.get(reportId)?.claimant === claimant;
    },
    async addLink(link) {
      insertLink.run(
        link.jti,
        link.reportId,
        link.role,
        link.createdAt,
        link.expiresAt,
        link.madeBy ?? null,
        link.name ?? null,
      );
    },
    async links(reportId) {
      return selectLinks.all(reportId).map((row) => ({
        jti: row.jti,
        reportId: row.report_id,
        role: row.role,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        ...(row.made_by ? { madeBy: row.made_by } : {}),
        ...(row.name ? { name: row.name } : {}),
        ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
      }));
    },
    async revoke(jti, reportId, at) {
      return insertRevocation.run(jti, reportId, at).changes === 1;
    },
    async isRevoked(jti) {
      return selectRevocation.get(jti) !== undefined;
    },
    async keepVersion(reportId, version, content) {
      upsertVersion.run(reportId, version, content);
    },
    async version(reportId, version) {
      const row = selectVersion.get(reportId, version);
      return row && new Uint8Array(row.content.buffer, row.content.byteOffset, row.content.byteLength);
    },
    async eraseReports(reportIds, at) {
      erase(reportIds, at);
    },
    ...erasedLookups(sql),
    // One relay process writes this file (`npm run token` only adds links), so a queue in memory is enough.
    exclusively: oneAtATime(),
    async reachable() {
      return db.open;
    },
    async size() {
      return fileSize(file) + fileSize(`${file}-wal`);
    },
    async close() {
      await checkpoints.stop();
      db.close();
    },
  };
}

/** better-sqlite3 as the organisations concern's `Sql`: each statement prepared once, run at once. */
export function sqliteSql(db: Database.Database): Sql {
  const prepared = new Map<string, Database.Statement>();
  const statement = (text: string) => {
    let found = prepared.get(text);
    if (!found) prepared.set(text, (found = db.prepare(text)));
    return found;
  };
  return {
    async run(text, params = []) {
      return statement(text).run(...params).changes;
    },
    async all<Row>(text: string, params: unknown[] = []) {
      return statement(text).all(...params) as Row[];
    },
  };
}
