// The comments of one open report: its comments document, each thread placed in the content document,
// the fields showing highlights, the thread in focus, a comment being started, and what is new to this
// person. Report.tsx makes one per open report, from the comments room its report session holds; the fields,
// the margin and the reject form read it.
import { Extension } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { createContext, createMemo, createSignal, useContext, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import {
  addThread,
  anchorFor,
  deleteComment,
  editComment,
  placeAnchor,
  readThreads,
  reply,
  setResolved,
  type Anchor,
  type CommentResult,
  type Placement,
  type Thread,
} from '../../../shared/doc/comments.ts';
import { powers, type Role } from '../../../shared/protocol/roles.ts';
import { loadName } from '../store/profile.ts';
import type { ReportSession } from '../report-session/report-session.ts';
import { commentAuthor, deviceAuthorId } from './author.ts';
import { createCommentPlugin, setHighlights, type HighlightRange } from './comment-plugin.ts';
import { fieldText } from '../editor/field-text.ts';
import { offsetAt } from './text-offsets.ts';
import { indexUnread, loadSeen, saveSeen, unreadIds } from './unread.ts';

export interface PlacedThread {
  thread: Thread;
  placement: Placement;
}

/** A comment being written on words just selected: the anchor is taken when they are selected. */
export interface Draft {
  field: string;
  fieldLabel: string;
  anchor: Anchor;
  quote: string;
}

interface ShownField {
  label: string;
  fragment: Y.XmlFragment;
  view: EditorView;
}

export type ReportComments = ReturnType<typeof createReportComments>;

export function createReportComments(session: ReportSession) {
  const { reportId, comments } = session;
  const me = deviceAuthorId();
  const [placed, setPlaced] = createSignal<PlacedThread[]>([]);
  const [role, setRole] = createSignal<Role | null>(null);
  const [name, setName] = createSignal('');
  const [focused, setFocused] = createSignal<string | null>(null);
  const [draft, setDraft] = createSignal<Draft | null>(null);
  const [problem, setProblem] = createSignal('');
  const [seen, setSeen] = createSignal(loadSeen(reportId));
  const [loaded, setLoaded] = createSignal(false);
  const [fieldsVersion, setFieldsVersion] = createSignal(0);
  const fields = new Map<string, ShownField>();
  /** How many highlights each field's view was last sent. */
  const highlighted = new WeakMap<EditorView, number>();
  let content: Y.Doc | undefined;
  let scheduled = false;
  let destroyed = false;

  void loadName().then((saved) => setName(saved ?? ''));
  void comments.whenLoaded.then(() => {
    setLoaded(true);
    refresh();
  });

  const fragmentOf = (field: string): Y.XmlFragment | undefined => {
    if (!content?.share.has(field)) return undefined;
    try {
      return content.getXmlFragment(field);
    } catch {
      return undefined;
    }
  };

  function refresh(): void {
    scheduled = false;
    if (destroyed) return;
    const threads = readThreads(comments.doc).map((thread): PlacedThread => {
      const fragment = fragmentOf(thread.field);
      return { thread, placement: fragment ? placeAnchor(fragment, thread.anchor) : { kind: 'pending' } };
    });
    setPlaced(threads);
    for (const [field, shown] of fields) highlight(field, shown.view);
  }

  /** Coalesces the changes of one turn (a keystroke, a remote update) into one placement. */
  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(refresh);
  }
  comments.doc.on('update', schedule);

  function highlight(field: string, view: EditorView): void {
    if (view.isDestroyed) return;
    const text = fieldText(view.state.doc);
    const ranges: HighlightRange[] = placed().flatMap(({ thread, placement }) =>
      thread.field === field && placement.kind === 'placed'
        ? [
            {
              threadId: thread.id,
              from: text.positionOf(placement.from),
              to: text.positionOf(placement.to),
              resolved: thread.resolved,
              focused: focused() === thread.id,
            },
          ]
        : [],
    );
    // A field without comments, before and after, needs no new transaction on every keystroke.
    if (ranges.length === 0 && highlighted.get(view) === 0) return;
    highlighted.set(view, ranges.length);
    setHighlights(view, ranges);
  }

  const author = () => commentAuthor(name() || roleName(role()), role() ?? 'tutor');
  const canComment = () => {
    const current = role();
    return current !== null && powers[current].writeComments;
  };
  const unread = createMemo(() =>
    loaded()
      ? unreadIds(
          placed().map((p) => p.thread),
          seen(),
          me,
        )
      : [],
  );

  function markRead(ids: string[]): void {
    if (ids.length === 0) return;
    const next = new Set(seen());
    ids.forEach((id) => next.add(id));
    saveSeen(reportId, next);
    setSeen(next);
  }

  function startDraft(field: string, view: EditorView, from: number, to: number): void {
    const shown = fields.get(field);
    if (!shown) return;
    const anchored = anchorFor(shown.fragment, offsetAt(view.state.doc, from), offsetAt(view.state.doc, to));
    if (!done(anchored) || !anchored.ok) return;
    setDraft({ field, fieldLabel: shown.label, anchor: anchored.anchor, quote: anchored.quote });
  }

  /** Shows a thread in the margin (its highlight was clicked, or a link points at it) and marks it read. */
  function focusThread(threadId: string): void {
    setFocused(null);
    setFocused(threadId);
    const thread = placed().find((p) => p.thread.id === threadId)?.thread;
    if (thread) markRead(thread.comments.map((c) => c.id));
    for (const [field, shown] of fields) highlight(field, shown.view);
  }

  /** Leaving the report (in the app, or closing the tab) marks what the margin showed as read. */
  function leave(): void {
    if (!loaded()) return;
    markRead(unread());
    void indexUnread(reportId, 0);
  }
  window.addEventListener('pagehide', leave);

  const done = (result: CommentResult): boolean => {
    setProblem(result.ok ? '' : result.problem);
    return result.ok;
  };

  return {
    reportId,
    me,
    threads: placed as Accessor<PlacedThread[]>,
    focused: focused as Accessor<string | null>,
    draft: draft as Accessor<Draft | null>,
    problem: problem as Accessor<string>,
    relay: comments.relay,
    /** Comments by others not yet marked read on this device. */
    unread,
    canComment,
    /** Whether this link may read comments at all (a client's may not). */
    mayRead: () => {
      const current = role();
      return current !== null && powers[current].readContent !== 'approved';
    },
    fieldLabel: (field: string) => {
      fieldsVersion();
      return fields.get(field)?.label;
    },

    /** The content document the anchors point into (again after it is replaced). */
    setContent(doc: Y.Doc): void {
      content?.off('update', schedule);
      content = doc;
      doc.on('update', schedule);
      schedule();
    },

    /** Follows the relay's comments with this device's link; a role that may not read comments (client) does not. */
    connect(token: string, linkRole: Role): void {
      setRole(linkRole);
      session.connect({ token, role: linkRole });
    },

    /** The ProseMirror plugin for one field: its highlights, its "Add comment" button and shortcut. */
    plugin(field: string, label: string, fragment: Y.XmlFragment) {
      return createCommentPlugin({
        canComment,
        showThread: focusThread,
        addComment: (view, from, to) => startDraft(field, view, from, to),
        attach: (view) => {
          fields.set(field, { label, fragment, view });
          setFieldsVersion((n) => n + 1);
          queueMicrotask(() => highlight(field, view));
          return () => {
            if (fields.get(field)?.view === view) fields.delete(field);
            setFieldsVersion((n) => n + 1);
          };
        },
      });
    },

    startDraft,
    /** Drops the comment being started and takes the person back to its words. */
    cancelDraft(): void {
      const open = draft();
      setDraft(null);
      setProblem('');
      const shown = open && fields.get(open.field);
      if (shown && !shown.view.isDestroyed) focusField(shown.view);
    },
    postDraft(text: string): boolean {
      const open = draft();
      if (!open) return false;
      const result = addThread(comments.doc, {
        field: open.field,
        anchor: open.anchor,
        quote: open.quote,
        text,
        author: author(),
      });
      if (!done(result) || !result.ok) return false;
      setDraft(null);
      refresh();
      setFocused(result.threadId);
      return true;
    },
    reply: (threadId: string, text: string) => done(reply(comments.doc, threadId, text, author())),
    edit: (threadId: string, commentId: string, text: string) =>
      done(editComment(comments.doc, threadId, commentId, text, me)),
    remove: (threadId: string, commentId: string) => done(deleteComment(comments.doc, threadId, commentId, me)),
    setResolved: (threadId: string, resolved: boolean) => done(setResolved(comments.doc, threadId, resolved, author())),

    focusThread,
    /** Scrolls to a thread's words and selects them. */
    showText(threadId: string): boolean {
      const found = placed().find((p) => p.thread.id === threadId);
      const shown = found && fields.get(found.thread.field);
      if (!found || !shown || found.placement.kind !== 'placed' || shown.view.isDestroyed) return false;
      const { view } = shown;
      const text = fieldText(view.state.doc);
      const from = text.positionOf(found.placement.from);
      const to = text.positionOf(found.placement.to);
      focusField(view);
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)).scrollIntoView());
      const range = document.createRange();
      const start = view.domAtPos(from);
      const end = view.domAtPos(to);
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
      view.dom.closest('.field')?.scrollIntoView({ block: 'center' });
      return true;
    },

    /** Marks every comment shown as read (the "new comments" note was used, or the report is being left). */
    markAllRead(): void {
      markRead(unread());
    },

    /** Where a field's words are on screen, for laying the margin out beside them. */
    topOf(threadId: string): number | undefined {
      const found = placed().find((p) => p.thread.id === threadId);
      const shown = found && fields.get(found.thread.field);
      if (!found || !shown || shown.view.isDestroyed) return undefined;
      if (found.placement.kind !== 'placed') return shown.view.dom.getBoundingClientRect().top;
      return shown.view.coordsAtPos(fieldText(shown.view.state.doc).positionOf(found.placement.from)).top;
    },

    /** Keeps the unread count in the device index, for the home page. */
    indexUnread: () => (loaded() ? indexUnread(reportId, unread().length) : Promise.resolve()),

    destroy(): void {
      leave();
      window.removeEventListener('pagehide', leave);
      destroyed = true;
      content?.off('update', schedule);
      comments.doc.off('update', schedule);
    },
  };
}

/** ProseMirror's focus() does nothing in a read-only field; the field itself takes focus (it has a tabindex). */
function focusField(view: EditorView): void {
  if (view.editable) view.focus();
  else view.dom.focus();
}

const roleName = (role: Role | null) => (role ? role[0].toUpperCase() + role.slice(1) : 'Someone');

export const CommentsContext = createContext<ReportComments>();

/** The comment plugin for a field, when the report page provides comments (one line in TextField). */
export function useCommentExtension(field: string, label: string, fragment: Y.XmlFragment): Extension[] {
  const store = useContext(CommentsContext);
  if (!store) return [];
  return [
    Extension.create({ name: 'marginComments', addProseMirrorPlugins: () => [store.plugin(field, label, fragment)] }),
  ];
}
