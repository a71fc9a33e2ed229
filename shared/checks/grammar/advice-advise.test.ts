import { describe, expect, it } from 'vitest';
import { adviceAdvise } from './advice-advise.ts';

const flagged = (text: string) => adviceAdvise.check(text, {}).map((f) => [f.text, f.suggestions[0]]);

describe('advice / advise', () => {
  it('flags the noun used as a verb', () => {
    expect(flagged('I would advice him to read every night.')).toEqual([['advice', 'advise']]);
    expect(flagged('We advice that she rests.')).toEqual([['advice', 'advise']]);
  });

  it('flags the verb used as a noun, and a plural of advice', () => {
    expect(flagged('She took some good advise from her teacher.')).toEqual([['advise', 'advice']]);
    expect(flagged('He ignored the advices given.')).toEqual([['advices', 'advice']]);
  });

  it('passes correct use, including "listened to advice"', () => {
    expect(
      flagged(
        'She listened to advice and responded well to advice from staff. I advise him to rest; my advice is to read.',
      ),
    ).toEqual([]);
  });
});
