// The relay's store on PostgreSQL (DATABASE_URL), for running more than one relay process on the same data.
// The same tables as SQLite, made by numbered migrations (migrations.ts). An append is one statement: it bumps
// the room's row in `rooms` (taking its row lock, so appends to one room from several nodes are numbered one
// after another) and inserts the update with that number; it resolves once PostgreSQL has committed it
// (synchronous_commit on, the default: on disk), which is the "saved before it is sent on" promise.
// Workflow decisions take a row lock on the report's row in `report_locks` for as long as they run.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import * as Y from 'yjs';
import type { Role } from '../../shared/protocol/roles.ts';
import { documentErasure, erasedLookups, recordErasure, roomsOf } from './erasure.ts';
import { migratePostgres } from './migrations.ts';
import type { Storage } from './store.ts';
import { sqlDirectoryStore } from './directory.ts';
import { sqlNotificationStore } from './notifications.ts';
import { numberedPlaceholders, type Sql, sqlOrganisationStore } from './organisations.ts';

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

export interface PostgresStorage extends Storage {
  /** The secret tokens are signed with, made once and kept in the database, so every node signs alike. */
  keptSecret(): Promise<Uint8Array>;
}

/** How long a query may wait for a connection before failing, so a relay with PostgreSQL away answers rather than hangs. */
const connectTimeoutMs = 5000;

