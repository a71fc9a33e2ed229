// The `<id>/comments` document: threads of comments on a report's free-text fields (docs/doc-format.md).
// A thread is anchored to the words it is about (./comment-anchors.ts). Comment text is plain text.
import * as Y from 'yjs';
import { z } from 'zod';
import { Role } from '../protocol/roles.ts';
import { fail, ok, type Result } from '../result.ts';
import { Anchor } from './comment-anchors.ts';

/** The longest a comment may be, in characters. */
export const commentTextLimit = 2000;

export const CommentAuthor = z.object({
  /** Who wrote it: a random id each device keeps for its person, so "your own" comments are recognised. */
  id: z.string().min(1).max(64),
  /** As the person gave it; for a signed-in member, their account's name (the relay refuses any other). */
  name: z.string().max(120),
  role: Role,
  /** Only when written with a signed-in member's token: their member id, checked by the relay. */
  memberId: z.string().min(1).max(64).optional(),
});
export type CommentAuthor = z.infer<typeof CommentAuthor>;

export const Comment = z.object({
  id: z.string(),
  author: CommentAuthor,
  text: z.string(),
  createdAt: z.string(),
  editedAt: z.string().optional(),
  deleted: z.boolean().default(false),
});
export type Comment = z.infer<typeof Comment>;

export const Thread = z.object({
  id: z.string(),
  /** The free-text field's key (its Y.XmlFragment's name in the content document). */
  field: z.string(),
  anchor: Anchor,
  /** The words selected when the thread was started. */
  quote: z.string(),
  createdAt: z.string(),
  resolved: z.boolean().default(false),
  resolvedBy: CommentAuthor.optional(),
  resolvedAt: z.string().optional(),
  /** The opening comment first, then the replies in the order they were added. */
  comments: z.array(Comment).min(1),
});
export type Thread = z.infer<typeof Thread>;

/** What a comment action answers: its value (a new thread's or comment's id), or why it was refused. */
export type CommentResult<T = undefined> = Result<T>;

export const threadsMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('threads');

const newId = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
};

/** Trims a comment and says what is wrong with it, if anything. */
export function checkCommentText(text: string): CommentResult<string> {
  const trimmed = text.trim();
  if (!trimmed) return fail('Write something before you send the comment.');
  if (trimmed.length > commentTextLimit) {
    return fail(
      `A comment can be at most ${commentTextLimit.toLocaleString('en-GB')} characters; this one is ${trimmed.length.toLocaleString('en-GB')}. Shorten it and send it again.`,
    );
  }
  return ok(trimmed);
}

function commentMap(id: string, author: CommentAuthor, text: string, now: Date): Y.Map<unknown> {
  const comment = new Y.Map<unknown>();
  comment.set('id', id);
  comment.set('author', { ...author });
  comment.set('text', text);
  comment.set('createdAt', now.toISOString());
  comment.set('deleted', false);
  return comment;
}

export interface NewThread {
  field: string;
  /** From `anchorFor`, taken when the words were selected. */
  anchor: Anchor;
  quote: string;
  text: string;
  author: CommentAuthor;
  now?: Date;
}

/** Starts a thread on a field's words with its opening comment; its value is the new thread's id. */
export function addThread(doc: Y.Doc, thread: NewThread): CommentResult<string> {
  const checked = checkCommentText(thread.text);
  if (!checked.ok) return checked;
  const now = thread.now ?? new Date();
  const threadId = newId();
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('id', threadId);
    map.set('field', thread.field);
    map.set('anchor', thread.anchor);
    map.set('quote', thread.quote);
    map.set('createdAt', now.toISOString());
    map.set('resolved', false);
    const comments = new Y.Array<Y.Map<unknown>>();
    comments.push([commentMap(newId(), thread.author, checked.value, now)]);
    map.set('comments', comments);
    threadsMap(doc).set(threadId, map);
  });
  return ok(threadId);
}

