import { describe, expect, it } from 'vitest';
import { fewerLess } from './fewer-less.ts';

const flagged = (text: string) => fewerLess.check(text, {}).map((f) => [f.text, f.suggestions[0]]);

describe('fewer / less', () => {
  it('flags "less" before a countable plural', () => {
    expect(flagged('There were less students today and she made less mistakes.')).toEqual([
      ['less', 'fewer'],
      ['less', 'fewer'],
    ]);
    expect(flagged('Less errors than last week.')).toEqual([['Less', 'Fewer']]);
  });

  it('passes amounts and "less than"', () => {
    expect(
      flagged('She needed less time and less support, finishing in less than ten minutes with fewer mistakes.'),
    ).toEqual([]);
  });
});
