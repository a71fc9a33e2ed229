// The relay's durable store: one SQLite file in the data folder, one table of updates keyed by room and sequence.
// WAL with synchronous=FULL: an append has reached the disk when it resolves, which is what lets the relay
// promise an update is saved before anyone else sees it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { DocumentStore } from './store.ts';

const databaseFileName = 'margin.sqlite';

interface UpdateRow {
  seq: number;
  data: Buffer;
}

export function openSqliteStore(dataDir: string): DocumentStore {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, databaseFileName));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE IF NOT EXISTS updates (
    room TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (room, seq)
  )`);

  const selectUpdates = db.prepare<[string], UpdateRow>('SELECT seq, data FROM updates WHERE room = ? ORDER BY seq');
  const insertNext = db.prepare<{ room: string; data: Uint8Array }>(
    'INSERT INTO updates (room, seq, data) SELECT @room, COALESCE(MAX(seq), 0) + 1, @data FROM updates WHERE room = @room',
  );
  const countUpdates = db.prepare<[string], { count: number }>('SELECT COUNT(*) AS count FROM updates WHERE room = ?');
  const deleteUpTo = db.prepare<[string, number]>('DELETE FROM updates WHERE room = ? AND seq <= ?');
  const insertAt = db.prepare<[string, number, Uint8Array]>('INSERT INTO updates (room, seq, data) VALUES (?, ?, ?)');

  const append = db.transaction((room: string, data: Uint8Array) => {
    insertNext.run({ room, data });
    return countUpdates.get(room)!.count;
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

  return {
    async load(room) {
      return selectUpdates.all(room).map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength));
    },
    async append(room, update) {
      return append(room, update);
    },
    async compact(room) {
      compact(room);
    },
    async close() {
      db.close();
    },
  };
}
