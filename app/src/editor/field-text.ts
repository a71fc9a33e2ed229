// A field's text as the checks and the comments see it (paragraphs joined by "\n", laid out by
// shared/doc/text-fragment.ts as for the field's Yjs fragment), and the ways between an offset in that
// text and a ProseMirror position, so findings and comment anchors become decorations and back.
import type { Node } from '@tiptap/pm/model';
import { layOutField } from '../../../shared/doc/text-fragment.ts';

export interface FieldText {
  text: string;
  /** The document position of a text offset (the end of a paragraph for its "\n"). */
  positionOf(offset: number): number;
  /** The text offset of a document position; positions outside the text are its first or last place. */
  offsetAt(position: number): number;
}

export function fieldText(doc: Node): FieldText {
  /** Each paragraph is named by the position of its first character. */
  const paragraphs: { paragraph: number; text: string }[] = [];
  doc.forEach((block, blockPosition) => paragraphs.push({ paragraph: blockPosition + 1, text: block.textContent }));
  const layout = layOutField(paragraphs);
  return {
    text: layout.text,
    positionOf(offset) {
      const found = layout.locate(offset);
      return found ? found.span.paragraph + found.index : 0;
    },
    offsetAt(position) {
      const span = layout.spans.find((s) => position <= s.paragraph + s.length) ?? layout.spans.at(-1);
      return span ? span.start + Math.max(0, Math.min(position - span.paragraph, span.length)) : 0;
    },
  };
}
