// Harper in Node, as the command line runs it (about 3 s to start, once for this file).
import { slimBinary } from 'harper.js/slimBinary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Finding } from '../finding.ts';
import { loadHarperGrammar, type HarperGrammar } from './harper.ts';

let harper: HarperGrammar;
beforeAll(async () => {
  harper = await loadHarperGrammar(slimBinary);
}, 60_000);
afterAll(() => harper?.dispose());

describe('Harper grammar', () => {
  it('catches their/there, a lower-case i, a repeated word and a/an, with our own messages', async () => {
    const text = 'Their going to the park. Then i read the the book. She ate a apple.';
    const findings = await harper.check(text);
    expect(() => Finding.array().parse(findings)).not.toThrow();
    expect(findings.map((finding) => finding.text)).toEqual(['Their', 'i', 'the the', 'a']);
    for (const finding of findings) {
      expect(finding.rule).toMatch(/^grammar\/harper\/\w+$/);
      expect(finding.message).not.toContain('`');
      expect(text.slice(finding.start, finding.end)).toBe(finding.text);
    }
    expect(findings.find((finding) => finding.text === 'the the')!.message).toBe('"the the" repeats a word.');
    expect(findings.find((finding) => finding.text === 'i')!.suggestions).toEqual(['I']);
  });

  it('gives offsets in UTF-16 code units after an emoji', async () => {
    const text = 'Great 😀 effort. Then i stopped.';
    const [found] = await harper.check(text);
    expect(found).toMatchObject({ text: 'i', start: text.indexOf(' i ') + 1 });
  });

  it('leaves spelling to us and passes British spellings', async () => {
    expect(await harper.check('The organisation recognised her colourful programme of wellbeing.')).toEqual([]);
    expect((await harper.check('The learner acheived it.')).map((finding) => finding.rule)).not.toContain(
      'grammar/harper/SpellCheck',
    );
  });

  it('does not read "there" before a verb as "their"', async () => {
    expect(
      await harper.check('She must plan lessons with pace, and there needs to be clear modelling in each lesson.'),
    ).toEqual([]);
  });

  it("leaves learners' names alone, even those spelt like an acronym", async () => {
    expect(await harper.check('Sam and Amir finished the fractions task, and we met Sam again today.')).toEqual([]);
  });
});
