// Checkpoints of the SQLite store's write-ahead log, moved off the relay's event loop. Left to SQLite, the write
// that fills the log past 1,000 pages copies it into the database file and waits for the disk, inside an append:
// under `npm run bench -- relay load` that was one append in 500, every second or so, taking 3 to 8 ms while every
// reader of the room waited (the rest take 0.05 ms). Here a worker thread with its own connection makes a PASSIVE
// checkpoint every `everyMs`: it copies what no reader still needs and never blocks the relay's writes, and the
// relay's next write starts the log again from its beginning once it has all been copied.
// Until the worker is running (and again if it ever stops), SQLite's own automatic checkpoints stay on.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** SQLite's default: checkpoint when a write leaves the log longer than this many pages. */
const automaticPages = 1000;

// Plain CommonJS, run with `eval`: the worker needs no TypeScript loader, in the relay or under a test runner.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('synchronous = ' + workerData.synchronous);
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ problem: error instanceof Error ? error.message : String(error) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
parentPort.postMessage({ running: true });
`;

export interface Checkpoints {
  /** Starts the worker, once; the relay's writes stop checkpointing when it says it is running. */
  start(): void;
  /** Makes a last checkpoint and closes the worker's connection; before the relay's own connection closes. */
  stop(): Promise<void>;
}

export function backgroundCheckpoints(
  db: Database.Database,
  options: { file: string; synchronous: 'NORMAL' | 'FULL'; everyMs?: number; onProblem?: (problem: string) => void },
): Checkpoints {
  let worker: Worker | undefined;
  let exited: Promise<void> = Promise.resolve();
  const automatic = (on: boolean) => db.open && db.pragma(`wal_autocheckpoint = ${on ? automaticPages : 0}`);
  return {
    start() {
      if (worker) return;
      worker = new Worker(workerSource, {
        eval: true,
        workerData: {
          driver: createRequire(import.meta.url).resolve('better-sqlite3'),
          file: options.file,
          synchronous: options.synchronous,
          everyMs: options.everyMs ?? 500,
        },
      });
      worker.unref();
      exited = new Promise((resolve) => worker!.once('exit', () => resolve()));
      worker.on('message', (message: { running?: true; problem?: string }) => {
        if (message.running) automatic(false);
        if (message.problem) options.onProblem?.(message.problem);
      });
      worker.on('error', (error) => options.onProblem?.(error.message));
      worker.once('exit', () => automatic(true));
    },
    async stop() {
      worker?.postMessage('stop');
      await exited;
    },
  };
}
