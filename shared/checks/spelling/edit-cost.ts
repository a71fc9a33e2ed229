// How far a misspelling is from a word. boundedEditDistance counts edits (insert, delete, substitute,
// swap two neighbours) and gives up past a bound, to throw out far candidates cheaply; typingCost
// weighs the same edits by how likely a person is to make them, to rank the candidates that are left.
import { areNeighbouringKeys } from './keyboard.ts';

/** Optimal string alignment distance, or bound + 1 as soon as it must exceed the bound. */
export function boundedEditDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  let previousPrevious = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1];
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (same ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, previousPrevious[j - 2]! + 1);
      current[j] = best;
      if (best < rowMinimum) rowMinimum = best;
    }
    if (rowMinimum > bound) return bound + 1;
    [previousPrevious, previous, current] = [previous, current, previousPrevious];
  }
  return previous[b.length]!;
}

const vowels = new Set('aeiouy');
// Letters that stand for the same sound often enough to be confused: licence/license, recieve/receive.
const soundAlike = new Set([
  'cs',
  'sc',
  'ck',
  'kc',
  'sz',
  'zs',
  'ij',
  'ji',
  'gj',
  'jg',
  'fv',
  'vf',
  'mn',
  'nm',
  'td',
  'dt',
  'bp',
  'pb',
]);

function substitutionCost(typed: string, meant: string): number {
  if (vowels.has(typed) && vowels.has(meant)) return 0.55;
  if (soundAlike.has(typed + meant)) return 0.7;
  if (areNeighbouringKeys(typed, meant)) return 0.65;
  return 1;
}

/** The cost of leaving out or adding `letter` where `neighbour` is next to it (doubling is cheap). */
function gapCost(letter: string, before: string | undefined, after: string | undefined): number {
  if (letter === "'" || letter === '-') return 0.3;
  if (letter === before || letter === after) return 0.45;
  if (vowels.has(letter)) return 0.8;
  return 1;
}

/** Weighted optimal string alignment cost of turning `meant` into `typed`. */
export function typingCost(typed: string, meant: string): number {
  const width = meant.length + 1;
  const rows: number[][] = [];
  const first = [0];
  for (let j = 1; j <= meant.length; j++) first.push(first[j - 1]! + gapCost(meant[j - 1]!, meant[j - 2], meant[j]));
  rows.push(first);
  for (let i = 1; i <= typed.length; i++) {
    const row = new Array<number>(width);
    const extra = gapCost(typed[i - 1]!, typed[i - 2], typed[i]);
    row[0] = rows[i - 1]![0]! + extra;
    for (let j = 1; j <= meant.length; j++) {
      const t = typed[i - 1]!;
      const m = meant[j - 1]!;
      let best = Math.min(
        rows[i - 1]![j]! + extra,
        row[j - 1]! + gapCost(m, meant[j - 2], meant[j]),
        rows[i - 1]![j - 1]! + (t === m ? 0 : substitutionCost(t, m)),
      );
      if (i > 1 && j > 1 && t === meant[j - 2] && typed[i - 2] === m) best = Math.min(best, rows[i - 2]![j - 2]! + 0.6);
      row[j] = best;
    }
    rows.push(row);
  }
  return rows[typed.length]![meant.length]!;
}
