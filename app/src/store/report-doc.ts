// Opening a report: its Y.Doc, saved on this device by y-indexeddb (with the keystroke journal in
// front of it), and shared through the relay by y-websocket.
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { DocJournal } from './journal.ts';
import { quarantineUnreadableUpdates } from './quarantine.ts';

export const reportDatabaseName = (reportId: string) => `margin-report-${reportId}`;

export interface LocalReport {
  doc: Y.Doc;
  /** Saved changes that could not be read and were set aside. */
  quarantined: number;
  /** Changes typed before a tab closed that the journal brought back. */
  recovered: number;
  journal: DocJournal;
  close(): Promise<void>;
}

export async function openLocalReport(
  reportId: string,
  onPending: (pending: number) => void = () => {},
): Promise<LocalReport> {
  const name = reportDatabaseName(reportId);
  const quarantined = await quarantineUnreadableUpdates(name);
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  const journal = new DocJournal(name, doc, () => persistence.db, persistence, onPending);
  await persistence.whenSynced;
  const recovered = journal.recover();
  return {
    doc,
    quarantined,
    recovered,
    journal,
    async close() {
      journal.destroy();
      await persistence.destroy();
      doc.destroy();
    },
  };
}
