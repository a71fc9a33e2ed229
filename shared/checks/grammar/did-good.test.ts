import { describe, expect, it } from 'vitest';
import { didGood } from './did-good.ts';

const flagged = (text: string) => didGood.check(text, {}).map((f) => [f.text, f.suggestions[0]]);

describe('did good', () => {
  it('flags "did good" and "done good" where "well" is meant', () => {
    expect(flagged('He did good today.')).toEqual([['good', 'well']]);
    expect(flagged('She did really good in the quiz and has done good.')).toEqual([
      ['good', 'well'],
      ['good', 'well'],
    ]);
  });

  it('passes "good" describing a noun, and "did well"', () => {
    expect(flagged('She did good work today and did well overall. He did a good job.')).toEqual([]);
  });
});
