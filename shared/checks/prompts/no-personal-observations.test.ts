import { describe, expect, it } from 'vitest';
import { noPersonalObservations } from './no-personal-observations.ts';

const context = { form: 'session-report', field: 'engagementComment' };
const flagged = (text: string) => noPersonalObservations.check(text, context).map((f) => f.text);

describe('no personal observations', () => {
  it('flags tiredness, appearance, home life and opinions of character', () => {
    expect(flagged('He was very tired and kept yawning.')).toEqual(['tired', 'yawning']);
    expect(flagged('She looked scruffy and her hair was a mess.')).toEqual(['looked scruffy', 'her hair']);
    expect(flagged('There are problems at home because his parents are divorcing.')).toEqual([
      'problems at home',
      'his parents are',
      'divorcing',
    ]);
    expect(flagged('I think he is lazy. Sam is so rude.')).toEqual(['I think he is lazy', 'Sam is so rude']);
  });

  it('tells the tutor where such a concern belongs', () => {
    const [found] = noPersonalObservations.check('He seemed exhausted.', context);
    expect(found!.message).toContain('tell the agency or your safeguarding lead');
  });

  it('passes comments on learning, including practice at home and phone calls from parents', () => {
    expect(
      flagged(
        'She did pretty well, and will practise at home. Phone calls from parents show her reading has improved.',
      ),
    ).toEqual([]);
    expect(
      flagged(
        'This is difficult material, yet Fred is a valued member of the class and separated the fractions correctly.',
      ),
    ).toEqual([]);
  });

  it('passes the learner’s own words in quotation marks', () => {
    expect(flagged('She said, “I am tired of fractions,” then finished all five.')).toEqual([]);
  });
});
