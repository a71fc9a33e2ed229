// A field's text as the checks see it (paragraphs joined by "\n", as textLength counts it), and the
// way from an offset in that text back to a ProseMirror position, so findings become decorations.
import type { Node } from '@tiptap/pm/model';

export interface FieldText {
  text: string;
  /** The document position of a text offset (the end of a paragraph for its "\n"). */
  positionOf(offset: number): number;
}

export function fieldText(doc: Node): FieldText {
  const starts: { offset: number; position: number; length: number }[] = [];
  const parts: string[] = [];
  let offset = 0;
  doc.forEach((block, blockPosition) => {
    if (starts.length > 0) offset += 1;
    const text = block.textContent;
    starts.push({ offset, position: blockPosition + 1, length: text.length });
    parts.push(text);
    offset += text.length;
  });
  return {
    text: parts.join('\n'),
    positionOf(target) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle]!.offset <= target) low = middle;
        else high = middle - 1;
      }
      const block = starts[low];
      if (!block) return 0;
      return block.position + Math.min(target - block.offset, block.length);
    },
  };
}
