// What a site adapter is: one kind of form or site the extension knows (Margin's report page, the
// agency's session report, any form), saying whether a page is one, which of its fields is which, and
// how the page submits, so "Before you submit" checks the right fields with the right prompts.
import type { FieldRole } from '../../shared/checks/context.ts';

export interface FormField {
  element: HTMLElement;
  /** Stays the same when the page is reloaded: the field's id, else its name, else its label. */
  key: string;
  /** The label as the page shows it, to name the field in the panel and the restore prompt. */
  label: string;
  /** Which prompts apply: objective advice to objectives, comment advice to comments. */
  role: FieldRole;
  /** The most characters the site accepts, where it says. */
  limit?: number;
}

/** How a page submits: a form's submit event (a submit button or Enter), or a click on a button that is not in a form. */
export type SubmitTrigger =
  | { kind: 'form-submit'; form: string }
  | { kind: 'button-click'; button: string; name: RegExp };

export interface SiteAdapter {
  name: string;
  /** The form's name for the checks (shared/checks/context.ts), where the adapter knows it. */
  form?: string;
  matches(document: Document, location: Pick<Location, 'hostname' | 'pathname'>): boolean;
  /** The free-text fields inside `scope` (a submitted form, or the whole page), in page order. */
  fields(scope: ParentNode): FormField[];
  submitTriggers: readonly SubmitTrigger[];
}
