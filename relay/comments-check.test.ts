// The comments room's check on its own: every change the app makes passes; each change an attacker made with a
// raw Yjs client is refused with its reason, and the room's next honest change still passes.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorFor } from '../shared/doc/comment-anchors.ts';
import {
  addThread,
  commentTextLimit,
  deleteComment,
  editComment,
  reply,
  setResolved,
  threadsMap,
  type CommentAuthor,
} from '../shared/doc/comments.ts';
import { setFragmentText } from '../shared/doc/text-fragment.ts';
import { confirmFacts, teacherCommentsKey, teacherPart } from '../shared/reports/termly-review/doc.ts';
import { tutorReplyKey } from '../shared/reports/qa-observation/doc.ts';
import type { Role } from '../shared/protocol/roles.ts';
import { CommentsCheck, commentsRefusals, type Speaker } from './comments-check.ts';

const rita: CommentAuthor = { id: 'rita-device', name: 'Rita Reviewer', role: 'reviewer' };
const tom: CommentAuthor = { id: 'tom-device', name: 'Tom Tutor', role: 'tutor' };

/** The relay's room (its document and check) and a device synced with it, which makes changes. */
function room() {
  const content = new Y.Doc();
  const field = content.getXmlFragment('progressComment');
  setFragmentText(field, 'Sam worked in pairs on fractions.');
  const relayDoc = new Y.Doc();
  const check = new CommentsCheck(relayDoc);
  const device = new Y.Doc();
  /** Makes a change on the device and offers it to the relay as sent with a `role` link or by a speaker (none: unchecked). */
  const change = (make: (doc: Y.Doc) => void, sender?: Role | Speaker) => {
    const before = Y.encodeStateVector(device);
    make(device);
    const update = Y.encodeStateAsUpdate(device, before);
    const checked = check.check(update, typeof sender === 'string' ? { role: sender } : sender);
    if (checked.ok) Y.applyUpdate(relayDoc, update);
    return checked;
  };
  const startThread = () => {
    const anchored = anchorFor(field, 4, 10);
    if (!anchored.ok) throw new Error(anchored.problem);
    let id = '';
    const checked = change((doc) => {
      const made = addThread(doc, { field: 'progressComment', ...anchored.value, text: 'Which pairs?', author: rita });
      if (made.ok) id = made.value;
    });
    expect(checked).toEqual({
      ok: true,
      value: [{ threadId: id, author: { name: rita.name, role: rita.role }, threadMembers: [] }],
    });
    return id;
  };
  return { relayDoc, check, device, change, startThread };
}

const passes = { ok: true, value: expect.any(Array) };

