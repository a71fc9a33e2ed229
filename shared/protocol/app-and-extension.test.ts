import { describe, expect, it } from 'vitest';
import { addedWordDetail, personalWordsDetail, wordInDetail, wordsInDetail } from './app-and-extension.ts';

describe('the page events between the app and the extension', () => {
  it('reads back the words the app sends, and nothing of another shape', () => {
    expect(wordsInDetail(personalWordsDetail(['Aaliyah', 'Kwame']))).toEqual(['Aaliyah', 'Kwame']);
    expect(wordsInDetail(JSON.stringify({ words: ['Aaliyah', 7, null] }))).toEqual(['Aaliyah']);
    for (const detail of ['{not json', 'null', '7', { words: ['Aaliyah'] }, JSON.stringify({ names: [] }), undefined]) {
      expect(wordsInDetail(detail)).toBeNull();
    }
  });

  it('reads back the word the extension sends, and nothing of another shape', () => {
    expect(wordInDetail(addedWordDetail('Oluwaseun'))).toBe('Oluwaseun');
    for (const detail of [
      '{not json',
      'null',
      JSON.stringify({ word: 7 }),
      JSON.stringify({ word: '  ' }),
      { word: 'Zainab' },
      null,
    ]) {
      expect(wordInDetail(detail)).toBeNull();
    }
  });
});
