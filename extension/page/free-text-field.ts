// The one test of "is this a field the user writes free text in", shared by the checks as you type,
// "Never lose work" and the site adapters. It reads attributes only, following the browser's own rules
// for them (contenteditable inherits, a disabled fieldset disables what is in it but its first legend,
// an unknown input type is text), so it gives the same answer on a parsed page in the unit tests.
import { appCheckedAttribute, appCheckedSelector } from '../../shared/protocol/app-and-extension.ts';

export const FREE_TEXT_SELECTOR = 'textarea, input, [contenteditable]';

/** Attribute changes that can make an element start or stop being a free-text field. */
export const FREE_TEXT_ATTRIBUTES = [
  'contenteditable',
  'readonly',
  'disabled',
  'spellcheck',
  'type',
  'hidden',
  'aria-hidden',
  appCheckedAttribute,
];

/** Margin's app checks its own fields and marks them so: they are left to it. */
export const APP_CHECKED_SELECTOR = appCheckedSelector;

// One-line inputs that hold words: type="text", type="search", or no type or an unknown one (read as "text").
const WORDY_INPUT_TYPES = new Set(['text', 'search']);
const INPUT_TYPES = new Set(
  'button checkbox color date datetime-local email file hidden image month number password radio range reset search submit tel text time url week'.split(
    ' ',
  ),
);

/**
 * A field the user writes words in: a textarea, a one-line text input or the outermost rich-text editor,
 * that can be written in now (not read-only, disabled or hidden), not opted out with spellcheck="false"
 * and not checked by Margin's app. A field hidden from assistive technology (aria-hidden), or a text control
 * hidden by its own style, is one an editor stands in for, as TinyMCE and CKEditor 4 hide the textarea they
 * replace (it holds the text as it was until the form is sent): the editor is the field.
 * Those two also switch the browser's own spelling off on the body of their iframe by default, as Draft.js
 * does on its editable, which says nothing of the site's wishes, so there spellcheck="false" is not read as
 * opting out.
 */
export function isFreeTextField(element: Element): element is HTMLElement {
  if (!holdsWords(element)) return false;
  if (element.closest(`[hidden], [aria-hidden="true"], ${APP_CHECKED_SELECTOR}`)) return false;
  if (isTextControlTag(element) && HIDDEN_BY_STYLE.test(element.getAttribute('style') ?? '')) return false;
  const optedOut = element.closest('[spellcheck]')?.getAttribute('spellcheck')?.toLowerCase() === 'false';
  return !optedOut || isFrameBody(element) || element.matches(SPELLCHECK_OFF_BY_DEFAULT);
}

/** Editables whose editor sets spellcheck="false" unless the site asks otherwise: Draft.js's. */
const SPELLCHECK_OFF_BY_DEFAULT = '.public-DraftEditor-content';

const HIDDEN_BY_STYLE = /(?:^|;)\s*display\s*:\s*none\b/i;

/** The body of a frame's document: an editor's iframe. */
function isFrameBody(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  return element === element.ownerDocument.body && view !== null && view !== view.top;
}

/**
 * The iframe, in the page around it, whose body this field is (an editor's frame, as TinyMCE and CKEditor 4
 * make); null for any other field, or when the page around is another site's.
 */
export function frameOfBody(element: Element): HTMLIFrameElement | null {
  if (!isFrameBody(element)) return null;
  try {
    return (element.ownerDocument.defaultView?.frameElement as HTMLIFrameElement | null) ?? null;
  } catch {
    return null;
  }
}

/**
 * Every free-text field inside `scope`, in page order; with `frames`, also those in the same-origin frames
 * inside it (an editor's iframe, about:blank or srcdoc, as TinyMCE and CKEditor 4 make), in the frame's place.
 */
export function freeTextFieldsIn(scope: ParentNode, { frames = false } = {}): HTMLElement[] {
  const selector = frames ? `${FREE_TEXT_SELECTOR}, iframe` : FREE_TEXT_SELECTOR;
  return [...scope.querySelectorAll(selector)].flatMap((element) => {
    if (element.tagName.toLowerCase() !== 'iframe') return isFreeTextField(element) ? [element] : [];
    const inside = sameOriginDocument(element);
    return inside && !element.closest('[hidden]') ? freeTextFieldsIn(inside, { frames }) : [];
  });
}

/** The frame's document, when the page may read it (same origin); null for a frame from another site. */
function sameOriginDocument(frame: Element): Document | null {
  try {
    return (frame as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

/** A textarea or input, read from its value; anything else is rich text, read from its text nodes. */
export function isTextControlTag(element: Element): boolean {
  const tag = element.tagName.toLowerCase();
  return tag === 'textarea' || tag === 'input';
}

function holdsWords(element: Element): boolean {
  const tag = element.tagName.toLowerCase();
  if (tag === 'input' && !WORDY_INPUT_TYPES.has(inputType(element))) return false;
  if (tag === 'textarea' || tag === 'input') return !element.hasAttribute('readonly') && !isDisabled(element);
  // Only the outermost editable element is a field; what is inside it is its content.
  return isEditable(element) && !(element.parentElement && isEditable(element.parentElement));
}

function inputType(input: Element): string {
  const type = (input.getAttribute('type') ?? '').toLowerCase();
  return INPUT_TYPES.has(type) ? type : 'text';
}

function isDisabled(control: Element): boolean {
  if (control.hasAttribute('disabled')) return true;
  for (
    let fieldset = control.parentElement?.closest('fieldset[disabled]');
    fieldset;
    fieldset = fieldset.parentElement?.closest('fieldset[disabled]')
  ) {
    const legend = [...fieldset.children].find((child) => child.tagName.toLowerCase() === 'legend');
    if (!legend?.contains(control)) return true;
  }
  return false;
}

/** isContentEditable from attributes: the nearest contenteditable decides; an unknown value inherits. */
function isEditable(element: Element): boolean {
  for (let at: Element | null = element; at; at = at.parentElement) {
    const value = at.getAttribute('contenteditable')?.toLowerCase();
    if (value === 'false') return false;
    if (value === '' || value === 'true' || value === 'plaintext-only') return true;
  }
  return false;
}
