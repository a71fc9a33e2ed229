// Takes the writer to words in a field: focuses the field's editor and selects the words, found by their offsets in
// the field's text (paragraphs joined by "\n", as the checks see it) or, when the text has changed since, by the words
// themselves nearest to where they were. Works on the editor's DOM, which ProseMirror reads its selection from, so any
// list on the page (the report's check) can point into any field without holding its editor.

interface TextPiece {
  node: Text;
  /** The offset of the node's first character in the field's text. */
  start: number;
}

/** The field's text nodes with their offsets, leaving out widgets (others' carets, marks) that are not its text. */
function textPieces(root: HTMLElement): { text: string; pieces: TextPiece[] } {
  const pieces: TextPiece[] = [];
  let text = '';
  [...root.children].forEach((paragraph, index) => {
    if (index > 0) text += '\n';
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement?.closest('[contenteditable="false"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      pieces.push({ node, start: text.length });
      text += node.data;
    }
  });
  return { text, pieces };
}

function pointAt(pieces: TextPiece[], offset: number, atEnd: boolean): { node: Text; offset: number } | undefined {
  const piece = pieces.find(
    (p) => offset >= p.start && (atEnd ? offset <= p.start + p.node.length : offset < p.start + p.node.length),
  );
  return piece && { node: piece.node, offset: offset - piece.start };
}

/** Where `words` are in `text`: at `start` if they still are, otherwise the place nearest to it. */
function placeOf(text: string, words: string, start: number): number | undefined {
  if (text.slice(start, start + words.length) === words) return start;
  let nearest: number | undefined;
  for (let at = text.indexOf(words); at !== -1; at = text.indexOf(words, at + 1)) {
    if (nearest === undefined || Math.abs(at - start) < Math.abs(nearest - start)) nearest = at;
  }
  return nearest;
}

/** Focuses the editor with id `fieldId` and selects `words`, found at `start` in its text; false when they are gone. */
export function selectWordsInField(fieldId: string, words: string, start: number): boolean {
  const root = document.getElementById(fieldId);
  if (!root) return false;
  root.scrollIntoView({ block: 'center' });
  root.focus();
  const { text, pieces } = textPieces(root);
  const from = placeOf(text, words, start);
  if (from === undefined) return false;
  const anchor = pointAt(pieces, from, false);
  const head = pointAt(pieces, from + words.length, true);
  if (!anchor || !head) return false;
  const range = document.createRange();
  range.setStart(anchor.node, anchor.offset);
  range.setEnd(head.node, head.offset);
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return true;
}
