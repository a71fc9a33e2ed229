import { describe, expect, it } from 'vitest';
import { checkWithChoices, type SubmissionProblem } from './submission.ts';

// A small draft: a name always needed, and a choice of colour; red needs a shade, blue needs nothing more.
interface Draft {
  name?: string;
  colour?: 'red' | 'blue';
  shade?: string;
}
const rules = (draft: Draft): SubmissionProblem[] => [
  ...(draft.name ? [] : [{ fieldId: 'name', message: 'Give a name.' }]),
  ...(draft.colour ? [] : [{ fieldId: 'colour', message: 'Choose a colour.' }]),
  ...(draft.colour === 'red' && !draft.shade ? [{ fieldId: 'shade', message: 'Choose a shade of red.' }] : []),
];
const colourChoice = (draft: Draft) => ({
  fieldId: 'colour',
  outcomes: (['red', 'blue'] as const).map((colour) => ({ when: `If it is ${colour}`, draft: { ...draft, colour } })),
});

describe('checkWithChoices', () => {
  it('lists the problems now, and those an outcome would add, labelled with the outcome and its choice', () => {
    const draft: Draft = {};
    expect(checkWithChoices(draft, [colourChoice(draft)], rules)).toEqual({
      now: [
        { fieldId: 'name', message: 'Give a name.' },
        { fieldId: 'colour', message: 'Choose a colour.' },
      ],
      onceChosen: [
        { fieldId: 'shade', message: 'Choose a shade of red.', when: 'If it is red', choiceFieldId: 'colour' },
      ],
    });
  });

  it('leaves out what applies already, and an outcome that adds nothing', () => {
    const draft: Draft = { name: 'Sam' };
    const always = (d: Draft) => [...rules(d), { fieldId: 'shade', message: 'Choose a shade of red.' }];
    expect(checkWithChoices(draft, [colourChoice(draft)], always).onceChosen).toEqual([]);
  });

  it('has nothing once chosen when no choice is open', () => {
    expect(checkWithChoices({ name: 'Sam', colour: 'red' }, [], rules)).toEqual({
      now: [{ fieldId: 'shade', message: 'Choose a shade of red.' }],
      onceChosen: [],
    });
  });
});
