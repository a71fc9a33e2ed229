import { describe, expect, it } from 'vitest';
import { tokeniseWords } from './tokenise.ts';

const words = (text: string) => tokeniseWords(text).map((token) => token.text);

describe('tokeniseWords', () => {
  it('gives UTF-16 offsets into the text', () => {
    const text = 'Good 😀 progress';
    const [, progress] = tokeniseWords(text);
    expect(progress).toMatchObject({ text: 'progress', start: 8, end: 16 });
    expect(text.slice(progress!.start, progress!.end)).toBe('progress');
  });

  it('keeps apostrophes inside a word, straight or curly, and gives the straight form to look up', () => {
    expect(tokeniseWords("the learner's book and the learner’s pen")).toEqual(
      expect.arrayContaining([
        { text: "learner's", word: "learner's", start: 4, end: 13 },
        { text: 'learner’s', word: "learner's", start: 27, end: 36 },
      ]),
    );
    expect(words('She didn’t stop')).toEqual(['She', 'didn’t', 'stop']);
  });

  it('leaves the apostrophe of a plural possessive and quotation marks out of the word', () => {
    expect(words("the learners' work")).toEqual(['the', 'learners', 'work']);
    expect(words('the learners’ work')).toEqual(['the', 'learners', 'work']);
    expect(words("she said 'well done'")).toEqual(['she', 'said', 'well', 'done']);
    expect(words('“Brilliant,” she said.')).toEqual(['Brilliant', 'she', 'said']);
  });

  it('gives each part of a hyphenated compound as its own word', () => {
    expect(tokeniseWords('self-assessment')).toEqual([
      { text: 'self', word: 'self', start: 0, end: 4 },
      { text: 'assessment', word: 'assessment', start: 5, end: 15 },
    ]);
    expect(words('a well‐being check')).toEqual(['a', 'well', 'being', 'check']);
  });

  it('skips numbers, scores, dates, year groups and ordinals', () => {
    expect(words('She scored 8/10 in Y6 on 3rd May 2024, up 12.5% from KS2 at 10am')).toEqual([
      'She',
      'scored',
      'in',
      'on',
      'May',
      'up',
      'from',
      'at',
    ]);
  });

  it('skips web and e-mail addresses', () => {
    expect(words('See https://example.org/fractoins?levle=2 or www.bbc.co.uk/bitesize now')).toEqual([
      'See',
      'or',
      'now',
    ]);
    expect(words('E-mail jo.smiht@school-name.ac.uk today')).toEqual(['E', 'mail', 'today']);
  });

  it('keeps capitalised words, such as sentence starts, as written', () => {
    expect(words('Acheived well. Then stopped.')).toEqual(['Acheived', 'well', 'Then', 'stopped']);
  });

  it('skips acronyms of two or more capitals, with a plural or possessive', () => {
    expect(words('Her GCSE and SATs results, the SENCO’s report, two TAs, and I')).toEqual([
      'Her',
      'and',
      'results',
      'the',
      'report',
      'two',
      'and',
      'I',
    ]);
  });

  it('finds no words in empty or punctuation-only text', () => {
    expect(tokeniseWords('')).toEqual([]);
    expect(tokeniseWords(' -- ... !? ')).toEqual([]);
  });
});
