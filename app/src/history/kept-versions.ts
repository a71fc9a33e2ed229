// The versions of reports this device has read from the relay, in a small Dexie database of their own
// ('margin-versions'), so History shows them offline: a kept version never changes. Each is kept as the relay sent it
// for the reader's role (with or without the internal fields), and a version the relay never kept (a decision taken
// before it kept versions) is remembered as such, with the relay's reason, so History says so without asking again.
import Dexie, { type Table } from 'dexie';

export type InternalFields = 'included' | 'left out';

export interface KeptVersion {
  reportId: string;
  version: number;
  internalFields: InternalFields;
  /** The report's content as the decision found it: one Yjs update. */
  update?: Uint8Array;
  /** Why the relay has no such version (it answered 404), when it has none. */
  notKept?: string;
  keptAt: string;
}

export class VersionsDatabase extends Dexie {
  versions!: Table<KeptVersion, [string, number, InternalFields]>;

  constructor(name = 'margin-versions') {
    super(name);
    this.version(1).stores({ versions: '[reportId+version+internalFields], reportId' });
  }
}

export const versionsDb = new VersionsDatabase();

/** What this device holds of each version of a report, as a reader who sees internal fields or not reads them. */
export async function versionsHere(
  reportId: string,
  internalFields: InternalFields,
  db = versionsDb,
): Promise<Map<number, 'here' | { notKept: string }>> {
  const rows = await db.versions.where('reportId').equals(reportId).toArray();
  return new Map(
    rows
      .filter((row) => row.internalFields === internalFields)
      .map((row) => [row.version, row.notKept === undefined ? 'here' : { notKept: row.notKept }]),
  );
}

/** Forgets every version of a report this device holds (when its other copies go, on signing out). */
export const forgetVersions = (reportId: string, db = versionsDb) =>
  db.versions.where('reportId').equals(reportId).delete();
