import { describe, expect, it } from 'vitest';
import { meAndHimWas } from './me-and-him-was.ts';

const flagged = (text: string) => meAndHimWas.check(text, {}).map((f) => [f.text, f.suggestions[0]]);

describe('me and him was', () => {
  it('flags "me and him" as a subject and suggests "He and I were"', () => {
    expect(flagged('Me and him was late.')).toEqual([['Me and him was', 'He and I were']]);
    expect(flagged('We read. Me and her went to the library.')).toEqual([['Me and her went', 'She and I went']]);
    expect(flagged('Sam and me is ready.')).toEqual([['Sam and me is', 'Sam and I are']]);
  });

  it('passes the object form and correct subjects', () => {
    expect(flagged('He and I were late. She gave it to Sam and me. Between you and me, it went well.')).toEqual([]);
  });
});
