// Schema changes as numbered migrations, one list per engine, each applied once in a transaction and recorded
// in the `migrations` table. A new change is a new number at the end of the list; a migration already applied
// is never edited. SQLite's migration 1 is the schema the relay made before migrations existed (CREATE ... IF NOT
// EXISTS), so a data folder from then opens as it was and is recorded as being at 1.
import type Database from 'better-sqlite3';
import type { Pool } from 'pg';
import { directoryTable } from './directory.ts';
import { erasedReportsTable } from './erasure.ts';
import { notificationTables } from './notifications.ts';
import {
  organisationReportsTable,
  organisationReportOwnerLinkColumn,
  organisationReportTeacherColumn,
  organisationTables,
  organisationWordsTable,
  reviewTargetColumn,
} from './organisations.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const sqliteMigrations: Migration[] = [
  {
    version: 1,
    name: 'documents and access',
    sql: `CREATE TABLE IF NOT EXISTS updates (
      room TEXT NOT NULL,
      seq INTEGER NOT NULL,
      data BLOB NOT NULL,
      PRIMARY KEY (room, seq)
    );
    CREATE TABLE IF NOT EXISTS claims (report_id TEXT PRIMARY KEY, claimed_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS links (
      jti TEXT PRIMARY KEY,
      report_id TEXT NOT NULL,
      role TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS links_by_report ON links (report_id, created_at);
    CREATE TABLE IF NOT EXISTS revocations (jti TEXT PRIMARY KEY, report_id TEXT NOT NULL, revoked_at TEXT NOT NULL);`,
  },
  {
    version: 2,
    name: 'claimant of a report',
    sql: 'ALTER TABLE claims ADD COLUMN claimant TEXT',
  },
  {
    version: 3,
    name: 'organisations',
    sql: organisationTables('INTEGER PRIMARY KEY AUTOINCREMENT'),
  },
  {
    version: 4,
    name: 'the link each link was made with',
    sql: 'ALTER TABLE links ADD COLUMN made_by TEXT',
  },
  {
    version: 5,
    name: 'reports of organisations',
    sql: organisationReportsTable,
  },
  {
    version: 6,
    name: 'the organisation’s words',
    sql: organisationWordsTable,
  },
  {
    version: 7,
    name: 'the early career teacher of a report',
    sql: organisationReportTeacherColumn,
  },
  {
    version: 8,
    name: 'the owner’s own link of a report',
    sql: organisationReportOwnerLinkColumn,
  },
  {
    version: 9,
    name: 'the person a link is for',
    sql: 'ALTER TABLE links ADD COLUMN name text',
  },
  {
    version: 10,
    name: 'the report as each decision found it',
    sql: reportVersionsTable('BLOB'),
  },
  {
    version: 11,
    name: 'the organisation’s review target',
    sql: reviewTargetColumn,
  },
  {
    version: 12,
    name: 'members’ notifications and e-mail addresses',
    sql: notificationTables('INTEGER PRIMARY KEY AUTOINCREMENT'),
  },
  {
    version: 13,
    name: 'the organisations’ report directory',
    sql: directoryTable,
  },
  {
    version: 14,
    name: 'erased reports',
    sql: erasedReportsTable,
  },
];

