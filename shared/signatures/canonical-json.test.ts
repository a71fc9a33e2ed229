import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonical JSON', () => {
  it('writes the same text whatever order the keys came in', () => {
    const a = { b: 1, a: { d: [1, 'x', true, null], c: 'é' } };
    const b = { a: { c: 'é', d: [1, 'x', true, null] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"é","d":[1,"x",true,null]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('leaves undefined members out and keeps array order', () => {
    expect(canonicalJson({ z: undefined, y: [3, 1, 2] })).toBe('{"y":[3,1,2]}');
    expect(canonicalJson([undefined])).toBe('[null]');
  });

  it('is stable for a known value (a change to the format would change every hash)', () => {
    expect(
      canonicalJson({
        review: { daysServed: 71, teacherName: 'Sam "S" Patel', standards: ['TS2'] },
        version: 1,
        negativeZero: -0,
      }),
    ).toBe(
      '{"negativeZero":0,"review":{"daysServed":71,"standards":["TS2"],"teacherName":"Sam \\"S\\" Patel"},"version":1}',
    );
  });

  it('refuses what JSON cannot say exactly', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalJson({ when: new Date(0) })).toThrow(/Date/);
    expect(() => canonicalJson({ bytes: new Uint8Array(2) })).toThrow(/Uint8Array/);
  });
});