describe('the comments room’s check', () => {
  it('passes every change the app makes: threads, replies, edits, deletions, resolving, the teacher’s part, a reply', () => {
    const { change, startThread, device } = room();
    const threadId = startThread();
    let replyId = '';
    expect(
      change((doc) => {
        const made = reply(doc, threadId, 'The front table.', tom);
        if (made.ok) replyId = made.value;
      }),
    ).toEqual(passes);
    expect(change((doc) => editComment(doc, threadId, replyId, 'The front two tables.', tom.id))).toEqual(passes);
    expect(change((doc) => deleteComment(doc, threadId, replyId, tom.id))).toEqual(passes);
    expect(change((doc) => setResolved(doc, threadId, true, rita))).toEqual(passes);
    expect(change((doc) => setResolved(doc, threadId, false, tom))).toEqual(passes);
    expect(change((doc) => setFragmentText(doc.getXmlFragment(teacherCommentsKey), 'I agree.'))).toEqual(passes);
    expect(change((doc) => confirmFacts(doc, 'Tess Teacher', '2026-12-01T10:00:00Z'))).toEqual(passes);
    expect(change((doc) => setFragmentText(doc.getXmlFragment(tutorReplyKey), 'Thank you.'))).toEqual(passes);
    expect(threadsMap(device).size).toBe(1);
  });

  it.each([
    {
      attack: 'content-like data under a name of its own',
      make: (doc: Y.Doc) => doc.getMap('fields').set('learnerName', 'Mallory'),
      reason: commentsRefusals.otherData,
    },
    {
      attack: 'a free-text field of the content',
      make: (doc: Y.Doc) => setFragmentText(doc.getXmlFragment('summary'), 'Rewritten'),
      reason: commentsRefusals.otherData,
    },
    {
      attack: 'the threads used as a list',
      make: (doc: Y.Doc) => doc.getArray('threads').insert(0, ['x']),
      reason: commentsRefusals.otherData,
      fresh: true,
    },
    {
      attack: 'plain text straight into the teacher’s comments',
      make: (doc: Y.Doc) => doc.getText(teacherCommentsKey).insert(0, 'not a paragraph'),
      reason: commentsRefusals.notText,
    },
    {
      attack: 'a number in the teacher’s part',
      make: (doc: Y.Doc) => teacherPart(doc).set('factsConfirmedAt', 42),
      reason: commentsRefusals.otherData,
    },
  ])('refuses $attack', ({ make, reason, fresh }: { make: (doc: Y.Doc) => void; reason: string; fresh?: boolean }) => {
    const { change, startThread } = room();
    // A device that has not read the threads yet can make them a list; one that has cannot.
    if (!fresh) startThread();
    expect(change(make)).toEqual({ ok: false, problem: reason });
  });

  it.each([
    {
      attack: 'a thread hard-deleted',
      make: (doc: Y.Doc, id: string) => threadsMap(doc).delete(id),
      reason: commentsRefusals.threadRemoved,
    },
    {
      attack: 'a thread replaced by a new one under its id',
      make: (doc: Y.Doc, id: string) => threadsMap(doc).set(id, new Y.Map()),
      reason: commentsRefusals.threadRemoved,
    },
    {
      attack: 'the opening comment taken out of its thread',
      make: (doc: Y.Doc, id: string) => (threadsMap(doc).get(id)!.get('comments') as Y.Array<unknown>).delete(0, 1),
      reason: commentsRefusals.commentRemoved,
    },
    {
      attack: 'a thread without its comments',
      make: (doc: Y.Doc, id: string) => threadsMap(doc).get(id)!.delete('comments'),
      reason: commentsRefusals.notAThread,
    },
    {
      attack: 'a thread whose id is not its key',
      make: (doc: Y.Doc, id: string) => threadsMap(doc).get(id)!.set('id', 'another'),
      reason: commentsRefusals.notAThread,
    },
    {
      attack: `a comment of ${commentTextLimit + 1} characters`,
      make: (doc: Y.Doc, id: string) => {
        const comments = threadsMap(doc).get(id)!.get('comments') as Y.Array<Y.Map<unknown>>;
        comments.get(0).set('text', 'a'.repeat(commentTextLimit + 1));
      },
      reason: commentsRefusals.commentTooLong,
    },
    {
      attack: 'a comment emptied without being deleted',
      make: (doc: Y.Doc, id: string) => {
        const comments = threadsMap(doc).get(id)!.get('comments') as Y.Array<Y.Map<unknown>>;
        comments.get(0).set('text', '   ');
      },
      reason: commentsRefusals.emptyComment,
    },
    {
      attack: 'a comment given the id of another in its thread',
      make: (doc: Y.Doc, id: string) => {
        const comments = threadsMap(doc).get(id)!.get('comments') as Y.Array<Y.Map<unknown>>;
        comments.push([new Y.Map(Object.entries(comments.get(0).toJSON()))]);
      },
      reason: commentsRefusals.repeatedComment,
    },
    {
      attack: 'a plain value where a thread should be',
      make: (doc: Y.Doc) => (threadsMap(doc) as Y.Map<unknown>).set('t-forged', 'not a thread'),
      reason: commentsRefusals.notAThread,
    },
    {
      attack: 'a plain object where a comment should be',
      make: (doc: Y.Doc, id: string) =>
        (threadsMap(doc).get(id)!.get('comments') as Y.Array<unknown>).push([{ id: 'x', text: 'forged' }]),
      reason: commentsRefusals.notAThread,
    },
  ])('refuses $attack, and takes the next honest change', ({ make, reason }) => {
    const { change, startThread, relayDoc, device } = room();
    const threadId = startThread();
    expect(change((doc) => make(doc, threadId))).toEqual({ ok: false, problem: reason });
    // The room still has the thread as it was; a device that has not made the bad change goes on.
    const honest = new Y.Doc();
    Y.applyUpdate(honest, Y.encodeStateAsUpdate(relayDoc));
    const check = new CommentsCheck(relayDoc);
    const before = Y.encodeStateVector(honest);
    reply(honest, threadId, 'Still here.', tom);
    expect(check.check(Y.encodeStateAsUpdate(honest, before))).toEqual(passes);
    expect(threadsMap(relayDoc).get(threadId)).toBeInstanceOf(Y.Map);
    expect(device).toBeDefined();
  });

  // A device that reads a text part as another type can put other things after its paragraphs: the update then
  // names no part for them (Yjs places an item by the one before it), so the part itself is looked at.
  it.each([
    {
      attack: 'bare characters after the teacher’s paragraphs',
      part: teacherCommentsKey,
      make: (doc: Y.Doc) => {
        const text = doc.getText(teacherCommentsKey);
        return () => text.insert(text.length, 'not a paragraph');
      },
    },
    {
      attack: 'a map among the teacher’s paragraphs',
      part: teacherCommentsKey,
      make: (doc: Y.Doc) => {
        const list = doc.getArray<unknown>(teacherCommentsKey);
        return () => list.push([new Y.Map([['learnerName', 'Mallory']])]);
      },
    },
    {
      attack: 'bare characters inside a paragraph of the tutor’s reply',
      part: tutorReplyKey,
      make: (doc: Y.Doc) => {
        const reply = doc.getXmlFragment(tutorReplyKey);
        return () => (reply.get(0) as Y.XmlElement).insert(0, ['not text' as unknown as Y.XmlText]);
      },
    },
  ])('refuses $attack, and takes the next honest change', ({ part, make }) => {
    const { change, relayDoc } = room();
    expect(change((doc) => setFragmentText(doc.getXmlFragment(part), 'I agree.'))).toEqual(passes);
    const check = new CommentsCheck(relayDoc);
    // The attacker's device names the part's type before it syncs, so the room's paragraphs land in that type.
    const attacker = new Y.Doc();
    const attack = make(attacker);
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(relayDoc));
    attack();
    const update = Y.encodeStateAsUpdate(attacker, Y.encodeStateVector(relayDoc));
    expect(check.check(update)).toEqual({ ok: false, problem: commentsRefusals.notText });
    const honest = new Y.Doc();
    Y.applyUpdate(honest, Y.encodeStateAsUpdate(relayDoc));
    const before = Y.encodeStateVector(honest);
    setFragmentText(honest.getXmlFragment(part), 'I agree with the targets.');
    expect(check.check(Y.encodeStateAsUpdate(honest, before))).toEqual(passes);
  });

  it('makes its shadow again after a refusal, so a later honest change from elsewhere is judged on the room as it is', () => {
    const { check, relayDoc, startThread, change } = room();
    const threadId = startThread();
    expect(change((doc) => threadsMap(doc).delete(threadId)).ok).toBe(false);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(relayDoc));
    const before = Y.encodeStateVector(other);
    setResolved(other, threadId, true, tom);
    const update = Y.encodeStateAsUpdate(other, before);
    expect(check.check(update)).toEqual(passes);
  });
});

