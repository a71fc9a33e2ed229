import { describe, expect, it } from 'vitest';
import { contrastRatio, distinctColours, personColour, personColours } from './colour.ts';

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

  it('tell apart people whose names hash alike, the same way whoever works them out', () => {
    const names = Array.from({ length: 200 }, (_, index) => `Person ${index}`);
    const first = names[0]!;
    const alike = names.find((name) => name !== first && personColour(name) === personColour(first))!;
    expect(alike).toBeDefined();
    const people = [first, alike, 'Grace Hopper'].map((name) => ({ key: name, name }));
    const colours = distinctColours(people);
    expect(new Set(colours.values()).size).toBe(3);
    expect(colours.get(first)).toBe(personColour(first));
    expect(colours.get('Grace Hopper')).toBe(personColour('Grace Hopper'));
    expect(distinctColours([...people].reverse())).toEqual(colours);
  });

  it('keep each colour its own while there are more people than colours', () => {
    const people = Array.from({ length: 12 }, (_, index) => ({ key: `k${index}`, name: `Person ${index}` }));
    const colours = distinctColours(people);
    expect(colours.size).toBe(12);
    expect(new Set(colours.values()).size).toBe(personColours.length);
  });
});
