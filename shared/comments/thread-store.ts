// The comment threads of one open report, as plain data: reads the comments document, places each thread's
// anchor in the content document, and writes comments as one person. No DOM and no connection: the caller
// opens both documents and says who is writing. Changes to either document within one turn (a keystroke, a
// remote update) reach the listeners once, after that turn; `threads()` is always the documents' current state.
import type * as Y from 'yjs';
import { ok } from '../result.ts';
import { placedInContent } from './placed-in-content.ts';
import { anchorFor, placeAnchor, type Anchor, type Placement } from '../doc/comment-anchors.ts';
import {
  addThread,
  deleteComment,
  editComment,
  readThreads,
  reply,
  setResolved,
  type CommentAuthor,
  type CommentResult,
  type Thread,
} from '../doc/comments.ts';

export interface PlacedThread {
  thread: Thread;
  placement: Placement;
}

/** Words chosen for a new thread: anchored when they are chosen, so edits while the comment is written do not move them. */
export interface ChosenWords {
  field: string;
  anchor: Anchor;
  quote: string;
}

export interface ThreadStoreOptions {
  /** The report's comments document. */
  comments: Y.Doc;
  /** Who writes this device's comments now (a name given or a link's role can arrive after the report opened). */
  author: () => CommentAuthor;
}

export type ThreadStore = ReturnType<typeof createThreadStore>;

export function createThreadStore({ comments, author }: ThreadStoreOptions) {
  const placing = placedInContent(comments, (fragmentOf) =>
    readThreads(comments).map((thread): PlacedThread => {
      const fragment = fragmentOf(thread.field);
      return { thread, placement: fragment ? placeAnchor(fragment, thread.anchor) : { kind: 'pending' } };
    }),
  );

  return {
    threads: placing.current,

    /** Calls `listener` with the threads after each turn in which they changed; returns the way to stop. */
    subscribe: placing.subscribe,

    /** The content document the anchors point into (again after it is replaced). */
    setContent: placing.setContent,

    /**
     * Anchors the words from `from` to `to` of a field's text (offsets as shared/doc/text-fragment.ts counts
     * them), in the fragment the person selected them in.
     */
    chooseWords(field: string, fragment: Y.XmlFragment, from: number, to: number): CommentResult<ChosenWords> {
      const anchored = anchorFor(fragment, from, to);
      return anchored.ok ? ok({ field, ...anchored.value }) : anchored;
    },

    /** Starts a thread on chosen words with its opening comment. */
    start: (words: ChosenWords, text: string) => addThread(comments, { ...words, text, author: author() }),
    reply: (threadId: string, text: string) => reply(comments, threadId, text, author()),
    edit: (threadId: string, commentId: string, text: string) =>
      editComment(comments, threadId, commentId, text, author()),
    /** Deletes one's own comment's words; it keeps its place in the thread. */
    remove: (threadId: string, commentId: string) => deleteComment(comments, threadId, commentId, author()),
    setResolved: (threadId: string, resolved: boolean) => setResolved(comments, threadId, resolved, author()),

    destroy: placing.destroy,
  };
}
