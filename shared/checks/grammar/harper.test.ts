// Harper in Node, as the command line runs it (about 3 s to start, once for this file).
import { slimBinary } from 'harper.js/slimBinary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Finding } from '../finding.ts';
import { harperPieces, loadHarperGrammar, type HarperGrammar } from './harper.ts';

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

describe('Harper reading a long report piece by piece', () => {
  const sentences = Array.from(
    { length: 40 },
    (_, i) => `Sam worked through question ${i + 1} with care and explained each step to me.`,
  );

  it('cuts between sentences and paragraphs only, keeping every character', () => {
    const text =
      'He used e.g. a ruler. Then i checked it!\n"Well done," she said. 3 more to go?\nno cut here. and none here';
    const pieces = harperPieces(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces).toEqual([
      'He used e.g. a ruler. ',
      'Then i checked it!\n',
      '"Well done," she said. ',
      '3 more to go?\n',
      'no cut here. and none here',
    ]);
  });

  it('finds in a long text what it finds in each sentence, at the right offsets', async () => {
    const text = [...sentences.slice(0, 20), 'Then i read the the book.', ...sentences.slice(20)].join(' ');
    const findings = await harper.check(text);
    expect(findings.map((finding) => finding.text)).toEqual(['i', 'the the']);
    for (const finding of findings) expect(text.slice(finding.start, finding.end)).toBe(finding.text);
  });

  it('reads again only the sentence that changed', async () => {
    const text = sentences.join(' ');
    await harper.check(text);
    const before = harper.linted;
    const edited = text.replace('question 17 with', 'question 17 with with');
    const findings = await harper.check(edited);
    expect(harper.linted - before).toBe(1);
    expect(findings.map((finding) => finding.text)).toEqual(['with with']);
    expect(edited.slice(findings[0].start, findings[0].end)).toBe('with with');
  });
});