export const postgresMigrations: Migration[] = [
  {
    version: 1,
    name: 'documents and access',
    // `rooms` holds each room's last sequence number and how many updates it keeps: appending takes its row
    // lock, so appends to one room from several relay nodes get consecutive numbers without a retry.
    sql: `CREATE TABLE rooms (room text PRIMARY KEY, last_seq bigint NOT NULL, kept integer NOT NULL);
    CREATE TABLE updates (room text NOT NULL, seq bigint NOT NULL, data bytea NOT NULL, PRIMARY KEY (room, seq));
    CREATE TABLE claims (report_id text PRIMARY KEY, claimed_at text NOT NULL);
    CREATE TABLE links (
      jti text PRIMARY KEY,
      report_id text NOT NULL,
      role text NOT NULL,
      created_at text NOT NULL,
      expires_at text NOT NULL,
      made bigint GENERATED ALWAYS AS IDENTITY
    );
    CREATE INDEX links_by_report ON links (report_id, created_at);
    CREATE TABLE revocations (jti text PRIMARY KEY, report_id text NOT NULL, revoked_at text NOT NULL);
    CREATE TABLE report_locks (report_id text PRIMARY KEY);
    CREATE TABLE relay_settings (name text PRIMARY KEY, value text NOT NULL);`,
  },
  {
    version: 2,
    name: 'claimant of a report',
    // A digest of the creating device's claim key: the same device may claim again when the first answer was lost.
    sql: 'ALTER TABLE claims ADD COLUMN claimant text',
  },
  {
    version: 3,
    name: 'organisations',
    sql: organisationTables('bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY'),
  },
  {
    version: 4,
    name: 'the link each link was made with',
    sql: 'ALTER TABLE links ADD COLUMN made_by text',
  },
  {
    version: 5,
    name: 'reports of organisations',
    sql: organisationReportsTable,
  },
  {
    version: 6,
    name: 'the organisation’s words',
    sql: organisationWordsTable,
  },
  {
    version: 7,
    name: 'the early career teacher of a report',
    sql: organisationReportTeacherColumn,
  },
  {
    version: 8,
    name: 'the owner’s own link of a report',
    sql: organisationReportOwnerLinkColumn,
  },
  {
    version: 9,
    name: 'the person a link is for',
    sql: 'ALTER TABLE links ADD COLUMN name text',
  },
  {
    version: 10,
    name: 'the report as each decision found it',
    sql: reportVersionsTable('bytea'),
  },
  {
    version: 11,
    name: 'the organisation’s review target',
    sql: reviewTargetColumn,
  },
  {
    version: 12,
    name: 'members’ notifications and e-mail addresses',
    sql: notificationTables('bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY'),
  },
  {
    version: 13,
    name: 'the organisations’ report directory',
    sql: directoryTable,
  },
  {
    version: 14,
    name: 'erased reports',
    sql: erasedReportsTable,
  },
];

/** One row per decision on a report: the content's state its hash was made from (store.ts, VersionStore). */
function reportVersionsTable(bytes: 'BLOB' | 'bytea'): string {
  return `CREATE TABLE report_versions (
    report_id text NOT NULL,
    version integer NOT NULL,
    content ${bytes} NOT NULL,
    PRIMARY KEY (report_id, version)
  )`;
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at text NOT NULL
)`;

/** Versions rise through the list; a number may be missing while the branch that takes it is merged. */
function check(migrations: Migration[]): void {
  migrations.forEach((migration, index) => {
    const before = index === 0 ? 0 : migrations[index - 1]!.version;
    if (!Number.isInteger(migration.version) || migration.version <= before)
      throw new Error(`migration ${migration.version} is out of order`);
  });
}

/** Applies SQLite's pending migrations; returns the version the database is at. */
export function migrateSqlite(db: Database.Database, migrations = sqliteMigrations): number {
  check(migrations);
  // IMMEDIATE: a second process opening the same file waits for this one's migrations instead of repeating them.
  const apply = db.transaction(() => {
    db.exec(createMigrationsTable);
    const applied = new Set(
      db
        .prepare<[], { version: number }>('SELECT version FROM migrations')
        .all()
        .map((row) => row.version),
    );
    for (const migration of migrations.filter((candidate) => !applied.has(candidate.version))) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }
    return db.prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM migrations').get()!.version;
  });
  return apply.immediate() ?? 0;
}

/** Any number will do as long as it is Margin's alone: it keeps two nodes starting at once from migrating twice. */
const migrationLock = 0x6d617267;

/** Applies PostgreSQL's pending migrations in one transaction; returns the version the database is at. */
export async function migratePostgres(pool: Pool, migrations = postgresMigrations): Promise<number> {
  check(migrations);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
    await client.query(createMigrationsTable);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM migrations');
    const applied = new Set(rows.map((row) => row.version));
    for (const migration of migrations.filter((candidate) => !applied.has(candidate.version))) {
      await client.query(migration.sql);
      await client.query('INSERT INTO migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    }
    const at = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM migrations');
    await client.query('COMMIT');
    return at.rows[0].version ?? 0;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
