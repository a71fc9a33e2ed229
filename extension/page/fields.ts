// How each kind of free-text field (free-text-field.ts says which elements are) is read, written to and
// asked where its caret is; page-fields.ts follows their changes. Two kinds: text controls (textarea,
// one-line text inputs), read from their value, and rich-text fields (contenteditable, which includes
// Tiptap/ProseMirror and CKEditor 5 editors), read from their text nodes. Writing always goes through the
// field's own input path, so the page's script sees it.
import { createTextMap, type TextMap, type TextPiece } from './text-map.ts';
import { announceUndoStep } from './undo-steps.ts';

export interface FieldText {
  text: string;
  /** The DOM range of text[start..end] in a rich-text field; null in a text control or where it cannot be found. */
  rangeFor(start: number, end: number): Range | null;
}

export type TextControl = HTMLTextAreaElement | HTMLInputElement;

export interface CheckableField {
  element: HTMLElement;
  kind: 'text-control' | 'rich-text';
  read(): FieldText;
  /** Where the caret is, as an offset in the text read(), or null when it is not in the field or not collapsed. */
  caretOffset(): number | null;
  /** Replaces text[start..end] as if the user had typed it; false if the text there is not what it was. */
  replace(start: number, end: number, expected: string, replacement: string): boolean;
}

export function isTextControl(element: Element): element is TextControl {
  return element.tagName === 'TEXTAREA' || element.tagName === 'INPUT';
}

export function checkableField(element: HTMLElement): CheckableField {
  return isTextControl(element) ? textControlField(element) : richTextField(element);
}

function textControlField(element: TextControl): CheckableField {
  return {
    element,
    kind: 'text-control',
    read: () => ({ text: element.value, rangeFor: () => null }),
    caretOffset() {
      if (element.ownerDocument.activeElement !== element || element.selectionStart !== element.selectionEnd)
        return null;
      return element.selectionStart;
    },
    replace(start, end, expected, replacement) {
      if (element.value.slice(start, end) !== expected) return false;
      const { ownerDocument: document } = element;
      element.focus();
      element.setSelectionRange(start, end);
      // execCommand goes through the browser's own editing, so beforeinput, input and undo all work.
      const typed =
        replacement === '' ? document.execCommand('delete') : document.execCommand('insertText', false, replacement);
      if (!typed || element.value.slice(start, start + replacement.length) !== replacement) {
        element.setRangeText(replacement, start, end, 'end');
        element.dispatchEvent(
          new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }),
        );
      }
      return true;
    },
  };
}

function richTextField(element: HTMLElement): CheckableField {
  return {
    element,
    kind: 'rich-text',
    read() {
      const map = readTextMap(element);
      return { text: map.text, rangeFor: (start, end) => rangeFor(map, start, end) };
    },
    caretOffset() {
      const selection = element.ownerDocument.getSelection();
      if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return null;
      const { startContainer, startOffset } = selection.getRangeAt(0);
      if (!element.contains(startContainer)) return null;
      const place = isText(startContainer)
        ? { node: startContainer, offset: startOffset }
        : textAt(startContainer, startOffset);
      return place ? readTextMap(element).offsetOf(place.node, place.offset) : null;
    },
    replace(start, end, expected, replacement) {
      const map = readTextMap(element);
      const range = map.text.slice(start, end) === expected ? rangeFor(map, start, end) : null;
      if (!range) return false;
      const document = element.ownerDocument;
      element.focus();
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      // Editors that keep their own model (CKEditor 5, Slate, Lexical) take the change from the beforeinput a
      // browser's own spelling correction fires, and cancel it; the others (ProseMirror, TinyMCE, plain
      // contenteditable) read the browser's own editing: execCommand fires no beforeinput, only the DOM change and input.
      // Editors that keep undo steps only from keys (CKEditor 4) are told through the page's world (undo-steps.ts).
      announceUndoStep(element);
      if (replacement === '') document.execCommand('delete');
      else if (element.dispatchEvent(replacementInput('beforeinput', range, replacement)))
        insertAsReplacement(element, replacement);
      announceUndoStep(element);
      return true;
    },
  };
}

/**
 * The events a browser fires when the user picks its own spelling correction: insertReplacementText, with
 * the new text in its dataTransfer (its data is null), and, before the change, the words it replaces as
 * its target range.
 */
export function replacementInput(type: 'beforeinput' | 'input', range: Range | null, replacement: string): InputEvent {
  const dataTransfer = new DataTransfer();
  dataTransfer.setData('text/plain', replacement);
  return new InputEvent(type, {
    bubbles: true,
    cancelable: type === 'beforeinput',
    composed: true,
    inputType: 'insertReplacementText',
    data: null,
    dataTransfer,
    targetRanges: range ? [new StaticRange(range)] : [],
  });
}

/**
 * Types the replacement over the selection with the browser's own editing, and tells the page it was a
 * replacement, as after the browser's own spelling correction (execCommand's input event says insertText,
 * so it is held back): TinyMCE keeps an undo step for a replacement, none for text inserted without keys.
 */
function insertAsReplacement(element: HTMLElement, replacement: string): void {
  const window = element.ownerDocument.defaultView!;
  const holdBack = (event: Event) => {
    if ((event as InputEvent).inputType === 'insertText') event.stopImmediatePropagation();
  };
  window.addEventListener('input', holdBack, true);
  try {
    element.ownerDocument.execCommand('insertText', false, replacement);
  } finally {
    window.removeEventListener('input', holdBack, true);
  }
  element.dispatchEvent(replacementInput('input', null, replacement));
}

// Node types rather than instanceof: the page reads the fields of its same-origin frames too (an editor's
// iframe), whose nodes belong to the frame's window and are no instances of the page's Text or HTMLElement.
const isText = (node: Node): node is Text => node.nodeType === Node.TEXT_NODE;
const isElement = (node: Node): node is HTMLElement => node.nodeType === Node.ELEMENT_NODE;

/** A caret between elements (e.g. at the start of a paragraph) as a place in the text node after it. */
function textAt(container: Node, offset: number): { node: Text; offset: number } | null {
  const after = container.childNodes[offset];
  const walker = container.ownerDocument!.createTreeWalker(after ?? container, NodeFilter.SHOW_TEXT);
  const first = walker.nextNode();
  return first && isText(first) ? { node: first, offset: 0 } : null;
}

function rangeFor(map: TextMap<Text>, start: number, end: number): Range | null {
  const from = map.locate(start, 'start');
  const to = map.locate(end, 'end');
  if (!from || !to) return null;
  const range = from.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

// Elements that start a new line, so words in two paragraphs are not read as one.
const BLOCK_TAGS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TD TH TR UL'.split(
    ' ',
  ),
);

function readTextMap(root: HTMLElement): TextMap<Text> {
  const pieces: TextPiece<Text>[] = [];
  const visit = (node: Node) => {
    if (isText(node)) {
      pieces.push({ node, text: node.data });
      return;
    }
    if (!isElement(node)) return;
    // Non-editable islands (a collaborator's caret label, a widget) are not the user's text.
    if (node !== root && node.contentEditable === 'false') return;
    const block = BLOCK_TAGS.has(node.tagName);
    if (block) pieces.push({ node: null, text: '\n' });
    node.childNodes.forEach(visit);
    if (block) pieces.push({ node: null, text: '\n' });
  };
  visit(root);
  return createTextMap(pieces);
}
