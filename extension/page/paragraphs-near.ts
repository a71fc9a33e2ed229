// Which paragraphs of a long field are on screen or close to it, so those are checked first and the
// ones far away wait until they come near. Kept free of the DOM: the caller measures each paragraph's
// box (in viewport coordinates) and the part of the screen the field shows.

/** A stretch of the screen, top to bottom, in CSS pixels from the viewport's top. */
export interface Band {
  top: number;
  bottom: number;
}

/** Paragraphs from..to-1 (to is past the last); empty when from === to. */
export interface ParagraphSpan {
  from: number;
  to: number;
}

/**
 * The band in which paragraphs count as near: the part of the viewport the field's box shows (its own
 * scroll included, since its box clips what it scrolls), widened by `margin` above and below.
 * A field wholly off screen still has a band reaching `margin` towards it, or none.
 */
export function nearBand(viewport: Band, field: Band, margin: number): Band | null {
  const top = Math.max(viewport.top, field.top) - margin;
  const bottom = Math.min(viewport.bottom, field.bottom) + margin;
  return top <= bottom ? { top, bottom } : null;
}

/**
 * The paragraphs whose boxes reach into the band. Paragraphs are laid out top to bottom, so the first
 * is found by halving and only the near ones and their neighbours are measured, however long the field.
 */
export function paragraphsNear(count: number, boxOf: (index: number) => Band, band: Band | null): ParagraphSpan {
  if (!band) return { from: 0, to: 0 };
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (boxOf(middle).bottom < band.top) low = middle + 1;
    else high = middle;
  }
  let to = low;
  while (to < count && boxOf(to).top <= band.bottom) to++;
  return { from: low, to };
}
