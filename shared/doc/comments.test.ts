import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addThread,
  commentTextLimit,
  deleteComment,
  editComment,
  isWriterOf,
  readThreads,
  reply,
  setResolved,
  threadsMap,
  type CommentAuthor,
} from './comments.ts';
import { anchorFor, placeAnchor, type Placement } from './comment-anchors.ts';
import { fragmentText, setFragmentText } from './text-fragment.ts';

const rita: CommentAuthor = { id: 'rita-device', name: 'Rita Reviewer', role: 'reviewer' };
const tom: CommentAuthor = { id: 'tom-device', name: 'Tom Tutor', role: 'tutor' };
const now = new Date('2026-11-23T09:00:00Z');

function contentDoc(text: string): { doc: Y.Doc; fragment: Y.XmlFragment } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('progressComment');
  setFragmentText(fragment, text);
  return { doc, fragment };
}

/** The paragraph's Y.XmlText, as the editor binding edits it. */
const line = (fragment: Y.XmlFragment, index: number) => (fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText;

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

/** The words a placement covers. */
const covered = (fragment: Y.XmlFragment, placement: Placement) =>
  placement.kind === 'placed' ? fragmentText(fragment).slice(placement.from, placement.to) : placement.kind;

function startThread(fragment: Y.XmlFragment, words: string, comments = new Y.Doc()) {
  const from = fragmentText(fragment).indexOf(words);
  const anchored = anchorFor(fragment, from, from + words.length);
  if (!anchored.ok) throw new Error(anchored.problem);
  const result = addThread(comments, {
    field: 'progressComment',
    ...anchored.value,
    text: 'Which pairs?',
    author: rita,
    now,
  });
  if (!result.ok) throw new Error(result.problem);
  return {
    comments,
    threadId: result.value,
    thread: () => readThreads(comments).find((t) => t.id === result.value)!,
  };
}

describe('comment threads', () => {
  it('hold the field, the quoted words, the author and the opening comment, and survive a round trip', () => {
    const { fragment } = contentDoc('Added 8 of 10 pairs correctly.');
    const { comments, thread } = startThread(fragment, '8 of 10 pairs');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(comments));
    expect(readThreads(copy)).toEqual([thread()]);
    expect(thread()).toMatchObject({
      field: 'progressComment',
      quote: '8 of 10 pairs',
      createdAt: now.toISOString(),
      resolved: false,
      comments: [{ author: rita, text: 'Which pairs?', createdAt: now.toISOString(), deleted: false }],
    });
  });

  it('are a member’s own on each of their devices, and never another member’s', () => {
    const { fragment } = contentDoc('Added 8 of 10 pairs correctly.');
    const { comments, threadId } = startThread(fragment, 'pairs');
    const onLaptop = { id: 'laptop-device', name: 'Tom Tutor', role: 'tutor' as const, memberId: 'member-tom' };
    const written = reply(comments, threadId, 'Which ten?', onLaptop, now);
    const replyId = written.ok ? written.value : '';
    // The same member on their phone (another device id) changes it; another member, or a link, does not.
    expect(
      editComment(comments, threadId, replyId, 'The first ten.', { id: 'phone-device', memberId: 'member-tom' }),
    ).toEqual({
      ok: true,
    });
    expect(isWriterOf(readThreads(comments)[0]!.comments[1]!.author, { id: 'x', memberId: 'member-ann' })).toBe(false);
    expect(deleteComment(comments, threadId, replyId, { id: 'phone-device', memberId: 'member-ann' })).toEqual({
      ok: false,
      problem: 'You can change only your own comments.',
    });
    expect(deleteComment(comments, threadId, replyId, 'phone-device')).toMatchObject({ ok: false });
    expect(readThreads(comments)[0]!.comments[1]).toMatchObject({ text: 'The first ten.', deleted: false });
  });

  it('take replies, edits and deletions of one’s own comments only; a deleted comment keeps its place', () => {
    const { fragment } = contentDoc('Added 8 of 10 pairs correctly.');
    const { comments, threadId, thread } = startThread(fragment, 'pairs');
    const answer = reply(comments, threadId, '  The first ten.  ', tom, now);
    expect(answer).toMatchObject({ ok: true });
    const opening = thread().comments[0].id;
    const replyId = answer.ok ? answer.value : '';

    expect(editComment(comments, threadId, opening, 'Hijacked', tom)).toEqual({
      ok: false,
      problem: 'You can change only your own comments.',
    });
    expect(deleteComment(comments, threadId, opening, tom)).toEqual({
      ok: false,
      problem: 'You can change only your own comments.',
    });
    const later = new Date('2026-11-23T10:00:00Z');
    expect(editComment(comments, threadId, replyId, 'The first ten, in order.', tom, later)).toEqual({ ok: true });
    expect(deleteComment(comments, threadId, opening, rita, later)).toEqual({ ok: true });
    expect(editComment(comments, threadId, opening, 'Back again', rita)).toEqual({
      ok: false,
      problem: 'This comment was deleted.',
    });

    expect(thread().comments).toEqual([
      expect.objectContaining({ id: opening, text: '', deleted: true, editedAt: later.toISOString() }),
      expect.objectContaining({
        id: replyId,
        author: tom,
        text: 'The first ten, in order.',
        editedAt: later.toISOString(),
        deleted: false,
      }),
    ]);
  });

  it('refuse empty and over-long comments with a clear reason, changing nothing', () => {
    const { fragment } = contentDoc('Added 8 of 10 pairs correctly.');
    const { comments, threadId, thread } = startThread(fragment, 'pairs');
    const before = Y.encodeStateAsUpdate(comments);
    expect(reply(comments, threadId, '   ', tom)).toEqual({
      ok: false,
      problem: 'Write something before you send the comment.',
    });
    expect(reply(comments, threadId, 'x'.repeat(commentTextLimit + 1), tom)).toEqual({
      ok: false,
      problem: 'A comment can be at most 2,000 characters; this one is 2,001. Shorten it and send it again.',
    });
    expect(editComment(comments, threadId, thread().comments[0].id, '', rita)).toMatchObject({ ok: false });
    const anchored = anchorFor(fragment, 0, 5);
    expect(
      anchored.ok &&
        addThread(comments, {
          field: 'progressComment',
          ...anchored.value,
          text: ' ',
          author: tom,
        }),
    ).toEqual({
      ok: false,
      problem: 'Write something before you send the comment.',
    });
    expect(reply(comments, 'no-such-thread', 'Hello', tom)).toEqual({
      ok: false,
      problem: 'This thread is no longer in the report’s comments.',
    });
    expect(anchorFor(fragment, 5, 5)).toEqual({
      ok: false,
      problem: 'Select the words the comment is about first.',
    });
    expect(Y.encodeStateAsUpdate(comments)).toEqual(before);
    expect(reply(comments, threadId, 'x'.repeat(commentTextLimit), tom)).toMatchObject({ ok: true });
  });

  it('resolve and reopen, recording who did it', () => {
    const { fragment } = contentDoc('Added 8 of 10 pairs correctly.');
    const { comments, threadId, thread } = startThread(fragment, 'pairs');
    expect(setResolved(comments, threadId, true, tom, now)).toEqual({ ok: true });
    expect(thread()).toMatchObject({ resolved: true, resolvedBy: tom, resolvedAt: now.toISOString() });
    expect(setResolved(comments, threadId, false, rita, now)).toEqual({ ok: true });
    expect(thread()).toMatchObject({ resolved: false, resolvedBy: rita });
  });

  it('leave a malformed entry written by another program alone rather than failing', () => {
    const { fragment } = contentDoc('Added 8 of 10 pairs correctly.');
    const { comments, thread } = startThread(fragment, 'pairs');
    const junk = new Y.Map<unknown>();
    junk.set('field', 42);
    threadsMap(comments).set('junk', junk);
    expect(readThreads(comments)).toEqual([thread()]);
  });
});

