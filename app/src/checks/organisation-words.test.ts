import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../shared/result.ts';
import { refreshOrganisationWords } from './organisation-words.ts';

/** A device's kept copy, in memory. */
function keptCopy(words: string[] = []) {
  let kept = words;
  return {
    organisationWords: async () => kept,
    replaceOrganisationWords: async (next: readonly string[]) => {
      kept = [...next];
    },
    kept: () => kept,
  };
}

const answer = (words: string[], names: string[]) =>
  ok({ words: words.map((word) => ({ word, addedAt: '2030-01-01T10:00:00.000Z' })), names });

describe('the organisation’s words on this device', () => {
  it('takes the list and the names from the relay, once each, and keeps them for offline', async () => {
    const copy = keptCopy(['Old']);
    const words = await refreshOrganisationWords(async () => answer(['Ofsted', 'Cy'], ['Cy', 'Okafor']), copy);
    expect(words).toEqual(['Ofsted', 'Cy', 'Okafor']);
    expect(copy.kept()).toEqual(['Ofsted', 'Cy', 'Okafor']);
  });

  it('uses the kept copy when the relay cannot be reached or fails', async () => {
    const copy = keptCopy(['Okafor']);
    expect(await refreshOrganisationWords(async () => fail({ message: 'offline', status: 0 }), copy)).toEqual([
      'Okafor',
    ]);
    expect(await refreshOrganisationWords(async () => fail({ message: 'broken', status: 500 }), copy)).toEqual([
      'Okafor',
    ]);
    expect(copy.kept()).toEqual(['Okafor']);
  });

  it('drops the words once nobody is signed in here', async () => {
    const copy = keptCopy(['Okafor']);
    expect(await refreshOrganisationWords(async () => fail({ message: 'Sign in first.', status: 401 }), copy)).toEqual(
      [],
    );
    expect(copy.kept()).toEqual([]);
  });
});
