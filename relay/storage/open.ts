// The store the relay and its command-line tools use, from the environment: PostgreSQL when DATABASE_URL is set
// (every node of a cluster shares it), else SQLite in DATA_DIR. The signing secret comes with it: RELAY_SECRET
// when set, else the one kept in PostgreSQL (made once, shared by every node) or in the data folder.
import { loadSecret } from '../auth.ts';
import { openPostgresStore } from './postgres.ts';
import { openSqliteStore, type Synchronous } from './sqlite.ts';
import type { Storage } from './store.ts';

export interface StorageSettings {
  databaseUrl?: string;
  dataDir: string;
  synchronous?: Synchronous;
  relaySecret?: string;
}

export interface OpenedStorage {
  store: Storage;
  secret: Uint8Array;
  /** Where the data is, for a person: the data folder, or the database's host and name (never its password). */
  where: string;
}

export async function openStorage(settings: StorageSettings): Promise<OpenedStorage> {
  const { databaseUrl, dataDir, relaySecret } = settings;
  if (databaseUrl) {
    const where = describeDatabase(databaseUrl);
    const store = await openPostgresStore(databaseUrl).catch((error: unknown) => {
      throw new Error(`could not open PostgreSQL at ${where}: ${error instanceof Error ? error.message : error}`);
    });
    try {
      const secret = relaySecret ? loadSecret(dataDir, relaySecret) : await store.keptSecret();
      return { store, secret, where };
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  const secret = loadSecret(dataDir, relaySecret);
  return { store: openSqliteStore(dataDir, settings.synchronous), secret, where: dataDir };
}

/** postgres://user:password@host:port/name -> postgres://host:port/name */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw new Error('not postgres');
    return `postgres://${parsed.host}${parsed.pathname}`;
  } catch {
    throw new Error('DATABASE_URL must be a postgres:// address (postgres://user:password@host:5432/database)');
  }
}
