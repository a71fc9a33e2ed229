import { describe, expect, it } from 'vitest';
import { addedWordDetail, appPageEvents } from '../../../shared/protocol/app-and-extension.ts';
import { handPersonalWordsToExtension } from './extension-handover.ts';

describe('handing the personal dictionary to the extension', () => {
  it('sends the words as a JSON string when asked, and whenever told to', () => {
    const page = new EventTarget();
    let words = ['Oluwaseun'];
    const received: unknown[] = [];
    page.addEventListener(appPageEvents.personalWords, (event) =>
      received.push(JSON.parse((event as CustomEvent<string>).detail)),
    );
    const handover = handPersonalWordsToExtension(
      () => words,
      () => {},
      page,
    );

    page.dispatchEvent(new Event(appPageEvents.requestPersonalWords));
    words = ['Oluwaseun', 'Zainab'];
    handover.handOver();
    expect(received).toEqual([{ words: ['Oluwaseun'] }, { words: ['Oluwaseun', 'Zainab'] }]);
  });

  it('takes up a word added in the extension, and ignores details of any other shape', () => {
    const page = new EventTarget();
    const added: string[] = [];
    handPersonalWordsToExtension(
      () => [],
      (word) => added.push(word),
      page,
    );
    for (const detail of [
      addedWordDetail('Oluwaseun'),
      '{not json',
      JSON.stringify({ word: 7 }),
      JSON.stringify({ word: '  ' }),
      { word: 'Zainab' },
      null,
    ]) {
      page.dispatchEvent(new CustomEvent(appPageEvents.addPersonalWord, { detail }));
    }
    expect(added).toEqual(['Oluwaseun']);
  });
});
