// Draws rich-text fields' underlines with the CSS Custom Highlight API: one highlight per kind
// (margin-spelling, margin-grammar, margin-prompt) holding every field's ranges; underlines.css
// styles them as the app does. Nothing is added to the page's DOM, so editors such as ProseMirror
// never see the underlines. Browsers without the API (before Chrome 105) still check, but cannot draw.
import type { Finding, FindingKind } from '../../shared/checks/finding.ts';
import { HIGHLIGHT_NAMES } from '../../shared/checks/finding-look.ts';
import type { Underlines } from './underlines.ts';

export function createHighlightUnderlines(): (field: Element) => Underlines {
  const supported = typeof Highlight === 'function' && 'highlights' in CSS;
  const highlights = new Map<FindingKind, Highlight>();
  if (supported) {
    for (const [kind, name] of Object.entries(HIGHLIGHT_NAMES) as [FindingKind, string][]) {
      const highlight = new Highlight();
      CSS.highlights.set(name, highlight);
      highlights.set(kind, highlight);
    }
  }

  return () => {
    let drawn: { finding: Finding; range: Range }[] = [];
    const clear = () => {
      for (const { finding, range } of drawn) highlights.get(finding.kind)?.delete(range);
      drawn = [];
    };
    return {
      draw(findings, text) {
        clear();
        for (const finding of findings) {
          const range = text.rangeFor(finding.start, finding.end);
          if (!range) continue;
          highlights.get(finding.kind)?.add(range);
          drawn.push({ finding, range });
        }
      },
      rectOf: (finding) => drawn.find((entry) => entry.finding === finding)?.range.getBoundingClientRect() ?? null,
      clear,
    };
  };
}