export async function openPostgresStore(url: string): Promise<PostgresStorage> {
  // Each open report holds a connection only while a workflow decision runs; the rest are short queries.
  const pool = new pg.Pool({ connectionString: url, max: 20, connectionTimeoutMillis: connectTimeoutMs });
  // An idle connection that breaks (PostgreSQL restarting) is dropped from the pool; the next query opens another.
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }

  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  const sql: Sql = {
    async run(text, params = []) {
      return (await pool.query(numberedPlaceholders(text), params)).rowCount ?? 0;
    },
    async all<Row>(text: string, params: unknown[] = []) {
      return (await pool.query(numberedPlaceholders(text), params)).rows as Row[];
    },
  };

  return {
    ...sqlOrganisationStore(sql),
    ...sqlNotificationStore(sql),
    ...sqlDirectoryStore(sql),
    engine: 'postgres',
    async load(room) {
      const { rows } = await pool.query<{ data: Buffer }>('SELECT data FROM updates WHERE room = $1 ORDER BY seq', [
        room,
      ]);
      return rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength));
    },
    async append(room, update) {
      const { rows } = await pool.query<{ kept: number }>(
        `WITH next AS (
           INSERT INTO rooms (room, last_seq, kept) VALUES ($1, 1, 1)
           ON CONFLICT (room) DO UPDATE SET last_seq = rooms.last_seq + 1, kept = rooms.kept + 1
           RETURNING last_seq, kept
         )
         INSERT INTO updates (room, seq, data) SELECT $1, last_seq, $2 FROM next RETURNING (SELECT kept FROM next)`,
        [room, update],
      );
      return rows[0].kept;
    },
    async compact(room) {
      await inTransaction(async (client) => {
        // The room's row lock holds appends back until the snapshot is in place.
        const locked = await client.query('SELECT 1 FROM rooms WHERE room = $1 FOR UPDATE', [room]);
        if (locked.rowCount === 0) return;
        const { rows } = await client.query<{ seq: string; data: Buffer }>(
          'SELECT seq, data FROM updates WHERE room = $1 ORDER BY seq',
          [room],
        );
        if (rows.length <= 1) return;
        // The snapshot takes the last merged update's number, so later appends still sort after it.
        const last = rows[rows.length - 1].seq;
        const snapshot = Y.mergeUpdates(rows.map((row) => row.data));
        await client.query('DELETE FROM updates WHERE room = $1 AND seq <= $2', [room, last]);
        await client.query('INSERT INTO updates (room, seq, data) VALUES ($1, $2, $3)', [room, last, snapshot]);
        await client.query('UPDATE rooms SET kept = kept - $2 WHERE room = $1', [room, rows.length - 1]);
      });
    },
    async claim(reportId, at, claimant) {
      const result = await pool.query(
        'INSERT INTO claims (report_id, claimed_at, claimant) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [reportId, at, claimant ?? null],
      );
      if (result.rowCount === 1) return true;
      if (claimant === undefined) return false;
      const held = await pool.query<{ claimant: string | null }>('SELECT claimant FROM claims WHERE report_id = $1', [
        reportId,
      ]);
      return held.rows[0]?.claimant === claimant;
    },
    async addLink(link) {
      await pool.query(
        `INSERT INTO links (jti, report_id, role, created_at, expires_at, made_by, name)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (jti) DO UPDATE
           SET report_id = $2, role = $3, created_at = $4, expires_at = $5, made_by = $6, name = $7`,
        [link.jti, link.reportId, link.role, link.createdAt, link.expiresAt, link.madeBy ?? null, link.name ?? null],
      );
    },
    async links(reportId) {
      const { rows } = await pool.query<LinkRow>(
        `SELECT links.jti, links.report_id, links.role, links.created_at, links.expires_at, links.made_by, links.name,
                revocations.revoked_at
         FROM links LEFT JOIN revocations USING (jti) WHERE links.report_id = $1 ORDER BY links.created_at, links.made`,
        [reportId],
      );
      return rows.map((row) => ({
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
      const result = await pool.query(
        'INSERT INTO revocations (jti, report_id, revoked_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [jti, reportId, at],
      );
      return result.rowCount === 1;
    },
    async isRevoked(jti) {
      return ((await pool.query('SELECT 1 FROM revocations WHERE jti = $1', [jti])).rowCount ?? 0) > 0;
    },
    async keepVersion(reportId, version, content) {
      await pool.query(
        `INSERT INTO report_versions (report_id, version, content) VALUES ($1, $2, $3)
         ON CONFLICT (report_id, version) DO UPDATE SET content = $3`,
        [reportId, version, content],
      );
    },
    async version(reportId, version) {
      const { rows } = await pool.query<{ content: Buffer }>(
        'SELECT content FROM report_versions WHERE report_id = $1 AND version = $2',
        [reportId, version],
      );
      const row = rows[0];
      return row && new Uint8Array(row.content.buffer, row.content.byteOffset, row.content.byteLength);
    },
    async eraseReports(reportIds, at) {
      const statements = reportIds.flatMap((reportId) => [
        ...documentErasure(reportId),
        // The rooms' sequence rows go too, so nothing of the report's rooms is left.
        { text: 'DELETE FROM rooms WHERE room IN (?, ?, ?)', params: roomsOf(reportId) },
        ...recordErasure(reportId, at),
      ]);
      await inTransaction(async (client) => {
        for (const { text, params } of statements) await client.query(numberedPlaceholders(text), params);
      });
    },
    ...erasedLookups(sql),
    exclusively(reportId, decide) {
      return inTransaction(async (client) => {
        await client.query('INSERT INTO report_locks (report_id) VALUES ($1) ON CONFLICT DO NOTHING', [reportId]);
        await client.query('SELECT 1 FROM report_locks WHERE report_id = $1 FOR UPDATE', [reportId]);
        return decide();
      });
    },
    async reachable() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async size() {
      const { rows } = await pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
      return Number(rows[0].bytes);
    },
    async keptSecret() {
      await pool.query("INSERT INTO relay_settings (name, value) VALUES ('relay-secret', $1) ON CONFLICT DO NOTHING", [
        randomBytes(32).toString('base64url'),
      ]);
      const { rows } = await pool.query<{ value: string }>(
        "SELECT value FROM relay_settings WHERE name = 'relay-secret'",
      );
      return new TextEncoder().encode(rows[0].value);
    },
    async close() {
      await pool.end();
    },
  };
}
