import { describe, expect, it } from 'vitest';
import { describePageStatus } from './describe-status.ts';

describe('describePageStatus', () => {
  it('says when the page is not one Margin checks', () => {
    expect(describePageStatus(null)).toMatchObject({ running: false, headline: 'Margin is not checking this page.' });
  });

  it('counts underlined words and fields in plain English', () => {
    expect(describePageStatus({ fields: 2, underlined: 3, problem: null })).toEqual({
      running: true,
      headline: 'Checks are running on this page.',
      detail: '3 words underlined in 2 text fields.',
    });
    expect(describePageStatus({ fields: 1, underlined: 1, problem: null }).detail).toBe('1 word underlined in 1 text field.');
    expect(describePageStatus({ fields: 1, underlined: 0, problem: null }).detail).toBe('No words underlined in 1 text field.');
    expect(describePageStatus({ fields: 0, underlined: 0, problem: null }).detail).toBe('There are no text fields to check yet.');
  });

  it('passes on why checks are not working', () => {
    expect(describePageStatus({ fields: 1, underlined: 0, problem: 'The spelling checker could not start: no dictionary' })).toEqual({
      running: false,
      headline: 'Spelling checks are not working on this page.',
      detail: 'The spelling checker could not start: no dictionary',
    });
  });
});
