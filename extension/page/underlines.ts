// What draws one field's underlines: the CSS Highlight API for rich-text fields (highlights.ts), a
// mirror overlay for text controls (mirror-overlay.ts). Both leave the field's own DOM untouched.
import type { Finding } from '../../shared/checks/finding.ts';
import type { FieldText } from './fields.ts';

export interface Underlines {
  /** Replaces what is underlined in the field with these findings of its text. */
  draw(findings: readonly Finding[], text: FieldText): void;
  /** Where a finding is on screen, to put its suggestion list beside it. */
  rectOf(finding: Finding): DOMRect | null;
  clear(): void;
}