describe('the role a comment speaks in', () => {
  it('is the role of the link it is sent with: a new thread, a reply, resolving, an edit of one’s own', () => {
    const { change } = room();
    let threadId = '';
    const content = new Y.Doc().getXmlFragment('progressComment');
    setFragmentText(content, 'Sam worked in pairs.');
    const anchored = anchorFor(content, 4, 10);
    if (!anchored.ok) throw new Error(anchored.problem);
    const started = change((doc) => {
      const made = addThread(doc, { field: 'progressComment', ...anchored.value, text: 'Which?', author: rita });
      if (made.ok) threadId = made.value;
    }, 'reviewer');
    expect(started).toEqual(passes);
    let tomsReply = '';
    expect(
      change((doc) => {
        const made = reply(doc, threadId, 'The front table.', tom);
        if (made.ok) tomsReply = made.value;
      }, 'tutor'),
    ).toEqual(passes);
    expect(change((doc) => editComment(doc, threadId, tomsReply, 'The front two.', tom.id), 'tutor')).toEqual(passes);
    expect(change((doc) => setResolved(doc, threadId, true, rita), 'reviewer')).toEqual(passes);
  });

  it.each([
    {
      attack: 'a reply in the tutor’s name and role sent with a mentor’s link',
      make: (doc: Y.Doc, threadId: string) => reply(doc, threadId, 'I approve of myself.', tom),
      reason: commentsRefusals.notYourRole,
    },
    {
      attack: 'the tutor’s comment rewritten with a mentor’s link',
      make: (doc: Y.Doc, threadId: string, tomsReply: string) =>
        editComment(doc, threadId, tomsReply, 'Rewritten.', tom.id),
      reason: commentsRefusals.notYourComment,
    },
    {
      attack: 'the tutor’s comment deleted with a mentor’s link',
      make: (doc: Y.Doc, threadId: string, tomsReply: string) => deleteComment(doc, threadId, tomsReply, tom.id),
      reason: commentsRefusals.notYourComment,
    },
    {
      attack: 'the tutor’s comment given a new author',
      make: (doc: Y.Doc, threadId: string) => {
        const comments = threadsMap(doc).get(threadId)!.get('comments') as Y.Array<Y.Map<unknown>>;
        comments.get(1).set('author', { id: 'mo', name: 'Mo Mentor', role: 'mentor' });
      },
      reason: commentsRefusals.notYourComment,
    },
    {
      attack: 'a thread resolved in the tutor’s role with a mentor’s link',
      make: (doc: Y.Doc, threadId: string) => setResolved(doc, threadId, true, tom),
      reason: commentsRefusals.notYourRole,
    },
  ])('refuses $attack', ({ make, reason }) => {
    const { change, startThread } = room();
    const threadId = startThread();
    let tomsReply = '';
    change((doc) => {
      const made = reply(doc, threadId, 'The front table.', tom);
      if (made.ok) tomsReply = made.value;
    }, 'tutor');
    expect(change((doc) => void make(doc, threadId, tomsReply), 'mentor')).toEqual({ ok: false, problem: reason });
  });
});

