// A report's content on this device: its Y.Doc, saved by y-indexeddb with the keystroke journal in front of it,
// after setting aside saved changes Yjs cannot read. Opened only by the report session (./report-session.ts).
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { DocJournal } from '../store/journal.ts';
import { quarantineUnreadableUpdates } from '../store/quarantine.ts';
import { reportDatabaseName } from './databases.ts';

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
