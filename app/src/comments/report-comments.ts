// The comments of one open report, for the report page: its threads (shared/comments/thread-store.ts) in the
// comments room its report session holds, what is new to this person (shared/comments/unread.ts), drawn into
// the fields on screen (./field-views.ts), the thread in focus and a comment being started. Report.tsx makes one
// per open report; the fields, the margin and the reject form read it. Problems with an action are returned to
// the component that asked.
import { Extension } from '@tiptap/core';
import type { EditorView } from '@tiptap/pm/view';
import { createContext, createMemo, createSignal, useContext, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { createThreadStore, type ChosenWords, type PlacedThread } from '../../../shared/comments/thread-store.ts';
import { createUnreadTracker } from '../../../shared/comments/unread.ts';
import type { CommentResult } from '../../../shared/doc/comments.ts';
import { powers, type Role } from '../../../shared/protocol/roles.ts';
import { readClaimsUnverified } from '../../../shared/protocol/tokens.ts';
import { fail, ok } from '../../../shared/result.ts';
import { useRoleWord } from '../collab/role-words.ts';
import { withYourName, yourName } from '../collab/your-name.ts';
import type { ReportSession } from '../report-session/report-session.ts';
import { commentAuthor, deviceAuthorId } from './author.ts';
import { createCommentPlugin } from './comment-plugin.ts';
import { createFieldViews } from './field-views.ts';
import { createReportSuggestions } from './report-suggestions.ts';
import { indexUnread, seenOnThisDevice } from './unread.ts';

/** A person asked to comment on words: the comment being written, or why it could not be started. */
export type NewComment =
  /** `problem`: other words chosen while writing could not be commented on; the comment keeps its words. */
  { kind: 'writing'; words: ChosenWords; fieldLabel: string; problem?: string } | { kind: 'refused'; problem: string };

export type ReportComments = ReturnType<typeof createReportComments>;

export function createReportComments(session: ReportSession) {
  const { reportId, comments } = session;
  const me = deviceAuthorId();
  const [role, setRole] = createSignal<Role | null>(null);
  // Starting, replying and resolving go through withYourName, so the name is known by then; editing and
  // deleting need only the author's id.
  /** With a signed-in member's token: whose account it is, so their comments carry its name and member id. */
  const [account, setAccount] = createSignal<{ id: string; name: string }>();
  const author = () => commentAuthor(yourName() ?? '', role() ?? 'tutor', account());

  const store = createThreadStore({ comments: comments.doc, author });
  const views = createFieldViews();
  const [threads, setThreads] = createSignal<PlacedThread[]>(store.threads());
  const [focused, setFocused] = createSignal<string | null>(null);
  const [newComment, setNewComment] = createSignal<NewComment | null>(null);
  store.subscribe((placed) => {
    setThreads(placed);
    views.highlight(placed, focused());
  });
  /** After this device's own change: shown at once, not a turn later. */
  const placeNow = () => setThreads(store.threads());

  const reading = createReading(reportId, me, threads, comments.whenLoaded);
  const suggestions = createReportSuggestions(comments.doc, author);

  const canComment = () => {
    const current = role();
    return current !== null && powers[current].writeComments;
  };
  const find = (threadId: string) => threads().find((placed) => placed.thread.id === threadId);
  const wrote = <T>(result: CommentResult<T>) => {
    if (!result.ok) return result;
    placeNow();
    // A refusal to start a comment is answered by the next thing that works.
    if (newComment()?.kind === 'refused') setNewComment(null);
    return result;
  };

  function startComment(field: string, fragment: Y.XmlFragment, view: EditorView, from: number, to: number): void {
    const fieldLabel = views.get(field)?.label;
    if (fieldLabel === undefined) return;
    const offsets = views.offsets(view, from, to);
    const chosen = store.chooseWords(field, fragment, offsets.from, offsets.to);
    const open = newComment();
    if (chosen.ok) setNewComment({ kind: 'writing', words: chosen.value, fieldLabel });
    else if (open?.kind === 'writing') setNewComment({ ...open, problem: chosen.problem });
    else setNewComment({ kind: 'refused', problem: chosen.problem });
  }

  /** Shows a thread in the margin (its highlight was clicked, or a link points at it) and marks it read. */
  function focusThread(threadId: string): void {
    setFocused(null);
    setFocused(threadId);
    const thread = find(threadId)?.thread;
    if (thread) reading.markRead(thread.comments.map((c) => c.id));
    views.highlight(threads(), threadId);
  }

  return {
    reportId,
    me,
    /** Who writes here: this device's author id, and the signed-in member's id with a member's token. */
    writer: author,
    threads: threads as Accessor<PlacedThread[]>,
    focused: focused as Accessor<string | null>,
    newComment: newComment as Accessor<NewComment | null>,
    relay: comments.relay,
    /** Comments by others not yet marked read on this device. */
    unread: reading.unread,
    canComment,
    /** Whether this link may read comments at all (a client's may not). */
    mayRead: () => {
      const current = role();
      return current !== null && powers[current].readContent !== 'approved';
    },
    fieldLabel: views.label,

    /** The content document the anchors point into (again after it is replaced). */
    setContent: (doc: Y.Doc) => {
      store.setContent(doc);
      suggestions.setContent(doc);
    },
    /** The report's suggested edits (./report-suggestions.ts). */
    suggestions,
    /** This link's role, once known. */
    role: role as Accessor<Role | null>,

    /**
     * Follows the relay's comments with this device's link; a role that may not read comments (client) does not.
     * A member's token names its member; the owner's own link of a registered report (`owner`) is theirs too.
     */
    connect(token: string, linkRole: Role, owner?: { id: string; name: string }): void {
      setRole(linkRole);
      const claims = readClaimsUnverified(token);
      setAccount(claims?.member && claims.name ? { id: claims.member, name: claims.name } : owner);
      session.connect({ token, role: linkRole });
    },

    /** The ProseMirror plugin for one field: its highlights, its "Add comment" button and shortcut. */
    plugin(field: string, label: string, fragment: Y.XmlFragment) {
      return createCommentPlugin({
        canComment,
        showThread: focusThread,
        addComment: (view, from, to) => startComment(field, fragment, view, from, to),
        attach: (view) => {
          const forget = views.add(field, { label, fragment, view });
          queueMicrotask(() => views.highlight(threads(), focused(), field));
          return forget;
        },
      });
    },

    /** Drops the comment being started and takes the person back to its words. */
    cancelComment(): void {
      const open = newComment();
      setNewComment(null);
      if (open?.kind === 'writing') views.focus(open.words.field);
    },
    /** Starting, replying and resolving sign the comment with this person's name: undefined when, asked for it, they cancelled. */
    postComment: (text: string): Promise<CommentResult | undefined> =>
      withYourName(() => {
        const open = newComment();
        if (open?.kind !== 'writing') return fail('Select the words the comment is about first.');
        const result = wrote(store.start(open.words, text));
        if (!result.ok) return result;
        setNewComment(null);
        setFocused(result.value);
        return ok();
      }),
    reply: (threadId: string, text: string) => withYourName(() => wrote(store.reply(threadId, text))),
    edit: (threadId: string, commentId: string, text: string) => wrote(store.edit(threadId, commentId, text)),
    remove: (threadId: string, commentId: string) => wrote(store.remove(threadId, commentId)),
    setResolved: (threadId: string, resolved: boolean) =>
      withYourName(() => wrote(store.setResolved(threadId, resolved))),

    focusThread,
    /** Scrolls to a thread's words and selects them. */
    showText(threadId: string): boolean {
      const found = find(threadId);
      return found ? views.select(found) : false;
    },
    /** Where a thread's words are on screen, for laying the margin out beside them. */
    topOf(threadId: string): number | undefined {
      const found = find(threadId);
      return found && views.topOf(found);
    },

    /** Marks every comment shown as read (the "new comments" note was used, or the report is being left). */
    markAllRead: () => reading.markRead(reading.unread()),
    /** Keeps the unread count in the device index, for the home page. */
    indexUnread: reading.index,

    destroy(): void {
      reading.destroy();
      store.destroy();
      suggestions.destroy();
    },
  };
}

/**
 * What is new to this person on this device: nothing until this device's saved comments are loaded (so the
 * home page's count is not reset on the way in); leaving the report, or closing the tab, marks all shown read.
 */
function createReading(reportId: string, me: string, threads: Accessor<PlacedThread[]>, whenLoaded: Promise<unknown>) {
  const tracker = createUnreadTracker(seenOnThisDevice(reportId), me);
  const [loaded, setLoaded] = createSignal(false);
  const [marks, setMarks] = createSignal(0);
  void whenLoaded.then(() => setLoaded(true));
  const unread = createMemo(() => {
    marks();
    return loaded() ? tracker.unread(threads().map((placed) => placed.thread)) : [];
  });
  const markRead = (ids: string[]) => {
    if (tracker.markRead(ids)) setMarks((n) => n + 1);
  };
  const leave = () => {
    if (!loaded()) return;
    markRead(unread());
    void indexUnread(reportId, 0);
  };
  window.addEventListener('pagehide', leave);
  return {
    unread,
    markRead,
    index: () => (loaded() ? indexUnread(reportId, unread().length) : Promise.resolve()),
    destroy(): void {
      leave();
      window.removeEventListener('pagehide', leave);
    },
  };
}

export const CommentsContext = createContext<ReportComments>();

/**
 * The comment and suggestion plugins for a field, when the report page provides comments (one line in TextField);
 * `suggesting` says whether the field is in Suggest mode.
 */
export function useCommentExtension(
  field: string,
  label: string,
  fragment: Y.XmlFragment,
  suggesting: () => boolean = () => false,
): Extension[] {
  const store = useContext(CommentsContext);
  if (!store) return [];
  const roleWord = useRoleWord();
  return [
    Extension.create({
      name: 'marginComments',
      addProseMirrorPlugins: () => [
        store.plugin(field, label, fragment),
        store.suggestions.plugin({ field, fragment, suggesting, roleWord }),
      ],
    }),
  ];
}
