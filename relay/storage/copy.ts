// Moving a relay's data between engines and keeping copies of it (`npm run admin`): an SQLite data folder copied
// into an empty PostgreSQL database, row for row, in one transaction, with the signing secret so every link made
// keeps working, and the organisations with everything of theirs (members, invitations, passkeys, sessions, the
// audit log in its order, registered reports), so members sign in as before; and a consistent copy of the SQLite
// file taken while the relay runs (SQLite's online backup).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { secretFileName } from '../auth.ts';
import { migrateSqlite } from './migrations.ts';
import { openPostgresStore } from './postgres.ts';
import { databaseFileName } from './sqlite.ts';

export interface Copied {
  rooms: number;
  updates: number;
  claims: number;
  links: number;
  revocations: number;
  /** The report as each decision found it (migration 10). */
  versions: number;
  secret: boolean;
  /** Rows copied from each of the organisations tables (organisations.ts), by table. */
  organisations: Record<OrganisationTable, number>;
}

/**
 * The organisations tables and their columns, the same on both engines (organisationTables, migrations 3 and 5),
 * in an order that keeps what depends on a row after it. The audit log is copied oldest first without its
 * numbers, so PostgreSQL numbers it afresh in the same order and goes on numbering after it.
 */
const organisationTablesToCopy = {
  organisations: {
    columns: ['id', 'name', 'kind', 'created_at', 'session_idle_minutes', 'review_target_days'],
    order: 'created_at, id',
  },
  organisation_links: { columns: ['body_id', 'school_id'], order: 'body_id, school_id' },
  members: {
    columns: ['id', 'organisation_id', 'name', 'role', 'client_id', 'created_at', 'removed_at'],
    order: 'created_at, id',
  },
  invitations: {
    columns: ['id', 'token_hash', 'organisation_id', 'member_id', 'made_by', 'created_at', 'expires_at', 'used_at'],
    order: 'created_at, id',
  },
  passkeys: {
    columns: ['id', 'member_id', 'public_key', 'counter', 'transports', 'label', 'created_at', 'last_used_at'],
    order: 'created_at, id',
  },
  sessions: {
    columns: ['token_hash', 'member_id', 'label', 'created_at', 'last_seen_at', 'ended_at'],
    order: 'created_at, token_hash',
  },
  challenges: { columns: ['challenge', 'purpose', 'subject', 'expires_at'], order: 'expires_at, challenge' },
  audit_log: { columns: ['organisation_id', 'at', 'actor', 'action', 'subject', 'detail'], order: 'seq' },
  organisation_reports: {
    columns: [
      'report_id',
      'organisation_id',
      'owner_id',
      'mentor_id',
      'client_id',
      'teacher_id',
      'owner_link',
      'created_at',
    ],
    order: 'created_at, report_id',
  },
  organisation_words: { columns: ['organisation_id', 'word', 'added_by', 'added_at'], order: 'organisation_id, word' },
  member_emails: { columns: ['member_id', 'email'], order: 'member_id' },
  // Numbered afresh in the same order, as the audit log is.
  notifications: {
    columns: [
      'id',
      'organisation_id',
      'member_id',
      'kind',
      'report_id',
      'actor_name',
      'report_kind',
      'created_at',
      'read_at',
    ],
    order: 'seq',
  },
  // Kept, so a device coming back with an erased report is still refused after the move (migration 14).
  erased_reports: { columns: ['report_id', 'erased_at'], order: 'erased_at, report_id' },
} as const;
export type OrganisationTable = keyof typeof organisationTablesToCopy;
const organisationTableNames = Object.keys(organisationTablesToCopy) as OrganisationTable[];

