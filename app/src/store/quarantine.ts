// Before y-indexeddb opens a report's database, read every saved update and set aside any that
// Yjs cannot read. y-indexeddb applies all updates in one go, so a single corrupt entry would
// otherwise stop the whole report from opening. Set-aside entries are copied into Dexie's
// quarantine table, never deleted outright.
import * as Y from 'yjs';
import { db } from './db.ts';

export async function quarantineUnreadableUpdates(database: string): Promise<number> {
  const idb = await openExisting(database);
  if (!idb) return 0;
  try {
    if (!idb.objectStoreNames.contains('updates')) return 0;
    const entries = await readAll(idb);
    const scratch = new Y.Doc();
    const bad: { key: IDBValidKey; value: unknown; error: string }[] = [];
    for (const { key, value } of entries) {
      try {
        if (!(value instanceof Uint8Array)) throw new Error(`expected bytes, found ${typeof value}`);
        Y.applyUpdate(scratch, value);
      } catch (error) {
        bad.push({ key, value, error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (bad.length === 0) return 0;
    const foundAt = new Date().toISOString();
    await db.quarantine.bulkAdd(bad.map((entry) => ({ database, ...entry, foundAt })));
    await deleteKeys(
      idb,
      bad.map((entry) => entry.key),
    );
    console.error(`[margin] set aside ${bad.length} unreadable saved change(s) in ${database}`, bad);
    return bad.length;
  } finally {
    idb.close();
  }
}

/** Opens the database only if it exists already: opening a new one would create it without its stores. */
function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    let created = false;
    request.onupgradeneeded = () => {
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => (created ? resolve(null) : reject(request.error));
    request.onblocked = () => resolve(null);
  });
}

function readAll(idb: IDBDatabase): Promise<{ key: IDBValidKey; value: unknown }[]> {
  return new Promise((resolve, reject) => {
    const entries: { key: IDBValidKey; value: unknown }[] = [];
    const request = idb.transaction('updates', 'readonly').objectStore('updates').openCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(entries);
      entries.push({ key: cursor.primaryKey, value: cursor.value });
      cursor.continue();
    };
    request.onerror = () => reject(request.error);
  });
}

function deleteKeys(idb: IDBDatabase, keys: IDBValidKey[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction('updates', 'readwrite');
    for (const key of keys) tx.objectStore('updates').delete(key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
