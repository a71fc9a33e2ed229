import { describe, expect, it } from 'vitest';
import { couldOf } from './could-of.ts';

const flagged = (text: string) => couldOf.check(text, {}).map((f) => [f.text, f.suggestions[0], f.message]);

describe('could of', () => {
  it('flags "could of", "should of", "wouldn’t of"', () => {
    expect(flagged('He could of finished. She should of asked. They wouldn’t of known.')).toEqual([
      ['of', 'have', 'Write "could have", not "could of".'],
      ['of', 'have', 'Write "should have", not "should of".'],
      ['of', 'have', 'Write "wouldn’t have", not "wouldn’t of".'],
    ]);
  });

  it('passes "could have" and "could, of course"', () => {
    expect(flagged('He could have finished. She could of course try again, and could, of course, ask.')).toEqual([]);
  });
});
