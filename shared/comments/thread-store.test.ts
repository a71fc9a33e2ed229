import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommentAuthor } from '../doc/comments.ts';
import { fragmentText, setFragmentText } from '../doc/text-fragment.ts';
import { createThreadStore, type PlacedThread } from './thread-store.ts';

const rita: CommentAuthor = { id: 'rita-device', name: 'Rita Reviewer', role: 'reviewer' };
const tom: CommentAuthor = { id: 'tom-device', name: 'Tom Tutor', role: 'tutor' };
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function report(text: string) {
  const content = new Y.Doc();
  setFragmentText(content.getXmlFragment('progressComment'), text);
  return content;
}

/** A person's store over their own copy of the comments, following `content`. */
function person(author: CommentAuthor, content: Y.Doc, comments = new Y.Doc()) {
  const store = createThreadStore({ comments, author: () => author });
  store.setContent(content);
  const heard: PlacedThread[][] = [];
  store.subscribe((threads) => heard.push(threads));
  return { store, comments, heard };
}

function startOn(store: ReturnType<typeof person>['store'], content: Y.Doc, words: string, text: string): string {
  const from = fragmentText(content.getXmlFragment('progressComment')).indexOf(words);
  const chosen = store.chooseWords(
    'progressComment',
    content.getXmlFragment('progressComment'),
    from,
    from + words.length,
  );
  if (!chosen.ok) throw new Error(chosen.problem);
  const started = store.start(chosen.value, text);
  if (!started.ok) throw new Error(started.problem);
  return started.value;
}

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('the thread store', () => {
  it('gives threads as plain data placed in the content, at once and to listeners once per turn', async () => {
    const content = report('Added 8 of 10 pairs correctly.');
    const { store, heard } = person(rita, content);
    const threadId = startOn(store, content, '8 of 10 pairs', 'Which pairs?');
    const [placed] = store.threads();
    expect(placed).toMatchObject({
      thread: { id: threadId, field: 'progressComment', quote: '8 of 10 pairs', resolved: false },
      placement: { kind: 'placed', from: 6, to: 19 },
    });
    expect(placed!.thread.comments).toEqual([expect.objectContaining({ author: rita, text: 'Which pairs?' })]);
    // Plain data: a structured clone (what a worker or IndexedDB would take) is the same.
    expect(structuredClone(store.threads())).toEqual(store.threads());
    expect(store.threads()).toBe(store.threads());
    await turn();
    expect(heard).toHaveLength(1);
    expect(heard[0]).toEqual(store.threads());
  });

  it('follows the words as the content is edited, and says when they are removed', async () => {
    const content = report('Added 8 of 10 pairs correctly.');
    const { store, heard } = person(rita, content);
    startOn(store, content, 'pairs', 'Which pairs?');
    await turn();
    const text = (content.getXmlFragment('progressComment').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, 'We ');
    text.insert('We Added 8 of 10 pa'.length, 'ir');
    await turn();
    const words = (placed: PlacedThread) =>
      placed.placement.kind === 'placed'
        ? fragmentText(content.getXmlFragment('progressComment')).slice(placed.placement.from, placed.placement.to)
        : placed.placement.kind;
    expect(heard).toHaveLength(2);
    expect(words(heard[1]![0]!)).toBe('pairirs');
    text.delete('We Added 8 of 10 '.length, 'pairirs'.length);
    expect(words(store.threads()[0]!)).toBe('removed');
  });

  it('places threads as pending until the content arrives, and again when the content is replaced', async () => {
    const content = report('Added 8 of 10 pairs correctly.');
    const rita_ = person(rita, content);
    startOn(rita_.store, content, 'pairs', 'Which pairs?');
    const tomsComments = new Y.Doc();
    Y.applyUpdate(tomsComments, Y.encodeStateAsUpdate(rita_.comments));
    const tomsContent = new Y.Doc();
    const tom_ = person(tom, tomsContent, tomsComments);
    expect(tom_.store.threads()[0]!.placement).toEqual({ kind: 'pending' });
    Y.applyUpdate(tomsContent, Y.encodeStateAsUpdate(content));
    expect(tom_.store.threads()[0]!.placement).toEqual({ kind: 'placed', from: 14, to: 19 });
    const replaced = new Y.Doc();
    tom_.store.setContent(replaced);
    expect(tom_.store.threads()[0]!.placement).toEqual({ kind: 'pending' });
    await turn();
    expect(tom_.heard.at(-1)![0]!.placement).toEqual({ kind: 'pending' });
  });

  it('takes replies, resolve and reopen from anyone, and edits and deletions of one’s own comments only', () => {
    const content = report('Added 8 of 10 pairs correctly.');
    const rita_ = person(rita, content);
    const threadId = startOn(rita_.store, content, 'pairs', 'Which pairs?');
    const tom_ = person(tom, content, rita_.comments);
    const answered = tom_.store.reply(threadId, 'The first ten.');
    if (!answered.ok) throw new Error(answered.problem);
    const opening = rita_.store.threads()[0]!.thread.comments[0]!.id;

    expect(tom_.store.edit(threadId, opening, 'Hijacked')).toEqual({
      ok: false,
      problem: 'You can change only your own comments.',
    });
    expect(tom_.store.remove(threadId, opening)).toMatchObject({ ok: false });
    expect(tom_.store.edit(threadId, answered.value, 'The first ten, in order.')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(rita_.store.remove(threadId, opening)).toEqual({ ok: true, value: undefined });
    expect(tom_.store.setResolved(threadId, true)).toEqual({ ok: true, value: undefined });
    expect(rita_.store.threads()[0]!.thread).toMatchObject({
      resolved: true,
      resolvedBy: tom,
      comments: [
        { id: opening, text: '', deleted: true },
        { id: answered.value, author: tom, text: 'The first ten, in order.', deleted: false },
      ],
    });
    expect(rita_.store.setResolved(threadId, false)).toEqual({ ok: true, value: undefined });
    expect(tom_.store.threads()[0]!.thread).toMatchObject({ resolved: false, resolvedBy: rita });
  });

  it('hears another person’s comment when their copy is merged, and nothing after it is destroyed', async () => {
    const content = report('Added 8 of 10 pairs correctly.');
    const rita_ = person(rita, content);
    const tom_ = person(tom, content);
    startOn(rita_.store, content, 'pairs', 'Which pairs?');
    sync(rita_.comments, tom_.comments);
    await turn();
    expect(tom_.heard.at(-1)!.map((placed) => placed.thread.comments[0]!.text)).toEqual(['Which pairs?']);
    tom_.store.destroy();
    const heard = tom_.heard.length;
    startOn(rita_.store, content, 'Added', 'Well done.');
    sync(rita_.comments, tom_.comments);
    await turn();
    expect(tom_.heard).toHaveLength(heard);
  });

  it('refuses words it cannot anchor and comments it cannot take, with a reason, writing nothing', () => {
    const content = report('Added 8 of 10 pairs correctly.');
    const { store, comments } = person(rita, content);
    const before = Y.encodeStateAsUpdate(comments);
    const fragment = content.getXmlFragment('progressComment');
    expect(store.chooseWords('progressComment', fragment, 4, 4)).toEqual({
      ok: false,
      problem: 'Select the words the comment is about first.',
    });
    const chosen = store.chooseWords('progressComment', fragment, 0, 5);
    expect(chosen.ok && store.start(chosen.value, '   ')).toEqual({
      ok: false,
      problem: 'Write something before you send the comment.',
    });
    expect(store.reply('no-such-thread', 'Hello')).toEqual({
      ok: false,
      problem: 'This thread is no longer in the report’s comments.',
    });
    expect(Y.encodeStateAsUpdate(comments)).toEqual(before);
    expect(store.threads()).toEqual([]);
  });
});