/** Copies everything in `dataDir`'s SQLite database into PostgreSQL, which must hold no relay data yet. */
export async function copySqliteToPostgres(dataDir: string, databaseUrl: string): Promise<Copied> {
  const file = join(dataDir, databaseFileName);
  if (!existsSync(file)) throw new Error(`There is no ${databaseFileName} in ${dataDir} to copy.`);
  const source = new Database(file, { fileMustExist: true });
  // Brings a data folder from before migrations to the schema read below; the relay would do the same on start.
  migrateSqlite(source);
  await (await openPostgresStore(databaseUrl)).close();
  const target = new pg.Client({ connectionString: databaseUrl });
  await target.connect();
  try {
    await target.query('BEGIN');
    const held = await target.query<{ count: string }>(
      `SELECT (SELECT count(*) FROM updates) + (SELECT count(*) FROM links) + (SELECT count(*) FROM claims)
        + (SELECT count(*) FROM organisations) + (SELECT count(*) FROM members) + (SELECT count(*) FROM audit_log) AS count`,
    );
    if (Number(held.rows[0].count) > 0)
      throw new Error('The PostgreSQL database holds relay data already; copy into an empty one.');
    // One snapshot of the source, so a relay writing meanwhile cannot give a copy that is half old and half new.
    const read = source.transaction(() => ({
      updates: source.prepare<[], { room: string; seq: number; data: Buffer }>('SELECT * FROM updates').all(),
      claims: source
        .prepare<[], { report_id: string; claimed_at: string; claimant: string | null }>('SELECT * FROM claims')
        .all(),
      links: source.prepare<[], Record<string, string>>('SELECT * FROM links ORDER BY created_at, rowid').all(),
      revocations: source.prepare<[], Record<string, string>>('SELECT * FROM revocations').all(),
      versions: source
        .prepare<[], { report_id: string; version: number; content: Buffer }>('SELECT * FROM report_versions')
        .all(),
      organisations: Object.fromEntries(
        organisationTableNames.map((table) => {
          const { columns, order } = organisationTablesToCopy[table];
          const select = `SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${order}`;
          return [table, source.prepare<[], unknown[]>(select).raw(true).all()];
        }),
      ) as Record<OrganisationTable, unknown[][]>,
    }));
    const rows = read();
    const rooms = new Map<string, { last: number; kept: number }>();
    for (const { room, seq, data } of rows.updates) {
      await target.query('INSERT INTO updates (room, seq, data) VALUES ($1, $2, $3)', [room, seq, data]);
      const counted = rooms.get(room) ?? { last: 0, kept: 0 };
      rooms.set(room, { last: Math.max(counted.last, seq), kept: counted.kept + 1 });
    }
    for (const [room, { last, kept }] of rooms)
      await target.query('INSERT INTO rooms (room, last_seq, kept) VALUES ($1, $2, $3)', [room, last, kept]);
    for (const claim of rows.claims)
      await target.query('INSERT INTO claims (report_id, claimed_at, claimant) VALUES ($1, $2, $3)', [
        claim.report_id,
        claim.claimed_at,
        claim.claimant,
      ]);
    for (const link of rows.links)
      await target.query(
        'INSERT INTO links (jti, report_id, role, created_at, expires_at, made_by, name) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [
          link.jti,
          link.report_id,
          link.role,
          link.created_at,
          link.expires_at,
          link.made_by ?? null,
          link.name ?? null,
        ],
      );
    for (const revocation of rows.revocations)
      await target.query('INSERT INTO revocations (jti, report_id, revoked_at) VALUES ($1, $2, $3)', [
        revocation.jti,
        revocation.report_id,
        revocation.revoked_at,
      ]);
    for (const kept of rows.versions)
      await target.query('INSERT INTO report_versions (report_id, version, content) VALUES ($1, $2, $3)', [
        kept.report_id,
        kept.version,
        kept.content,
      ]);
    for (const table of organisationTableNames) {
      const { columns } = organisationTablesToCopy[table];
      const insert = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
      for (const row of rows.organisations[table]) await target.query(insert, row);
    }
    const secretFile = join(dataDir, secretFileName);
    const secret = existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : undefined;
    if (secret)
      await target.query(
        "INSERT INTO relay_settings (name, value) VALUES ('relay-secret', $1) ON CONFLICT (name) DO UPDATE SET value = $1",
        [secret],
      );
    await target.query('COMMIT');
    return {
      rooms: rooms.size,
      updates: rows.updates.length,
      claims: rows.claims.length,
      links: rows.links.length,
      revocations: rows.revocations.length,
      versions: rows.versions.length,
      secret: secret !== undefined,
      organisations: Object.fromEntries(
        organisationTableNames.map((table) => [table, rows.organisations[table].length]),
      ) as Record<OrganisationTable, number>,
    };
  } catch (error) {
    await target.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await target.end();
    source.close();
  }
}

/** Writes a consistent copy of `dataDir`'s SQLite database to `file`, while the relay may be writing to it. */
export async function backupSqlite(dataDir: string, file: string): Promise<void> {
  const path = join(dataDir, databaseFileName);
  if (!existsSync(path)) throw new Error(`There is no ${databaseFileName} in ${dataDir} to back up.`);
  if (existsSync(file)) throw new Error(`${file} exists already; choose a new file for the backup.`);
  const db = new Database(path, { fileMustExist: true });
  // Another process may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  try {
    await db.backup(file);
  } finally {
    db.close();
  }
}
