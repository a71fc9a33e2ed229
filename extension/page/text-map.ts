// The text of a rich-text field as one string, and the way back from an offset in that string to a
// place in the field's text nodes, so findings (offsets) become ranges (DOM positions). Kept free of
// the DOM: pieces name their node by whatever type the caller uses.

export interface TextPiece<N> {
  /** The text node this text comes from, or null for a line break put in between blocks. */
  node: N | null;
  text: string;
}

export interface Position<N> {
  node: N;
  offset: number;
}

export interface TextMap<N> {
  text: string;
  /** Where the character at `offset` starts (edge 'start') or the one before it ends (edge 'end'). */
  locate(offset: number, edge: 'start' | 'end'): Position<N> | null;
  /** The way back: the offset in the text of a place in one of the nodes, or null if the node is not one of them. */
  offsetOf(node: N, offset: number): number | null;
}

export function createTextMap<N>(pieces: TextPiece<N>[]): TextMap<N> {
  const starts: number[] = [];
  let length = 0;
  for (const piece of pieces) {
    starts.push(length);
    length += piece.text.length;
  }
  return {
    text: pieces.map((piece) => piece.text).join(''),
    locate(offset, edge) {
      // The last piece that starts before the offset ('end') or at or before it ('start').
      for (let index = pieces.length - 1; index >= 0; index--) {
        const start = starts[index]!;
        const piece = pieces[index]!;
        const inside =
          edge === 'start'
            ? start <= offset && offset < start + piece.text.length
            : start < offset && offset <= start + piece.text.length;
        if (inside) return piece.node === null ? null : { node: piece.node, offset: offset - start };
      }
      return null;
    },
    offsetOf(node, offset) {
      const index = pieces.findIndex((piece) => piece.node === node);
      return index < 0 ? null : starts[index]! + Math.min(offset, pieces[index]!.text.length);
    },
  };
}
