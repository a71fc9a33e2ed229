import { describe, expect, it } from 'vitest';
import { allSteps, parseLibrary, searchSteps, StepLibrary } from './library.ts';
import { starterLibrary } from './starter-library.ts';

describe('the step library', () => {
  it('ships a starter library that is itself valid: three strands, two modules each, two to four steps each', () => {
    expect(StepLibrary.safeParse(starterLibrary).success).toBe(true);
    expect(starterLibrary.strands).toHaveLength(3);
    for (const strand of starterLibrary.strands) {
      expect(strand.modules).toHaveLength(2);
      for (const module of strand.modules) expect(module.steps.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('reads back an exported library unchanged', () => {
    expect(parseLibrary(JSON.stringify(starterLibrary))).toEqual({ ok: true, value: starterLibrary });
  });

  it('says a file that is not JSON is not a library', () => {
    expect(parseLibrary('{ strands: ')).toEqual({ ok: false, problem: expect.stringMatching(/not JSON/) });
  });

  it('names the place that is wrong, counting from 1', () => {
    const broken = structuredClone(starterLibrary);
    broken.strands[1].modules[0].steps[1].successCriteria = [];
    const result = parseLibrary(JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problem).toMatch(
        /strand 2, module 1, step 2, successCriteria: A step needs at least one success criterion/,
      );
  });

  it('refuses two steps with one id', () => {
    const twice = structuredClone(starterLibrary);
    twice.strands[2].modules[1].steps[0].id = twice.strands[0].modules[0].steps[0].id;
    const result = parseLibrary(JSON.stringify(twice));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(/used twice/);
  });

  it('finds steps by every word of the search, in titles, criteria, modules and strands', () => {
    expect(searchSteps(starterLibrary, '').length).toBe(allSteps(starterLibrary).length);
    expect(searchSteps(starterLibrary, 'whiteboards').map((found) => found.step.id)).toEqual(['mini-whiteboards']);
    expect(searchSteps(starterLibrary, 'VOCABULARY full').map((found) => found.step.id)).toEqual(['full-sentences']);
    expect(searchSteps(starterLibrary, 'no such thing')).toEqual([]);
  });
});