function threadParts(doc: Y.Doc, threadId: string) {
  const map = threadsMap(doc).get(threadId);
  const comments = map?.get('comments');
  if (!map || !(comments instanceof Y.Array)) return undefined;
  return { map, comments: comments as Y.Array<Y.Map<unknown>> };
}

const missingThread = fail('This thread is no longer in the report’s comments.');

export function reply(
  doc: Y.Doc,
  threadId: string,
  text: string,
  author: CommentAuthor,
  now = new Date(),
): CommentResult<string> {
  const checked = checkCommentText(text);
  if (!checked.ok) return checked;
  const parts = threadParts(doc, threadId);
  if (!parts) return missingThread;
  const commentId = newId();
  parts.comments.push([commentMap(commentId, author, checked.value, now)]);
  return ok(commentId);
}

/** Who is changing a comment: this device's author id (alone, or with the member signed in, when one is). */
export type CommentWriter = Pick<CommentAuthor, 'id' | 'memberId'> | string;

/** Whether `author` wrote as `writer`: on this device, or as the same member on any of their devices. */
export function isWriterOf(author: CommentAuthor | undefined, writer: CommentWriter): boolean {
  if (!author) return false;
  const { id, memberId } = typeof writer === 'string' ? { id: writer, memberId: undefined } : writer;
  return author.id === id || (memberId !== undefined && author.memberId === memberId);
}

/** A comment of the thread that this writer wrote and has not deleted, or why it may not be changed. */
function ownComment(
  doc: Y.Doc,
  threadId: string,
  commentId: string,
  writer: CommentWriter,
): CommentResult<Y.Map<unknown>> {
  const parts = threadParts(doc, threadId);
  if (!parts) return missingThread;
  const comment = parts.comments.toArray().find((candidate) => candidate.get('id') === commentId);
  if (!comment) return fail('This comment is no longer in the thread.');
  if (!isWriterOf(comment.get('author') as CommentAuthor | undefined, writer))
    return fail('You can change only your own comments.');
  if (comment.get('deleted') === true) return fail('This comment was deleted.');
  return ok(comment);
}

export function editComment(
  doc: Y.Doc,
  threadId: string,
  commentId: string,
  text: string,
  writer: CommentWriter,
  now = new Date(),
): CommentResult {
  const checked = checkCommentText(text);
  if (!checked.ok) return checked;
  const own = ownComment(doc, threadId, commentId, writer);
  if (!own.ok) return own;
  doc.transact(() => {
    own.value.set('text', checked.value);
    own.value.set('editedAt', now.toISOString());
  });
  return ok();
}

/** Deletes the words of one's own comment; the thread keeps its place ("Comment deleted"), and its replies. */
export function deleteComment(
  doc: Y.Doc,
  threadId: string,
  commentId: string,
  writer: CommentWriter,
  now = new Date(),
): CommentResult {
  const own = ownComment(doc, threadId, commentId, writer);
  if (!own.ok) return own;
  doc.transact(() => {
    own.value.set('text', '');
    own.value.set('deleted', true);
    own.value.set('editedAt', now.toISOString());
  });
  return ok();
}

/** Resolves (or, with `resolved` false, reopens) a thread. Anyone who may comment may do either. */
export function setResolved(
  doc: Y.Doc,
  threadId: string,
  resolved: boolean,
  by: CommentAuthor,
  now = new Date(),
): CommentResult {
  const parts = threadParts(doc, threadId);
  if (!parts) return missingThread;
  doc.transact(() => {
    parts.map.set('resolved', resolved);
    parts.map.set('resolvedBy', { ...by });
    parts.map.set('resolvedAt', now.toISOString());
  });
  return ok();
}

/** Every thread that reads as one, oldest first. A malformed entry (from another program) is left alone, unread. */
export function readThreads(doc: Y.Doc): Thread[] {
  const threads: Thread[] = [];
  threadsMap(doc).forEach((map) => {
    if (!(map instanceof Y.Map)) return;
    const parsed = Thread.safeParse(map.toJSON());
    if (parsed.success) threads.push(parsed.data);
  });
  return threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
