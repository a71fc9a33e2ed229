// The colour a person's caret, selection and name tag are drawn in. It comes from their name, so the same person
// has the same colour on every device and every day. Each colour carries white text at 4.5:1 or better and stands
// out at 3:1 or better against the fields' backgrounds (WCAG AA), which colour.test.ts checks.

export const personColours = [
  '#b91c1c',
  '#1d4ed8',
  '#047857',
  '#7e22ce',
  '#c2410c',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
  '#a16207',
  '#4338ca',
] as const;

/** A colour for `name` from the palette, always the same for the same name. */
export function personColour(name: string): string {
  // FNV-1a: small, and spreads similar names ("Ann", "Anne") over the palette.
  let hash = 0x811c9dc5;
  for (const character of name.trim().toLowerCase()) {
    hash ^= character.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return personColours[(hash >>> 0) % personColours.length];
}

/**
 * Colours for the people in a report at once, by key: each keeps their own colour (personColour) unless someone
 * before them in name order has it already; then they take the next free one in the palette. Everyone who sees the
 * same people works out the same colours, and two people are told apart even when their names hash alike (while
 * there are no more people than colours).
 */
export function distinctColours(people: readonly { key: string; name: string }[]): Map<string, string> {
  const colours = new Map<string, string>();
  const taken = new Set<string>();
  const inOrder = [...people].sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.key.localeCompare(b.key));
  for (const person of inOrder) {
    const own = personColours.indexOf(personColour(person.name) as (typeof personColours)[number]);
    const free = personColours.map((_, step) => personColours[(own + step) % personColours.length]);
    const colour = free.find((candidate) => !taken.has(candidate)) ?? personColours[own];
    taken.add(colour);
    colours.set(person.key, colour);
  }
  return colours;
}

/** WCAG's contrast ratio between two #rrggbb colours, from 1 to 21. */
export function contrastRatio(one: string, other: string): number {
  const [lighter, darker] = [luminance(one), luminance(other)].sort((a, b) => b - a);
  return (lighter + 0.05) / (darker + 0.05);
}

function luminance(hex: string): number {
  const [red, green, blue] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}
