// Which text fields on a page are checked, and how each kind is read, watched and drawn on.
// A rich-text field (contenteditable, which includes Tiptap/ProseMirror editors) is read from its text
// nodes so its findings can be drawn; a textarea is read from its value and, until it has a mirror
// overlay, is checked but not drawn (the Highlight API paints nothing inside a textarea).
import { createTextMap, type TextMap, type TextPiece } from './text-map.ts';

export interface FieldText {
  text: string;
  /** The DOM range of text[start..end], or null where the field cannot be drawn on. */
  rangeFor(start: number, end: number): Range | null;
}

export interface CheckableField {
  element: HTMLElement;
  read(): FieldText;
  /** Calls back whenever the field's text may have changed, by typing or by script (e.g. a collaborator's edit). */
  watch(changed: () => void): () => void;
}

const FIELD_SELECTOR = 'textarea, [contenteditable]';

export function findCheckableFields(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FIELD_SELECTOR)].filter(isCheckable);
}

/** Margin's app checks its own fields and marks them so (data-margin-checks="app"): they are left to it. */
export const APP_CHECKED_SELECTOR = '[data-margin-checks="app"]';

/** A field the user has asked to be checked: editable, enabled, not checked by Margin's app and not opted out with spellcheck="false". */
export function isCheckable(element: HTMLElement): boolean {
  if (element.closest(APP_CHECKED_SELECTOR)) return false;
  if (element.closest('[spellcheck]')?.getAttribute('spellcheck')?.toLowerCase() === 'false') return false;
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.matches(':disabled');
  // Only the outermost editable element is a field; what is inside it is its content.
  return element.isContentEditable && !element.parentElement?.isContentEditable;
}

export function checkableField(element: HTMLElement): CheckableField {
  return element instanceof HTMLTextAreaElement ? textareaField(element) : richTextField(element);
}

function textareaField(element: HTMLTextAreaElement): CheckableField {
  return {
    element,
    read: () => ({ text: element.value, rangeFor: () => null }),
    watch(changed) {
      element.addEventListener('input', changed);
      return () => element.removeEventListener('input', changed);
    },
  };
}

function richTextField(element: HTMLElement): CheckableField {
  return {
    element,
    read() {
      const map = readTextMap(element);
      return { text: map.text, rangeFor: (start, end) => rangeFor(map, start, end) };
    },
    watch(changed) {
      const observer = new MutationObserver(changed);
      observer.observe(element, { characterData: true, childList: true, subtree: true });
      return () => observer.disconnect();
    },
  };
}

function rangeFor(map: TextMap<Text>, start: number, end: number): Range | null {
  const from = map.locate(start, 'start');
  const to = map.locate(end, 'end');
  if (!from || !to) return null;
  const range = new Range();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

// Elements that start a new line, so words in two paragraphs are not read as one.
const BLOCK_TAGS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TD TH TR UL'.split(' '),
);

function readTextMap(root: HTMLElement): TextMap<Text> {
  const pieces: TextPiece<Text>[] = [];
  const visit = (node: Node) => {
    if (node instanceof Text) {
      pieces.push({ node, text: node.data });
      return;
    }
    if (!(node instanceof HTMLElement)) return;
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
