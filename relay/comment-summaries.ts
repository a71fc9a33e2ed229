// What the home page needs to count a report's new comments, read from the relay's copy of its `<id>/comments`
// room: each comment's id, author id and time, never its text. Deleted comments are left out.
import * as Y from 'yjs';
import { readThreads } from '../shared/doc/comments.ts';
import type { CommentSummary } from '../shared/protocol/api.ts';

export function summariseComments(snapshot: Uint8Array): CommentSummary[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, snapshot);
    return readThreads(doc).flatMap((thread) =>
      thread.comments
        .filter((comment) => !comment.deleted)
        .map((comment) => ({ id: comment.id, author: { id: comment.author.id }, createdAt: comment.createdAt })),
    );
  } finally {
    doc.destroy();
  }
}
