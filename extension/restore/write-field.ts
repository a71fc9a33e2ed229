// Puts text into a field the way typing would, so the page's own framework (React, Vue, ProseMirror)
// sees the change: in a rich-text field, first the beforeinput a browser's own replacement fires, which
// editors with a model of their own (CKEditor 5) take; else the browser's own insertText editing
// command, which fires input; or, where a page refuses it, the native value setter followed by an input event.
import { isValueField, readFieldText } from '../adapters/field-text.ts';
import { replacementInput } from '../page/fields.ts';
import { announceUndoStep } from '../page/undo-steps.ts';

export function writeFieldText(element: HTMLElement, text: string): void {
  const rich = !isValueField(element);
  // CKEditor 4 keeps undo steps from keys only: restored text is a step of its own (page/undo-steps.ts).
  if (rich) announceUndoStep(element);
  write(element, text);
  if (rich) announceUndoStep(element);
}

function write(element: HTMLElement, text: string): void {
  const document = element.ownerDocument;
  element.focus();
  if (isValueField(element)) element.select();
  else {
    document.getSelection()?.selectAllChildren(element);
    // An editor with a model of its own (CKEditor 5) takes the text from the beforeinput and cancels it.
    const all = document.createRange();
    all.selectNodeContents(element);
    if (!element.dispatchEvent(replacementInput('beforeinput', all, text))) return;
  }
  const inserted = document.execCommand('insertText', false, text);
  if (inserted && (!isValueField(element) || element.value === text)) return;
  if (isValueField(element)) {
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element) as object, 'value')?.set?.call(element, text);
  } else if (readFieldText(element).trim() === '') {
    element.textContent = text;
  }
  element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
}
