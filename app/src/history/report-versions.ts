// The report as one of its decisions found it, read from the relay (GET /api/reports/<id>/versions/<n>) with the
// report's token and kept for the page's life: a kept version never changes. What each field said is read from it.
import * as Y from 'yjs';
import { fragmentText, textField } from '../../../shared/doc/index.ts';
import type { FreeTextField } from '../../../shared/forms/fields.ts';
import { relayApi } from '../sync/relay-api.ts';

const read = new Map<string, Promise<Y.Doc>>();

export function reportVersion(reportId: string, token: string, version: number): Promise<Y.Doc> {
  const key = `${reportId} ${version} ${token}`;
  let found = read.get(key);
  if (!found) {
    found = relayApi.version(reportId, token, version).then(({ update }) => {
      const doc = new Y.Doc();
      Y.applyUpdate(
        doc,
        Uint8Array.from(atob(update), (character) => character.charCodeAt(0)),
      );
      return doc;
    });
    // A failure (offline, say) is not kept: asking again tries the relay again.
    found.catch(() => read.delete(key));
    read.set(key, found);
  }
  return found;
}

/** Each free-text field of a version with its label, as paragraphs. */
export function versionFields(doc: Y.Doc, fields: readonly FreeTextField[]): { label: string; paragraphs: string[] }[] {
  return fields.map((field) => ({
    label: field.label,
    paragraphs: fragmentText(textField(doc, field.key))
      .split('\n')
      .filter((paragraph) => paragraph.trim() !== ''),
  }));
}