describe('comment anchors', () => {
  it('quote the words without the line breaks at either end of a selection', () => {
    const { fragment } = contentDoc('First line.\nSecond line.');
    const anchored = anchorFor(fragment, 6, 12);
    expect(anchored).toMatchObject({ ok: true, value: { quote: 'line.' } });
    expect(anchored.ok && placeAnchor(fragment, anchored.value.anchor)).toEqual({ kind: 'placed', from: 6, to: 11 });
    const across = anchorFor(fragment, 6, 18);
    expect(across.ok && covered(fragment, placeAnchor(fragment, across.value.anchor))).toBe('line.\nSecond');
  });

  it('cover the same words after concurrent edits before, inside, after and elsewhere, once merged', () => {
    const tutor = contentDoc('Learning objective.\nAdded 8 of 10 pairs correctly today.');
    const mentor = new Y.Doc();
    Y.applyUpdate(mentor, Y.encodeStateAsUpdate(tutor.doc));
    const mentorFragment = mentor.getXmlFragment('progressComment');
    const { comments, thread } = startThread(tutor.fragment, '8 of 10 pairs');

    // The tutor types just before the words and inside them; the mentor types just after them and in another paragraph.
    const tutorLine = line(tutor.fragment, 1);
    tutorLine.insert('Added 8 of 10'.length, ' matching');
    tutorLine.insert('Added '.length, 'about ');
    line(mentorFragment, 1).insert('Added 8 of 10 pairs'.length, ' (with help)');
    line(mentorFragment, 0).insert(0, 'Our ');
    sync(tutor.doc, mentor);

    const expected = 'Our Learning objective.\nAdded about 8 of 10 matching pairs (with help) correctly today.';
    expect(fragmentText(tutor.fragment)).toBe(expected);
    expect(fragmentText(mentorFragment)).toBe(expected);
    // The comments travel separately; each device places the anchor in its own copy.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(comments));
    expect(covered(tutor.fragment, placeAnchor(tutor.fragment, thread().anchor))).toBe('8 of 10 matching pairs');
    expect(covered(mentorFragment, placeAnchor(mentorFragment, readThreads(elsewhere)[0].anchor))).toBe(
      '8 of 10 matching pairs',
    );
  });

  it('hold exactly their words under random concurrent typing anywhere, at their edges too (fuzz)', () => {
    let seed = 7;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    for (let round = 0; round < 200; round++) {
      const one = contentDoc('before WORDS after\nsecond line');
      const two = new Y.Doc();
      Y.applyUpdate(two, Y.encodeStateAsUpdate(one.doc));
      const { thread } = startThread(one.fragment, 'WORDS');
      for (const doc of [one.doc, two]) {
        for (let i = 0; i < 4; i++) {
          const text = line(doc.getXmlFragment('progressComment'), random(2));
          text.insert(random(text.length + 1), 'q'.repeat(1 + random(3)));
        }
      }
      sync(one.doc, two);
      for (const fragment of [one.fragment, two.getXmlFragment('progressComment')]) {
        const words = covered(fragment, placeAnchor(fragment, thread().anchor));
        // Typing inside the words is part of them; typing at either edge is not.
        expect(words.replace(/q/g, '')).toBe('WORDS');
        expect(words.startsWith('W') && words.endsWith('S')).toBe(true);
      }
    }
  });

  it('shrink when some of the words are deleted, and mark the thread as about removed text when all are', () => {
    const tutor = contentDoc('Added 8 of 10 pairs correctly.');
    const mentor = new Y.Doc();
    Y.applyUpdate(mentor, Y.encodeStateAsUpdate(tutor.doc));
    const mentorFragment = mentor.getXmlFragment('progressComment');
    const { thread } = startThread(tutor.fragment, '8 of 10 pairs');

    line(tutor.fragment, 0).delete('Added '.length, '8 of '.length);
    expect(covered(tutor.fragment, placeAnchor(tutor.fragment, thread().anchor))).toBe('10 pairs');

    // Deleted on one device while the other types just after the words: the thread is about removed text.
    line(tutor.fragment, 0).delete('Added '.length, '10 pairs'.length);
    line(mentorFragment, 0).insert('Added 8 of 10 pairs'.length, '!');
    sync(tutor.doc, mentor);
    expect(fragmentText(tutor.fragment)).toBe('Added ! correctly.');
    expect(placeAnchor(tutor.fragment, thread().anchor)).toEqual({ kind: 'removed' });
    expect(placeAnchor(mentorFragment, thread().anchor)).toEqual({ kind: 'removed' });
  });

  it('mark the thread as about removed text when the whole paragraph goes, and replacing the words counts too', () => {
    const { fragment } = contentDoc('Keep this.\nAdded 8 of 10 pairs correctly.');
    const { thread } = startThread(fragment, '8 of 10');
    setFragmentText(fragment, 'Keep this.');
    expect(placeAnchor(fragment, thread().anchor)).toEqual({ kind: 'removed' });

    const other = contentDoc('Added 8 of 10 pairs correctly.');
    const replaced = startThread(other.fragment, '8 of 10');
    line(other.fragment, 0).delete('Added '.length, '8 of 10'.length);
    line(other.fragment, 0).insert('Added '.length, 'nine');
    expect(placeAnchor(other.fragment, replaced.thread().anchor)).toEqual({ kind: 'removed' });
  });

  it('anchor words in any of a paragraph’s texts, as another program may write them', () => {
    const { fragment } = contentDoc('Added 8 of 10.');
    const more = new Y.XmlText(' Then 9 of 10.');
    (fragment.get(0) as Y.XmlElement).insert(1, [more]);
    const { thread } = startThread(fragment, '10. Then 9');
    expect(thread().quote).toBe('10. Then 9');
    more.insert(0, ' Later:');
    expect(covered(fragment, placeAnchor(fragment, thread().anchor))).toBe('10. Later: Then 9');
  });

  it('are pending on a device whose copy of the report has not received the words yet', () => {
    const { fragment } = contentDoc('Added 8 of 10 pairs correctly.');
    const { thread } = startThread(fragment, 'pairs');
    const empty = new Y.Doc().getXmlFragment('progressComment');
    expect(placeAnchor(empty, thread().anchor)).toEqual({ kind: 'pending' });
  });
});
