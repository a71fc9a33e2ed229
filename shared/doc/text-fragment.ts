// Free-text fields are Y.XmlFragments holding <paragraph> elements of plain text, the shape Tiptap's
// Collaboration extension reads and writes. A field's text is its paragraphs joined with "\n"; `layOutField`
// is the one place that turns paragraphs into offsets of that text, for the Yjs fragment here and for the
// editor's ProseMirror document (app/src/editor/field-text.ts), so checks, limits and comment anchors agree.
import * as Y from 'yjs';

export const paragraphNode = 'paragraph';

/** One paragraph's place in the field's text: `start` is the offset of its first character. */
export interface ParagraphSpan<P> {
  paragraph: P;
  start: number;
  length: number;
}

export interface FieldLayout<P> {
  /** The field's text: one line per paragraph, joined with "\n". Its length is what the 1,024 limit counts. */
  text: string;
  spans: ParagraphSpan<P>[];
  /**
   * The paragraph an offset falls in and the index inside it. The "\n" after a paragraph is its end
   * (index === length); offsets before the text or past it are the text's first or last place.
   */
  locate(offset: number): { span: ParagraphSpan<P>; index: number } | undefined;
}

export function layOutField<P>(paragraphs: readonly { paragraph: P; text: string }[]): FieldLayout<P> {
  const spans: ParagraphSpan<P>[] = [];
  let start = 0;
  for (const { paragraph, text } of paragraphs) {
    spans.push({ paragraph, start, length: text.length });
    start += text.length + 1;
  }
  return {
    text: paragraphs.map((p) => p.text).join('\n'),
    spans,
    locate(offset) {
      // Binary search for the last paragraph starting at or before the offset: fields are checked on every keystroke.
      let low = 0;
      let high = spans.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (spans[middle]!.start <= offset) low = middle;
        else high = middle - 1;
      }
      const span = spans[low];
      return span && { span, index: Math.max(0, Math.min(offset - span.start, span.length)) };
    },
  };
}

/** The Y.XmlTexts a paragraph's characters are in, in order (the editor writes one; another program may write more). */
export function paragraphTexts(node: Y.XmlElement | Y.XmlText | Y.XmlHook): Y.XmlText[] {
  if (node instanceof Y.XmlText) return [node];
  if (node instanceof Y.XmlElement) return node.toArray().flatMap(paragraphTexts);
  return [];
}

/** A Y.XmlText's characters, without formatting or embedded objects (fields hold plain text). */
export function plainText(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

export type FragmentParagraph = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** A field's paragraphs laid out as its text. */
export function fragmentLayout(fragment: Y.XmlFragment): FieldLayout<FragmentParagraph> {
  return layOutField(
    fragment.toArray().map((paragraph) => ({ paragraph, text: paragraphTexts(paragraph).map(plainText).join('') })),
  );
}

/** The field's text: one line per paragraph, joined with "\n". Its length is what the 1,024 limit counts. */
export function fragmentText(fragment: Y.XmlFragment): string {
  return fragmentLayout(fragment).text;
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

/** Deletes a paragraph's characters from `from` to `to` (indexes of its plain text), across its Y.XmlTexts. */
function deleteInParagraph(paragraph: FragmentParagraph, from: number, to: number): void {
  let passed = 0;
  for (const text of paragraphTexts(paragraph)) {
    const length = plainText(text).length;
    const start = Math.max(from - passed, 0);
    const end = Math.min(to - passed, length);
    if (end > start) text.delete(start, end - start);
    passed += length;
  }
}

/** Inserts characters into a paragraph at `index`, in the Y.XmlText holding that place (a new one if it has none). */
function insertInParagraph(paragraph: FragmentParagraph, index: number, words: string): void {
  if (!words) return;
  let passed = 0;
  const texts = paragraphTexts(paragraph);
  for (const text of texts) {
    const length = plainText(text).length;
    if (index <= passed + length) return text.insert(index - passed, words);
    passed += length;
  }
  if (paragraph instanceof Y.XmlElement) paragraph.insert(paragraph.length, [new Y.XmlText(words)]);
}

/**
 * Replaces the field's text from offset `from` to `to` (as `fragmentLayout` counts them) with `words`, as one edit: a
 * range across paragraphs joins them, as deleting a line break in the editor does, and each "\n" in the words splits
 * the paragraph there, as Enter does.
 */
export function replaceInField(fragment: Y.XmlFragment, from: number, to: number, words: string): void {
  const [first = '', ...lines] = words.split('\n');
  if (lines.length === 0) return replaceOnOneLine(fragment, from, to, words);
  const apply = () => {
    replaceOnOneLine(fragment, from, to, first);
    splitParagraph(fragment, from + first.length, lines);
  };
  if (fragment.doc) fragment.doc.transact(apply);
  else apply();
}

/** Ends the paragraph at `offset`: the lines follow as paragraphs of their own, the last with the rest of its words. */
function splitParagraph(fragment: Y.XmlFragment, offset: number, lines: string[]): void {
  const layout = fragmentLayout(fragment);
  const at = layout.locate(offset);
  if (!at) return setFragmentText(fragment, ['', ...lines].join('\n'));
  const rest = paragraphTexts(at.span.paragraph).map(plainText).join('').slice(at.index);
  deleteInParagraph(at.span.paragraph, at.index, at.span.length);
  const paragraphs = lines.map((line, index) => {
    const paragraph = new Y.XmlElement(paragraphNode);
    const text = index === lines.length - 1 ? line + rest : line;
    if (text) paragraph.insert(0, [new Y.XmlText(text)]);
    return paragraph;
  });
  fragment.insert(layout.spans.indexOf(at.span) + 1, paragraphs);
}

function replaceOnOneLine(fragment: Y.XmlFragment, from: number, to: number, words: string): void {
  const layout = fragmentLayout(fragment);
  const start = layout.locate(from);
  const end = layout.locate(to);
  if (!start || !end) {
    // A field with no paragraphs yet: the words are its first.
    if (layout.spans.length === 0 && words) setFragmentText(fragment, words);
    return;
  }
  const apply = () => {
    const first = start.span.paragraph;
    // The words go in before the deleted ones, so a place anchored to a deleted character (another suggestion's)
    // resolves after them, where the deleted words were.
    insertInParagraph(first, start.index, words);
    const after = start.index + words.length;
    if (start.span === end.span) {
      deleteInParagraph(first, after, end.index + words.length);
    } else {
      const last = end.span.paragraph;
      const kept = paragraphTexts(last).map(plainText).join('').slice(end.index);
      deleteInParagraph(first, after, start.span.length + words.length);
      const firstIndex = layout.spans.indexOf(start.span);
      const lastIndex = layout.spans.indexOf(end.span);
      fragment.delete(firstIndex + 1, lastIndex - firstIndex);
      insertInParagraph(first, after, kept);
    }
  };
  if (fragment.doc) fragment.doc.transact(apply);
  else apply();
}
