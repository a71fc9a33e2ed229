// Free-text fields are Y.XmlFragments holding <paragraph> elements of plain text, the shape
// Tiptap's Collaboration extension reads and writes. These helpers read and write them as strings.
import * as Y from 'yjs';

export const paragraphNode = 'paragraph';

/** The field's text: one line per paragraph, joined with "\n". Its length is what the 1,024 limit counts. */
export function fragmentText(fragment: Y.XmlFragment): string {
  return fragment.toArray().map(plainText).join('\n');
}

function plainText(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    return node
      .toDelta()
      .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
  }
  if (node instanceof Y.XmlElement) return node.toArray().map(plainText).join('');
  return '';
}

/** Replace the field's text, one paragraph per line. */
export function setFragmentText(fragment: Y.XmlFragment, text: string): void {
  const apply = () => {
    fragment.delete(0, fragment.length);
    const paragraphs = text.split('\n').map((line) => {
      const paragraph = new Y.XmlElement(paragraphNode);
      if (line.length > 0) paragraph.insert(0, [new Y.XmlText(line)]);
      return paragraph;
    });
    fragment.insert(0, paragraphs);
  };
  if (fragment.doc) fragment.doc.transact(apply);
  else apply();
}
