// What changed between two versions of a report, word by word and field by field. The diff itself is
// prosemirror-changeset's (Myers' algorithm with its presentation rules): each word, with the spaces after it, is
// given one character of its own, so the library compares words rather than letters and every change it finds
// starts and ends on a word's edge. Paragraph breaks are words of their own, so a new paragraph shows as added.
import { ChangeSet } from '@tiptap/pm/changeset';
import { Schema } from '@tiptap/pm/model';
import { StepMap } from '@tiptap/pm/transform';
import type * as Y from 'yjs';
import { fragmentText, textField } from '../../../shared/doc/index.ts';
import type { FreeTextField } from '../../../shared/forms/fields.ts';

export interface DiffPart {
  change: 'same' | 'added' | 'removed';
  /** Words with their spaces; "\n" between paragraphs. */
  text: string;
}

export interface FieldDiff {
  key: string;
  label: string;
  parts: DiffPart[];
  changed: boolean;
}

/** A document of one run of text: each character stands for a word. */
const wordsSchema = new Schema({ nodes: { doc: { content: 'text*' }, text: {} } });

/** A word and the spaces after it, a run of spaces at the start, or a paragraph break. */
const wordPattern = /[^\s]+[^\S\n]*|[^\S\n]+|\n/g;

/** The characters words are given: from U+0100 on, past the surrogates (which are not characters on their own). */
function characterFor(index: number): string {
  const code = 0x100 + index;
  const past = code >= 0xd800 ? code + 0x800 : code;
  if (past > 0xffff) throw new Error('Too many different words to compare in one field.');
  return String.fromCharCode(past);
}

/** Every change from `before` to `after`, in order, with what stayed the same between them. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const characters = new Map<string, string>();
  const encode = (words: string[]) =>
    words
      .map((word) => {
        let character = characters.get(word);
        if (character === undefined) characters.set(word, (character = characterFor(characters.size)));
        return character;
      })
      .join('');
  const wordsA = before.match(wordPattern) ?? [];
  const wordsB = after.match(wordPattern) ?? [];
  const docOf = (encoded: string) => wordsSchema.node('doc', null, encoded ? [wordsSchema.text(encoded)] : []);
  const docA = docOf(encode(wordsA));
  const docB = docOf(encode(wordsB));
  const { changes } = ChangeSet.create(docA).addSteps(
    docB,
    [new StepMap([0, docA.content.size, docB.content.size])],
    null,
  );
  const parts: DiffPart[] = [];
  const add = (change: DiffPart['change'], words: string[]) => {
    if (words.length === 0) return;
    const last = parts.at(-1);
    if (last?.change === change) last.text += words.join('');
    else parts.push({ change, text: words.join('') });
  };
  let atB = 0;
  for (const change of changes) {
    add('same', wordsB.slice(atB, change.fromB));
    add('removed', wordsA.slice(change.fromA, change.toA));
    add('added', wordsB.slice(change.fromB, change.toB));
    atB = change.toB;
  }
  add('same', wordsB.slice(atB));
  return parts;
}

/** Each free-text field of two versions compared, in the form's order, with its label. */
export function reportDiff(before: Y.Doc, after: Y.Doc, fields: readonly FreeTextField[]): FieldDiff[] {
  return fields.map((field) => {
    const parts = wordDiff(fragmentText(textField(before, field.key)), fragmentText(textField(after, field.key)));
    return { key: field.key, label: field.label, parts, changed: parts.some((part) => part.change !== 'same') };
  });
}
