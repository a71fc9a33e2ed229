import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { acquireReportSession, openSessionCount } from './report-session.ts';

// The comments room keeps a journal of keystrokes in localStorage, which Node does not have: a Map stands in.
const stored = new Map<string, string>();
vi.stubGlobal('localStorage', {
  get length() {
    return stored.size;
  },
  key: (index: number) => [...stored.keys()][index] ?? null,
  getItem: (key: string) => stored.get(key) ?? null,
  setItem: (key: string, value: string) => void stored.set(key, value),
  removeItem: (key: string) => void stored.delete(key),
  clear: () => stored.clear(),
});

describe('a report session', () => {
  it('is opened once however many hold it, and closed when the last gives it back', async () => {
    const first = acquireReportSession('report-a');
    const second = acquireReportSession('report-a');
    expect(second.session).toBe(first.session);
    const status = first.session.status;
    expect(second.session.status.doc).toBe(status.doc);
    await status.whenLoaded;
    let destroyed = false;
    status.doc.on('destroy', () => (destroyed = true));

    first.release();
    first.release();
    expect(destroyed).toBe(false);
    expect(openSessionCount()).toBe(1);
    second.release();
    expect(destroyed).toBe(true);
    expect(openSessionCount()).toBe(0);

    const again = acquireReportSession('report-a');
    expect(again.session).not.toBe(first.session);
    again.release();
  });

  it('keeps each report apart', () => {
    const a = acquireReportSession('report-a');
    const b = acquireReportSession('report-b');
    expect(a.session).not.toBe(b.session);
    expect(a.session.status.doc).not.toBe(b.session.status.doc);
    a.release();
    b.release();
    expect(openSessionCount()).toBe(0);
  });
});

/** Every file under a folder, for the check below. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the one owner of a report’s connections', () => {
  it('is the only part of the app that opens a websocket or an IndexedDB copy of a report room', () => {
    const app = join(import.meta.dirname, '..');
    const openers = filesUnder(app)
      .filter((path) => /\.tsx?$/.test(path) && !path.endsWith('.test.ts'))
      .filter((path) => /new (WebsocketProvider|IndexeddbPersistence)\b/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(app, path));
    expect(openers.sort()).toEqual([
      'report-session/local-report.ts',
      'report-session/relay-connection.ts',
      'report-session/shared-room.ts',
    ]);
  });
});
