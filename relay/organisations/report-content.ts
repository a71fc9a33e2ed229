// What a client contact reads of an approved report in their learner's record: its fields that are not internal, as
// plain paragraphs, read from the stored updates (member-reports.ts). Lists never open reports: they read the report
// directory (relay/directory/).
import * as Y from 'yjs';
import { roomName } from '../../shared/protocol/rooms.ts';
import { reportDefinitionOf, reportTitle } from '../../shared/reports/registry.ts';
import type { Storage } from '../storage/store.ts';

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
