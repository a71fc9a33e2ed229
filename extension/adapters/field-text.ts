// Reading a field's text and selecting part of it, for any kind of field: a textarea or input by its
// value, a rich-text editor by its text nodes (page/fields.ts, so offsets match what is checked).
import { checkableField } from '../page/fields.ts';

type ValueField = HTMLTextAreaElement | HTMLInputElement;

export function isValueField(element: HTMLElement): element is ValueField {
  const tag = element.tagName.toLowerCase();
  return tag === 'textarea' || tag === 'input';
}

export function readFieldText(element: HTMLElement): string {
  return isValueField(element) ? element.value : checkableField(element).read().text;
}

/** Focuses the field, scrolls it into view and selects text[start..end] if it is still what was found. */
export function focusFieldText(element: HTMLElement, start: number, end: number, expected: string): void {
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
  if (isValueField(element)) {
    if (element.value.slice(start, end) === expected) element.setSelectionRange(start, end);
    return;
  }
  const { text, rangeFor } = checkableField(element).read();
  const range = text.slice(start, end) === expected ? rangeFor(start, end) : null;
  if (!range) return;
  const selection = element.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}
