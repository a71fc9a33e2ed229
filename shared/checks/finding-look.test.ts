import { describe, expect, it } from 'vitest';
import { findingMenuWords, underlineDeclarations } from './finding-look.ts';

describe('how a finding looks', () => {
  it('tells the kinds apart by line as well as colour', () => {
    expect(underlineDeclarations('spelling')).toEqual([
      'text-decoration: underline wavy #b3261e;',
      'text-decoration-skip-ink: none;',
      'text-underline-offset: 3px;',
    ]);
    expect(underlineDeclarations('prompt')).toEqual([
      'text-decoration: underline dotted #8a5a00;',
      'text-decoration-thickness: 2px;',
      'text-underline-offset: 4px;',
    ]);
  });

  it('names the menu by kind and words, shortening long advice', () => {
    expect(findingMenuWords.title({ kind: 'spelling', text: 'recieved' })).toBe('Spelling: suggestions for “recieved”');
    const long = 'The learner will understand fractions better by the end of term';
    expect(findingMenuWords.title({ kind: 'prompt', text: long })).toBe(
      `Advice: suggestions for “${long.slice(0, 37)}…”`,
    );
  });

  it('labels suggestions: an example for advice, a removal for an empty replacement, else the word', () => {
    expect(findingMenuWords.suggestion({ kind: 'prompt', text: 'understand' }, 'solve five problems')).toBe(
      'Use this example',
    );
    expect(findingMenuWords.suggestion({ kind: 'grammar', text: 'the the' }, '')).toBe('Remove “the the”');
    expect(findingMenuWords.suggestion({ kind: 'spelling', text: 'acheived' }, 'achieved')).toBe('achieved');
  });

  it("keeps each side's words for adding to the dictionary", () => {
    expect(findingMenuWords.addToDictionary.app('Zainab')).toBe('Add “Zainab” to my dictionary');
    expect(findingMenuWords.addToDictionary.extension('Zainab')).toBe('Add “Zainab” to dictionary');
  });
});
