import { describe, expect, it } from 'vitest';
import { describePageStatus } from './describe-status.ts';

describe('describePageStatus', () => {
  it('says when the page is not one Margin checks', () => {
    expect(describePageStatus(null)).toMatchObject({ running: false, headline: 'Margin is not checking this page.' });
  });

  it('counts findings and fields in plain English', () => {
    expect(describePageStatus({ fields: 2, findings: 3, problem: null })).toEqual({
      running: true,
      headline: 'Checks are running on this page.',
      detail: '3 findings in 2 text fields.',
    });
    expect(describePageStatus({ fields: 1, findings: 1, problem: null }).detail).toBe('1 finding in 1 text field.');
    expect(describePageStatus({ fields: 1, findings: 0, problem: null }).detail).toBe('Nothing found in 1 text field.');
    expect(describePageStatus({ fields: 0, findings: 0, problem: null }).detail).toBe(
      'There are no text fields to check yet.',
    );
  });

  it('says the count is only so far while paragraphs of a long document are not checked yet', () => {
    expect(describePageStatus({ fields: 1, findings: 1, unchecked: 280, problem: null }).detail).toBe(
      '1 finding so far in 1 text field; 280 paragraphs further on are not checked yet. Scroll to check the rest.',
    );
    expect(describePageStatus({ fields: 2, findings: 0, unchecked: 1, problem: null }).detail).toBe(
      'Nothing found so far in 2 text fields; 1 paragraph further on is not checked yet. Scroll to check the rest.',
    );
    expect(describePageStatus({ fields: 1, findings: 2, unchecked: 0, problem: null }).detail).toBe(
      '2 findings in 1 text field.',
    );
  });

  it('passes on why checks are not working', () => {
    expect(
      describePageStatus({ fields: 1, findings: 0, problem: 'The checker could not start: no dictionary' }),
    ).toEqual({
      running: false,
      headline: 'Checks are not working on this page.',
      detail: 'The checker could not start: no dictionary',
    });
  });
});
