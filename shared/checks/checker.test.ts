import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker, mergeFindings, type Checker } from './checker.ts';
import { Finding } from './finding.ts';
import { loadBritishDictionary, loadWordFrequencies } from '../../scripts/load-dictionary.ts';

let checker: Checker;
beforeAll(() => {
  checker = createChecker({ dictionary: loadBritishDictionary(), frequencies: loadWordFrequencies() });
});

const spelling = (start: number, end: number): Finding => ({
  kind: 'spelling',
  rule: 'spelling/unknown-word',
  start,
  end,
  text: 'x',
  message: '',
  suggestions: [],
});
const grammar = (start: number, end: number, rule = 'grammar/x'): Finding => ({
  ...spelling(start, end),
  kind: 'grammar',
  rule,
});
const prompt = (start: number, end: number): Finding => ({ ...spelling(start, end), kind: 'prompt', rule: 'prompt/x' });

describe('createChecker', () => {
  it('finds spelling, grammar and prompts in one pass, in text order, as valid findings', () => {
    const text = 'To understand fractoins. He could of tried.';
    const findings = checker.check(text, { form: 'session-report', field: 'learningObjective1' });
    expect(findings.map((finding) => [finding.kind, finding.text])).toEqual([
      ['prompt', text.slice(0, findings[0]!.end)],
      ['spelling', 'fractoins'],
      ['grammar', 'of'],
    ]);
    expect(() => Finding.array().parse(findings)).not.toThrow();
  });

  it('applies prompts only where the context says they belong', () => {
    expect(checker.check('To understand fractions.')).toEqual([]);
    expect(checker.check('Could we have more time?', { field: 'engagementComment' })).toHaveLength(1);
    expect(checker.check('Could we have more time?', { field: 'agencyComment' })).toEqual([]);
  });

  it('gives our grammar finding, not a spelling finding, for an American verb form', () => {
    expect(checker.check('She practiced daily.').map((finding) => finding.rule)).toEqual(['grammar/practice-practise']);
  });

  it("accepts the words of the report's own names, and only in that report", () => {
    const text = "Cy and Tamsin-Rae Okonkwo's group read with Cy's sister. Cy";
    const unknown = (names?: string[]) =>
      checker
        .check(text, { names })
        .filter((finding) => finding.kind === 'spelling')
        .map((finding) => finding.text);
    expect(unknown()).toEqual(expect.arrayContaining(['Cy', 'Tamsin', "Okonkwo's"]));
    expect(unknown(['Cy Whitfield', 'Tamsin-Rae Okonkwo'])).toEqual([]);
    expect(unknown(['Cy'])).toEqual(expect.arrayContaining(['Tamsin', "Okonkwo's"]));
    expect(unknown(['Cy'])).not.toContain('Cy');
  });

  it('accepts the UK education word list and the personal dictionary', () => {
    expect(
      checker.check('The SENCo, the DfE, Ofsted, SATs, wellbeing, the headteacher and summative assessment.'),
    ).toEqual([]);
    expect(checker.check("Oluwaseun's work")).toHaveLength(1);
    checker.spelling.personal.add('Oluwaseun');
    expect(checker.check("Oluwaseun's work and Oluwaseun’s book")).toEqual([]);
    expect(checker.suggest('Oluwasuen')).toContain('Oluwaseun');
    checker.spelling.personal.remove('Oluwaseun');
    expect(checker.check('Oluwaseun')).toHaveLength(1);
  });

  it('suggests British spellings for American ones and common slips', () => {
    expect(checker.suggest('organization', 3)).toContain('organisation');
    expect(checker.suggest('recieved', 3)[0]).toBe('received');
    expect(checker.suggest('Acheived', 3)[0]).toBe('Achieved');
    expect(checker.suggest('alot', 3)).toContain('a lot');
    expect(checker.suggest('dont', 3)[0]).toBe("don't");
    expect(checker.suggest('welbeing', 3)).toContain('wellbeing');
  });
});

describe('mergeFindings', () => {
  it("keeps check()'s findings where a later source flags the same words, and every prompt", () => {
    const merged = mergeFindings(
      [spelling(10, 14), grammar(30, 32, 'grammar/could-of'), prompt(0, 40)],
      [
        grammar(10, 14, 'grammar/harper/Typo'),
        grammar(20, 25, 'grammar/harper/Agreement'),
        grammar(24, 32, 'grammar/harper/ModalOf'),
      ],
    );
    expect(merged.map((finding) => [finding.rule, finding.start])).toEqual([
      ['prompt/x', 0],
      ['spelling/unknown-word', 10],
      ['grammar/harper/Agreement', 20],
      ['grammar/could-of', 30],
    ]);
  });
});
