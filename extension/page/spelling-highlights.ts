// Draws the spelling underlines with the CSS Custom Highlight API: one highlight, named
// margin-spelling, holding every field's ranges; spelling.css gives it its wavy red underline.
// Nothing is added to the page's DOM, so editors such as ProseMirror never see the underlines.

export const SPELLING_HIGHLIGHT = 'margin-spelling';

export interface SpellingHighlights {
  /** Replaces what is underlined in one field. */
  draw(field: Element, ranges: Range[]): void;
  clear(field: Element): void;
  /** How many words are underlined on the page. */
  count(): number;
}

export function createSpellingHighlights(): SpellingHighlights {
  // Browsers without the API (before Chrome 105) still check, but cannot draw.
  const highlight = typeof Highlight === 'function' && 'highlights' in CSS ? new Highlight() : undefined;
  if (highlight) CSS.highlights.set(SPELLING_HIGHLIGHT, highlight);
  const drawn = new Map<Element, Range[]>();

  const clear = (field: Element) => {
    for (const range of drawn.get(field) ?? []) highlight?.delete(range);
    drawn.delete(field);
  };
  return {
    draw(field, ranges) {
      clear(field);
      if (!highlight) return;
      for (const range of ranges) highlight.add(range);
      drawn.set(field, ranges);
    },
    clear,
    count: () => [...drawn.values()].reduce((total, ranges) => total + ranges.length, 0),
  };
}
