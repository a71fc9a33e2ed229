import '../testing/fake-browser-global.ts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { addOwnWord, allPersonalWords, removeOwnWord, replaceAppWords, watchPersonalWords } from './personal-words.ts';

describe('the personal dictionary in storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps words added in the extension, stored without a possessive ending, each once', async () => {
    expect(await addOwnWord('Oluwaseun’s')).toEqual({ ok: true, value: 'Oluwaseun' });
    expect(await addOwnWord('Oluwaseun')).toEqual({ ok: true, value: 'Oluwaseun' });
    expect(await fakeBrowser.storage.local.get('personal-words')).toEqual({ 'personal-words': ['Oluwaseun'] });
    expect(await allPersonalWords()).toEqual(['Oluwaseun']);
  });

  it('refuses what is not a word, with the reason, and stores nothing', async () => {
    expect(await addOwnWord('Ada Lovelace')).toEqual({
      ok: false,
      problem: 'Add one word at a time: "Ada Lovelace" is two words.',
    });
    expect(await addOwnWord('  ')).toMatchObject({ ok: false, problem: 'There is no word to add.' });
    expect(await allPersonalWords()).toEqual([]);
  });

  it("joins the app's words to the extension's, replacing the app's list each time it is sent", async () => {
    await addOwnWord('Zainab');
    await replaceAppWords(['Aaliyah', 'Kwame']);
    expect(await allPersonalWords()).toEqual(['Aaliyah', 'Kwame', 'Zainab']);
    await replaceAppWords(['Kwame', 'Zainab']);
    expect(await allPersonalWords()).toEqual(['Kwame', 'Zainab']);
  });

  it('keeps only words from what a page sends as the app’s list', async () => {
    await replaceAppWords(['Aaliyah', 42, '<script>', 'two words']);
    expect(await allPersonalWords()).toEqual(['Aaliyah']);
    await replaceAppWords('not a list');
    expect(await allPersonalWords()).toEqual([]);
  });

  it('removes a word added in the extension', async () => {
    await addOwnWord('Zainab');
    await addOwnWord('Kwame');
    await removeOwnWord('Zainab');
    expect(await allPersonalWords()).toEqual(['Kwame']);
  });

  it('tells watchers when either list changes', async () => {
    const changed = vi.fn();
    const unwatch = watchPersonalWords(changed);
    await addOwnWord('Zainab');
    await replaceAppWords(['Kwame']);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(2));
    unwatch();
    await addOwnWord('Aaliyah');
    expect(changed).toHaveBeenCalledTimes(2);
  });
});
