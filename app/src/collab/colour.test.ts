import { describe, expect, it } from 'vitest';
import { contrastRatio, personColour, personColours } from './colour.ts';

describe('person colours', () => {
  it('are readable: white name tags at 4.5:1, carets against the fields at 3:1', () => {
    for (const colour of personColours) {
      expect(contrastRatio(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(4.5);
      // The comment to the agency is drawn on a pale lilac.
      expect(contrastRatio(colour, '#f7f4fc'), colour).toBeGreaterThanOrEqual(3);
    }
  });

  it('give a name the same colour every time, whatever its case or spaces', () => {
    expect(personColour('Grace Hopper')).toBe(personColour('Grace Hopper'));
    expect(personColour('  grace hopper ')).toBe(personColour('Grace Hopper'));
    expect(personColours).toContain(personColour(''));
  });

  it('spread names over the palette', () => {
    const names = ['Ann', 'Anne', 'Ben', 'Cara', 'Dev', 'Eve', 'Fay', 'Gus', 'Hal', 'Ida', 'Jo', 'Kit'];
    expect(new Set(names.map(personColour)).size).toBeGreaterThanOrEqual(6);
  });
});
