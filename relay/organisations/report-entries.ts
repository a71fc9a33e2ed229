// The one way the desks of this module read a registered report's figures: its kind's index entry
// (shared/reports/definition.ts IndexEntry: a cycle's finish date and step, an observation's number, whether a
// session was delivered). Today it reads the stored updates, as report-content.ts does; once the relay keeps a
// directory of index entries, this function reads that instead and nothing else changes.
import * as Y from 'yjs';
import { roomName } from '../../shared/protocol/rooms.ts';
import type { IndexEntry } from '../../shared/reports/definition.ts';
import { type ReportKind, reportDefinitionOf } from '../../shared/reports/registry.ts';
import type { Storage } from '../storage/store.ts';

export interface ReportEntry {
  kind: ReportKind;
  entry: IndexEntry;
}

/** A report's kind and index entry, or undefined while the relay holds no content of a kind it knows. */
export async function reportIndexEntry(store: Storage, reportId: string): Promise<ReportEntry | undefined> {
  const doc = new Y.Doc();
  try {
    const updates = await store.load(roomName(reportId));
    Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)));
    const definition = reportDefinitionOf(doc);
    return definition ? { kind: definition.kind, entry: definition.index(doc) } : undefined;
  } finally {
    doc.destroy();
  }
}
