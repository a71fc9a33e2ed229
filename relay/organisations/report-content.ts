// What the relay reads from a registered report's own content for its organisation's lists: its title and kind, its
// learners, and everyone it names (for the organisation's words). Read from the stored updates each time: only for
// members whose membership opens the report (member-reports.ts, words.ts).
import * as Y from 'yjs';
import { roomName } from '../../shared/protocol/rooms.ts';
import { reportDefinitionOf, reportTitle } from '../../shared/reports/registry.ts';
import {
  isSessionReportDoc,
  readSessionReport,
  type SessionReportDraft,
} from '../../shared/reports/session-report/doc.ts';
import type { Storage } from '../storage/store.ts';

export interface ReportContentFacts {
  title: string;
  /** The kind's name as people read it ("Session report"). */
  kind: string;
  /** The kind's id ("session-report", "termly-review"). */
  kindId: string;
  learners: string[];
  /** The learners and the other people it names (a teacher, a tutor observed). */
  people: string[];
  /** The others it names, not its learners (a termly review's teacher). */
  named: string[];
  /** The date lists sort by (a session's, a termly review's due date), when it says. */
  date?: string;
}

/** A report's free-text fields that are not internal, as plain paragraphs (what a client may read of it). */
export interface ReadableField {
  label: string;
  paragraphs: string[];
}

/** The text of one paragraph of a free-text field, without its marks. */
export function paragraphText(element: Y.XmlElement | Y.XmlText): string {
  if (element instanceof Y.XmlText)
    return (element.toDelta() as { insert: unknown }[])
      .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
  return element
    .toArray()
    .map((child) => (child instanceof Y.XmlText || child instanceof Y.XmlElement ? paragraphText(child) : ''))
    .join('');
}

/**
 * The report's title, kind and its fields a client may read (never an internal one), or undefined while the relay
 * holds no content of a kind it knows.
 */
export async function readableContent(
  store: Storage,
  reportId: string,
): Promise<{ title: string; kind: string; learners: string[]; fields: ReadableField[] } | undefined> {
  const doc = new Y.Doc();
  try {
    const updates = await store.load(roomName(reportId));
    Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)));
    const definition = reportDefinitionOf(doc);
    if (!definition) return undefined;
    const fields = definition.textFields
      .filter((field) => !field.internal)
      .map((field) => ({
        label: field.label,
        paragraphs: doc
          .getXmlFragment(field.key)
          .toArray()
          .map((child) => (child instanceof Y.XmlText || child instanceof Y.XmlElement ? paragraphText(child) : ''))
          .filter((text) => text.trim() !== ''),
      }))
      .filter((field) => field.paragraphs.length > 0);
    return {
      title: reportTitle(doc),
      kind: definition.label,
      learners: definition.index(doc).learners.map((learner) => learner.name),
      fields,
    };
  } finally {
    doc.destroy();
  }
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
      kindId: definition.kind,
      learners,
      people: [...learners, ...(entry.people?.names ?? [])],
      named: (entry.people?.names ?? []).filter((name) => name.trim() !== ''),
      ...(entry.date ? { date: entry.date } : {}),
    };
  } finally {
    doc.destroy();
  }
}

/** A session report's content as plain values (for its timesheet row), or undefined when it is not a session report. */
export async function sessionReportContent(store: Storage, reportId: string): Promise<SessionReportDraft | undefined> {
  const doc = new Y.Doc();
  try {
    const updates = await store.load(roomName(reportId));
    Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)));
    return isSessionReportDoc(doc) ? readSessionReport(doc) : undefined;
  } finally {
    doc.destroy();
  }
}
