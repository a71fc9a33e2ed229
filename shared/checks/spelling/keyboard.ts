// Which keys sit next to each other on a UK QWERTY keyboard: a slip onto a neighbouring key is a
// likelier typo than any other substitution, so it costs less when ranking suggestions.
const rows = ['1234567890-=', 'qwertyuiop[]', "asdfghjkl;'#", '\\zxcvbnm,./'];
// Each row sits about half a key to the right of the one above.
const offsets = [0, 0.5, 0.75, 0.25];

const position = new Map<string, { row: number; column: number }>();
rows.forEach((keys, row) =>
  [...keys].forEach((key, index) => position.set(key, { row, column: index + offsets[row]! })),
);

/** True when the two keys touch (left, right, or the two nearest keys above or below). */
export function areNeighbouringKeys(a: string, b: string): boolean {
  const from = position.get(a.toLowerCase());
  const to = position.get(b.toLowerCase());
  if (!from || !to || a.toLowerCase() === b.toLowerCase()) return false;
  const rowGap = Math.abs(from.row - to.row);
  const columnGap = Math.abs(from.column - to.column);
  return (rowGap === 0 && columnGap === 1) || (rowGap === 1 && columnGap <= 1);
}
