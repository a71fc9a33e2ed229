// How the content script is extended: each feature (the personal dictionary handover here; the site
// adapters, the "Before you submit" panel and the restore of lost work elsewhere) is a PageFeature in
// the list in features.ts. It is started once per page with a MarginPage, which lets it read every
// checked field and its findings, follow them as they change, and say which form field an element is
// (so objective prompts apply to the right field). It returns how to stop it, if it has anything to stop.
import type { CheckContext } from '../../shared/checks/context.ts';
import type { Finding } from '../../shared/checks/finding.ts';
import type { CheckReply } from '../messages.ts';

export interface CheckedField {
  element: HTMLElement;
  kind: 'text-control' | 'rich-text';
  text(): string;
  /** The latest findings for the field's text, without those the user ignored or switched off. */
  findings(): readonly Finding[];
}

/** Says which form field an element is, or undefined to leave it to other describers (or none). */
export type FieldDescriber = (element: HTMLElement) => CheckContext | undefined;

export interface MarginPage {
  document: Document;
  /** Every field being checked now. */
  fields(): CheckedField[];
  /** Calls back each time a field's findings are updated. */
  onFindings(listener: (field: CheckedField) => void): () => void;
  /** Adds a describer; fields are checked again with what it says. */
  describeFields(describer: FieldDescriber): () => void;
  /** Checks every field now; resolves when all have answered. */
  checkAgain(): Promise<void>;
  /** Checks any text with the extension's checker (settings and personal dictionary applied). */
  check(text: string, context?: CheckContext): Promise<CheckReply>;
}

export interface PageFeature {
  name: string;
  start(page: MarginPage): (() => void) | undefined;
}
