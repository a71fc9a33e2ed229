// A free-text field's ProseMirror document is a list of paragraphs of plain text; the comments store places
// words by offsets into the field's text (paragraphs joined with "\n", as shared/doc/text-fragment.ts reads
// it). These two functions turn one into the other.
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** The offset into the field's text of a ProseMirror position. */
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

/** The ProseMirror position of an offset into the field's text. */
export function positionAt(doc: ProseMirrorNode, offset: number): number {
  let remaining = offset;
  let found: number | undefined;
  doc.forEach((paragraph, start) => {
    if (found !== undefined) return;
    const length = paragraph.content.size;
    if (remaining <= length) found = start + 1 + remaining;
    else remaining -= length + 1;
  });
  return found ?? Math.max(0, doc.content.size - 1);
}
