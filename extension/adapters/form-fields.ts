// Reading any page's fields the way a person does: which hold free text, what each is labelled, and a
// name for each that survives a reload. Uses only plain DOM calls (attributes, closest, text), so the
// adapters that build on it run on any page and in tests on a parsed page.
import type { FieldRole } from '../../shared/checks/context.ts';
import { fieldRole } from '../../shared/checks/field-role.ts';
import { appCheckedSelector } from '../../shared/protocol/app-and-extension.ts';
import type { FormField } from './site-adapter.ts';

const textInputTypes = new Set(['', 'text', 'search']);

/** Whether the element is a field the user writes free text in: a textarea, a text input or a rich-text editor, editable and not opted out of checks. */
export function isFreeTextField(element: Element): element is HTMLElement {
  const tag = element.tagName.toLowerCase();
  const textual =
    tag === 'textarea' ||
    (tag === 'input' && textInputTypes.has((element.getAttribute('type') ?? '').toLowerCase())) ||
    (isEditableRoot(element) && !element.parentElement?.closest(editableSelector));
  if (!textual) return false;
  if (
    element.hasAttribute('disabled') ||
    element.hasAttribute('readonly') ||
    element.closest('[hidden], fieldset[disabled]')
  )
    return false;
  return element.closest('[spellcheck]')?.getAttribute('spellcheck')?.toLowerCase() !== 'false';
}

const editableSelector = '[contenteditable]:not([contenteditable="false"])';
function isEditableRoot(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

export function freeTextFieldsIn(scope: ParentNode): HTMLElement[] {
  return [...scope.querySelectorAll('textarea, input, [contenteditable]')].filter(isFreeTextField);
}

/** Margin's app checks its own fields and marks them so. */
export const isCheckedByMarginApp = (element: Element) => element.closest(appCheckedSelector) !== null;

/** The field's label: aria-labelledby, aria-label, a <label>, then its title or placeholder. */
export function labelOf(element: Element): string {
  const document = element.ownerDocument;
  const labelledBy = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  const candidates = [
    labelledBy.map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
    element.getAttribute('aria-label') ?? '',
    [...document.querySelectorAll('label[for]')]
      .filter((label) => element.id !== '' && label.getAttribute('for') === element.id)
      .map((label) => label.textContent ?? '')
      .join(' '),
    textOutside(element.closest('label'), element),
    element.getAttribute('title') ?? '',
    element.getAttribute('placeholder') ?? '',
  ];
  return candidates.map(tidy).find(Boolean) ?? '';
}

function textOutside(container: Element | null, inner: Element): string {
  if (!container) return '';
  let text = '';
  const visit = (node: Node) => {
    if (node === inner) return;
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    node.childNodes.forEach(visit);
  };
  visit(container);
  return text;
}

const tidy = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/\s*\d+\s*\/\s*\d+\s*$/, '')
    .replace(/[\s:*]+$/, '')
    .trim();

/** A name for the field that is the same after a reload: its id, its name, its label, else its place among the page's fields. */
export function fieldKey(element: Element): string {
  const named = element.id || element.getAttribute('name') || labelOf(element);
  if (named) return named;
  const all = freeTextFieldsIn(element.ownerDocument);
  return `${element.tagName.toLowerCase()}#${all.indexOf(element as HTMLElement) + 1}`;
}

/** The field's role from its key, else from its label read as a key ("Comment to the agency" reads as commentToTheAgency). */
export function roleOf(key: string, label: string): FieldRole {
  const fromKey = fieldRole({ field: key });
  return fromKey !== 'other' ? fromKey : fieldRole({ field: asKey(label) });
}

const asKey = (label: string) =>
  label
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word, index) => (index === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase()))
    .join('');

/** The maxlength the page gives the field, if any. */
export function limitOf(element: Element): number | undefined {
  const limit = Number(element.getAttribute('maxlength'));
  return Number.isInteger(limit) && limit > 0 ? limit : undefined;
}

/** A field as the generic reading sees it; adapters that know better override the role or limit. */
export function describeField(element: HTMLElement, known: Partial<Pick<FormField, 'role' | 'limit'>> = {}): FormField {
  const key = fieldKey(element);
  const label = labelOf(element) || key;
  return { element, key, label, role: known.role ?? roleOf(key, label), limit: known.limit ?? limitOf(element) };
}
