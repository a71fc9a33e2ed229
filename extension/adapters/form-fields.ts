// Reading any page's fields the way a person does: what each is labelled, what it is for, and a name for
// each that survives a reload (which fields hold free text is page/free-text-field.ts). Uses only plain
// DOM calls (attributes, closest, text), so the adapters that build on it run on any page and in tests
// on a parsed page.
import type { FieldRole } from '../../shared/checks/context.ts';
import { fieldRole } from '../../shared/checks/field-role.ts';
import { freeTextFieldsIn, frameOfBody, isFreeTextField, isTextControlTag } from '../page/free-text-field.ts';
import type { FormField } from './site-adapter.ts';

/**
 * The field's label: aria-labelledby, aria-label, a <label>, then its title or placeholder. An editor in a
 * frame is labelled as the text control it stands in for.
 */
export function labelOf(element: Element): string {
  const replaced = replacedControl(element);
  if (replaced) return labelOf(replaced);
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

/**
 * A name for the field that is the same after a reload: its id, its name, its label, else its place among the
 * page's fields. An editor in a frame is named as the text control it stands in for (the body of every
 * TinyMCE editor has the same id).
 */
export function fieldKey(element: Element): string {
  const replaced = replacedControl(element);
  if (replaced) return fieldKey(replaced);
  const named = element.id || element.getAttribute('name') || labelOf(element);
  if (named) return named;
  const all = freeTextFieldsIn(element.ownerDocument);
  return `${element.tagName.toLowerCase()}#${all.indexOf(element as HTMLElement) + 1}`;
}

/**
 * The text control an editor in a frame stands in for: TinyMCE and CKEditor 4 hide the textarea they replace
 * just before their own box, which holds the frame a few levels down. Null for any other field.
 */
function replacedControl(element: Element): Element | null {
  let at: Element | null = frameOfBody(element);
  for (let level = 0; at && level < 6; level++, at = at.parentElement) {
    const before = at.previousElementSibling;
    if (before && isTextControlTag(before) && !isFreeTextField(before)) return before;
  }
  return null;
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
