// What the relay reads from a registered report's own content for its organisation's lists: its title and kind, its
// learners, and everyone it names (for the organisation's words). Read from the stored updates each time: only for
// members whose membership opens the report (member-reports.ts, words.ts).
import * as Y from 'yjs';
import { roomName } from '../../shared/protocol/rooms.ts';
import { reportDefinitionOf, reportTitle } from '../../shared/reports/registry.ts';
import type { Storage } from '../storage/store.ts';

export interface ReportContentFacts {
  title: string;
  /** The kind's name as people read it ("Session report"). */
  kind: string;
  learners: string[];
  /** The learners and the other people it names (a teacher, a tutor observed). */
  people: string[];
}

/** The report's facts, or undefined while the relay holds no content for it (or content of no kind it knows). */
export async function reportContentFacts(store: Storage, reportId: string): Promise<ReportContentFacts | undefined> {
  const doc = new Y.Doc();
  try {
    const updates = await store.load(roomName(reportId));
    Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)));
    const definition = reportDefinitionOf(doc);
    if (!definition) return undefined;
    const entry = definition.index(doc);
    const learners = entry.learners.map((learner) => learner.name);
    return {
      title: reportTitle(doc),
      kind: definition.label,
      learners,
      people: [...learners, ...(entry.people?.names ?? [])],
    };
  } finally {
    doc.destroy();
  }
}