describe('the name and member id a signed-in member’s comment carries', () => {
  const rosa = { id: '6f1d2c3b-0000-4000-8000-000000000001', name: 'Rosa Reviewer' };
  const ray = { id: '6f1d2c3b-0000-4000-8000-000000000002', name: 'Ray Reviewer' };
  const asMember = (member: typeof rosa): Speaker => ({ role: 'reviewer', account: member });
  const authorFor = (member: typeof rosa): CommentAuthor => ({
    id: `${member.name}-device`,
    name: member.name,
    role: 'reviewer',
    memberId: member.id,
  });

  /** A room with Rosa's thread, written as a member. */
  function rosasThread() {
    const made = room();
    const content = new Y.Doc().getXmlFragment('progressComment');
    setFragmentText(content, 'Sam worked in pairs.');
    const anchored = anchorFor(content, 4, 10);
    if (!anchored.ok) throw new Error(anchored.problem);
    let threadId = '';
    const started = made.change((doc) => {
      const added = addThread(doc, {
        field: 'progressComment',
        ...anchored.value,
        text: 'Which?',
        author: authorFor(rosa),
      });
      if (added.ok) threadId = added.value;
    }, asMember(rosa));
    expect(started).toEqual(passes);
    const rosasComment = () =>
      (threadsMap(made.device).get(threadId)!.get('comments') as Y.Array<Y.Map<unknown>>).get(0).get('id') as string;
    return { ...made, threadId, rosasComment: rosasComment() };
  }

  it('passes a member’s comments, edits and resolving in their account’s name and member id', () => {
    const { change, threadId, rosasComment } = rosasThread();
    const author = authorFor(rosa);
    expect(change((doc) => reply(doc, threadId, 'And which table?', author), asMember(rosa))).toEqual(passes);
    expect(change((doc) => editComment(doc, threadId, rosasComment, 'Which two?', author.id), asMember(rosa))).toEqual(
      passes,
    );
    expect(change((doc) => setResolved(doc, threadId, true, author), asMember(rosa))).toEqual(passes);
    // Anyone who may comment reopens a thread, in their own name.
    expect(change((doc) => setResolved(doc, threadId, false, tom), 'tutor')).toEqual(passes);
  });

  it.each([
    {
      attack: 'a member’s reply under another person’s name',
      make: (doc: Y.Doc, threadId: string) =>
        reply(doc, threadId, 'Approved.', { ...authorFor(rosa), name: 'Ray Reviewer' }),
      sender: asMember(rosa),
      reason: commentsRefusals.notYourName,
    },
    {
      attack: 'a member’s reply under their name with another member’s id',
      make: (doc: Y.Doc, threadId: string) =>
        reply(doc, threadId, 'Approved.', { ...authorFor(rosa), memberId: ray.id }),
      sender: asMember(rosa),
      reason: commentsRefusals.notYourName,
    },
    {
      attack: 'a member’s reply with no member id',
      make: (doc: Y.Doc, threadId: string) => reply(doc, threadId, 'Approved.', rita),
      sender: asMember(rosa),
      reason: commentsRefusals.notYourName,
    },
    {
      attack: 'a thread resolved by a member in someone else’s name',
      make: (doc: Y.Doc, threadId: string) => setResolved(doc, threadId, true, authorFor(ray)),
      sender: asMember(rosa),
      reason: commentsRefusals.notYourName,
    },
    {
      attack: 'a reply sent with a reviewer’s link claiming a member’s id',
      make: (doc: Y.Doc, threadId: string) => reply(doc, threadId, 'Approved.', authorFor(rosa)),
      sender: 'reviewer' as const,
      reason: commentsRefusals.notAMember,
    },
    {
      attack: 'a member’s comment rewritten by another member of the same role',
      make: (doc: Y.Doc, threadId: string, rosasComment: string) =>
        editComment(doc, threadId, rosasComment, 'Rewritten.', `${rosa.name}-device`),
      sender: asMember(ray),
      reason: commentsRefusals.notYourMembersComment,
    },
    {
      attack: 'a member’s comment deleted with a reviewer’s link',
      make: (doc: Y.Doc, threadId: string, rosasComment: string) =>
        deleteComment(doc, threadId, rosasComment, `${rosa.name}-device`),
      sender: 'reviewer' as const,
      reason: commentsRefusals.notYourMembersComment,
    },
  ])('refuses $attack', ({ make, sender, reason }) => {
    const { change, threadId, rosasComment } = rosasThread();
    expect(change((doc) => void make(doc, threadId, rosasComment), sender)).toEqual({ ok: false, problem: reason });
  });
});
