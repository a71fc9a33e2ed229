// Removing this device's copy of a report (its IndexedDB database and its keystroke journal), for when the
// copy must be replaced by the relay's: after changes the relay refused were kept aside, or when a device
// that held a copy without internal fields is given a link that sees them; and removing everything of a report
// (its comments and status too), when a member signing out asks for their organisation's reports to go.
import { forgetVersions } from '../history/kept-versions.ts';
import { reportDatabaseName } from '../report-session/databases.ts';

/** The keystroke journal's localStorage keys start with this and the database name (app/src/store/journal.ts). */
const journalPrefix = 'margin.journal.';

export async function deleteLocalCopy(reportId: string, waitMs = 5000): Promise<void> {
  const name = reportDatabaseName(reportId);
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (key?.startsWith(`${journalPrefix}${name}.`)) localStorage.removeItem(key);
  }
  await deleteDatabase(name, waitMs);
}

/** Removes everything this device keeps of a report: its content (as above), its comments, its status and versions. */
export async function deleteAllCopies(reportId: string, waitMs = 5000): Promise<void> {
  await deleteLocalCopy(reportId, waitMs);
  await forgetVersions(reportId);
  await deleteDatabase(reportDatabaseName(reportId, 'comments'), waitMs);
  await deleteDatabase(reportDatabaseName(reportId, 'status'), waitMs);
}

function deleteDatabase(name: string, waitMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    const timer = setTimeout(
      () => reject(new Error('This report is open in another tab. Close its other tabs, then reload this one.')),
      waitMs,
    );
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve();
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error ?? new Error('The copy of this report on this device could not be removed.'));
    };
  });
}
