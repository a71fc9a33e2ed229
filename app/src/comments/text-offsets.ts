// From a ProseMirror position in a free-text field to an offset into the field's text (paragraphs joined with
// "\n", as shared/doc/text-fragment.ts reads it); editor/field-text.ts goes the other way.
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

export function offsetAt(doc: ProseMirrorNode, position: number): number {
  let offset = 0;
  let found: number | undefined;
  doc.forEach((paragraph, start) => {
    if (found !== undefined) return;
    const contentStart = start + 1;
    const length = paragraph.content.size;
    if (position <= contentStart + length) found = offset + Math.max(0, position - contentStart);
    else offset += length + 1;
  });
  return found ?? Math.max(0, offset - 1);
}
