import { describe, expect, it } from 'vitest';
import { licenceLicense } from './licence-license.ts';

const flagged = (text: string) => licenceLicense.check(text, {}).map((f) => [f.text, f.suggestions[0]]);

describe('licence / license', () => {
  it('flags the noun spelt as the verb', () => {
    expect(flagged('The school bought a license for the reading software.')).toEqual([['license', 'licence']]);
    expect(flagged('Her driving license and the license number.')).toEqual([
      ['license', 'licence'],
      ['license', 'licence'],
    ]);
  });

  it('flags the verb spelt as the noun', () => {
    expect(flagged('They will licence the app. It is licenced to the trust.')).toEqual([
      ['licence', 'license'],
      ['licenced', 'licensed'],
    ]);
  });

  it('passes correct British use', () => {
    expect(
      flagged('The school has a licence for the software, which is licensed to the trust; we license it yearly.'),
    ).toEqual([]);
  });
});
