// The margin beside a report: its comment threads, each next to the words it is about (on wide screens),
// the comment being started, replies, edits, resolve and reopen, and how many comments are new. Every
// comment is drawn as text (Solid text nodes), never as HTML.
import {
  createEffect,
  createMemo,
  createSignal,
  For,
  Match,
  on,
  onCleanup,
  onMount,
  Show,
  Switch,
  type JSX,
} from 'solid-js';
import type { PlacedThread } from '../../../shared/comments/thread-store.ts';
import { commentTextLimit, type Comment, type CommentResult, isWriterOf } from '../../../shared/doc/comments.ts';
import { capitalised, useRoleWord } from '../collab/role-words.ts';
import { addCommentShortcut } from './comment-plugin.ts';
import type { NewComment, ReportComments } from './report-comments.ts';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import './comments.css';

const number = new Intl.NumberFormat('en-GB');

/** Threads in the order of their fields on the page, then of their words in the field. */
function inPageOrder(threads: PlacedThread[]): PlacedThread[] {
  const fields = Array.from(document.querySelectorAll('[data-field]')).map((element) =>
    element.getAttribute('data-field'),
  );
  const fieldIndex = (field: string) => {
    const index = fields.indexOf(field);
    return index === -1 ? fields.length : index;
  };
  const start = (placed: PlacedThread) =>
    placed.placement.kind === 'placed' ? placed.placement.from : Number.MAX_SAFE_INTEGER;
  return [...threads].sort(
    (a, b) =>
      fieldIndex(a.thread.field) - fieldIndex(b.thread.field) ||
      start(a) - start(b) ||
      a.thread.createdAt.localeCompare(b.thread.createdAt),
  );
}

export function CommentsMargin(props: { comments: ReportComments }) {
  const store = props.comments;
  let list!: HTMLOListElement;
  const ordered = () => inPageOrder(store.threads());
  // Cards are keyed by thread id, so a reply or an edit being typed survives the threads being placed again.
  const byId = createMemo(() => new Map(store.threads().map((placed) => [placed.thread.id, placed])));
  const unreadCount = () => store.unread().length;
  const writing = () => {
    const open = store.newComment();
    return open?.kind === 'writing' ? open : undefined;
  };
  const refused = () => {
    const open = store.newComment();
    return open?.kind === 'refused' ? open.problem : '';
  };

  /** On a wide screen, each thread moves down to the line of its words, never overlapping the one above. */
  const layout = () => {
    if (!list) return;
    const beside = window.matchMedia('(min-width: 64.01rem)').matches;
    let flow = list.getBoundingClientRect().top;
    for (const item of Array.from(list.children) as HTMLElement[]) {
      const top = beside ? store.topOf(item.dataset.thread ?? '') : undefined;
      item.style.marginTop = top === undefined ? '' : `${Math.max(8, top - flow)}px`;
      flow = item.getBoundingClientRect().bottom;
    }
  };
  let frame = 0;
  const layoutSoon = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(layout);
  };
  createEffect(on(store.threads, layoutSoon));
  createEffect(on(store.unread, () => void store.indexUnread()));
  onMount(() => window.addEventListener('resize', layoutSoon));
  onCleanup(() => {
    cancelAnimationFrame(frame);
    window.removeEventListener('resize', layoutSoon);
  });

  createEffect(
    on(store.focused, (threadId) => {
      if (!threadId) return;
      const element = document.getElementById(`thread-${threadId}`);
      element?.scrollIntoView({ block: 'nearest' });
      element?.focus({ preventScroll: true });
    }),
  );

  const showNew = () => {
    const unread = new Set(store.unread());
    const first = ordered().find((placed) => placed.thread.comments.some((comment) => unread.has(comment.id)));
    store.markAllRead();
    if (first) store.focusThread(first.thread.id);
  };

  return (
    <aside class="comments-margin" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      <p class="hint">
        {store.canComment()
          ? `Select words in any text field, then press “Add comment” or ${addCommentShortcut.keys}.`
          : 'Your link lets you read the comments, not add them.'}
      </p>
      <Show when={store.relay().kind === 'refused' && (store.relay() as { reason: string }).reason}>
        {(reason) => (
          <p class="warning">
            The relay did not open the comments: {reason()} The comments shown are this device’s copy.
          </p>
        )}
      </Show>
      <div aria-live="polite">
        <Show when={unreadCount() > 0}>
          <button type="button" class="new-comments" onClick={showNew}>
            {unreadCount() === 1 ? '1 new comment' : `${number.format(unreadCount())} new comments`}
          </button>
        </Show>
      </div>
      <Show when={writing()}>{(open) => <DraftForm store={store} comment={open()} />}</Show>
      <Show when={refused()}>
        <p class="error" role="alert">
          {refused()}
        </p>
      </Show>
      <Show when={store.threads().length === 0 && !writing()}>
        <p class="muted">No comments yet.</p>
      </Show>
      <ol class="threads" ref={list}>
        <For each={ordered().map((placed) => placed.thread.id)}>
          {(threadId) => <ThreadCard store={store} placed={() => byId().get(threadId)} />}
        </For>
      </ol>
    </aside>
  );
}

/** A text box for a comment with its count, which keeps what was typed when the comment is refused. */
function CommentBox(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  focus?: boolean;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        rows={3}
        value={props.value}
        aria-describedby={`${props.id}-count`}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        ref={(element) => props.focus && queueMicrotask(() => element.focus())}
      />
      <p
        class="comment-count"
        id={`${props.id}-count`}
        classList={{ error: props.value.trim().length > commentTextLimit }}
      >
        {number.format(props.value.trim().length)}/{number.format(commentTextLimit)}
      </p>
    </div>
  );
}

function DraftForm(props: { store: ReportComments; comment: NewComment & { kind: 'writing' } }) {
  const [text, setText] = createSignal('');
  const [problem, setProblem] = createSignal('');
  // Other words chosen: a refusal of the comment on the words before is no longer the point.
  createEffect(
    on(
      () => props.comment.words,
      () => setProblem(''),
      { defer: true },
    ),
  );
  return (
    <form
      class="comment-draft"
      aria-labelledby="comment-draft-heading"
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.store.cancelComment();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        void props.store.postComment(text()).then((posted) => posted && setProblem(posted.ok ? '' : posted.problem));
      }}
    >
      <h3 id="comment-draft-heading">New comment</h3>
      <p class="thread-about">
        <span class="field-name">{props.comment.fieldLabel}</span>“{props.comment.words.quote}”
      </p>
      <CommentBox id="new-comment" label="Your comment (Escape cancels)" value={text()} onInput={setText} focus />
      <Show when={problem() || props.comment.problem}>
        {(shown) => (
          <p class="error" role="alert">
            {shown()}
          </p>
        )}
      </Show>
      <div class="comment-buttons">
        <button type="submit">Post comment</button>
        <button type="button" class="secondary" onClick={() => props.store.cancelComment()}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ThreadCard(props: { store: ReportComments; placed: () => PlacedThread | undefined }) {
  return <Show when={props.placed()}>{(placed) => <ThreadCardBody store={props.store} placed={placed()} />}</Show>;
}

function ThreadCardBody(props: { store: ReportComments; placed: PlacedThread }) {
  const thread = () => props.placed.thread;
  const id = () => thread().id;
  const [replying, setReplying] = createSignal(false);
  const [reply, setReply] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const isNew = () => {
    const unread = new Set(props.store.unread());
    return thread().comments.some((comment) => unread.has(comment.id));
  };
  const fieldLabel = () => props.store.fieldLabel(thread().field) ?? 'A field not shown to you';
  const act = (result: CommentResult<unknown>) => {
    setProblem(result.ok ? '' : result.problem);
    return result.ok;
  };
  return (
    <li
      class="thread"
      classList={{ resolved: thread().resolved, focused: props.store.focused() === id() }}
      id={`thread-${id()}`}
      data-thread={id()}
      tabindex="-1"
      aria-labelledby={`thread-${id()}-about`}
    >
      <p class="thread-about" id={`thread-${id()}-about`}>
        <span class="field-name">
          {fieldLabel()}
          <Show when={isNew()}>
            <span class="tag new">New</span>
          </Show>
          <Show when={thread().resolved}>
            <span class="tag resolved-tag">Resolved</span>
          </Show>
        </span>
        <Switch>
          <Match when={props.placed.placement.kind === 'placed'}>
            <button type="button" class="quote" onClick={() => props.store.showText(id())}>
              <span class="visually-hidden">Show the words </span>“{thread().quote}”
            </button>
          </Match>
          <Match when={props.placed.placement.kind === 'removed'}>
            <span class="removed">About removed text: </span>
            <s>“{thread().quote}”</s>
          </Match>
          <Match when={true}>
            <span>“{thread().quote}”</span> <span class="muted">(the words have not reached this device yet)</span>
          </Match>
        </Switch>
      </p>
      <ol class="comments">
        <For each={thread().comments.map((comment) => comment.id)}>
          {(commentId) => (
            <Show when={thread().comments.find((comment) => comment.id === commentId)}>
              {(comment) => (
                <CommentItem store={props.store} threadId={id()} comment={comment()} onProblem={setProblem} />
              )}
            </Show>
          )}
        </For>
      </ol>
      <Show when={problem()}>
        <p class="error" role="alert">
          {problem()}
        </p>
      </Show>
      <Show when={props.store.canComment()}>
        <Show
          when={replying()}
          fallback={
            <div class="comment-buttons">
              <button type="button" class="secondary" onClick={() => setReplying(true)}>
                Reply
              </button>
              <button
                type="button"
                class="secondary"
                onClick={() => void props.store.setResolved(id(), !thread().resolved).then((done) => done && act(done))}
              >
                {thread().resolved ? 'Reopen' : 'Resolve'}
              </button>
            </div>
          }
        >
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void props.store.reply(id(), reply()).then((sent) => {
                if (!sent || !act(sent)) return;
                setReply('');
                setReplying(false);
              });
            }}
          >
            <CommentBox id={`reply-${id()}`} label="Your reply" value={reply()} onInput={setReply} focus />
            <div class="comment-buttons">
              <button type="submit">Send reply</button>
              <button type="button" class="secondary" onClick={() => setReplying(false)}>
                Cancel
              </button>
            </div>
          </form>
        </Show>
      </Show>
    </li>
  );
}

function CommentItem(props: {
  store: ReportComments;
  threadId: string;
  comment: Comment;
  onProblem: (problem: string) => void;
}) {
  const [editing, setEditing] = createSignal(false);
  const roleWord = useRoleWord();
  const [confirmDelete, setConfirmDelete] = createSignal(false);
  const [text, setText] = createSignal('');
  // One's own on this device, or as the same member on another of their devices.
  const own = () =>
    isWriterOf(props.comment.author, props.store.writer()) && !props.comment.deleted && props.store.canComment();
  const finish = (result: CommentResult<unknown>): boolean => {
    props.onProblem(result.ok ? '' : result.problem);
    return result.ok;
  };
  const buttons = (children: JSX.Element) => <div class="comment-buttons">{children}</div>;
  return (
    <li class="comment" data-comment={props.comment.id}>
      <p class="comment-meta">
        <strong>{props.comment.author.name}</strong> ({capitalised(roleWord(props.comment.author.role))}) ·{' '}
        {formatMoment(props.comment.createdAt, 'this-year')}
        <Show when={props.comment.editedAt && !props.comment.deleted}> · edited</Show>
      </p>
      <Switch>
        <Match when={props.comment.deleted}>
          <p class="comment-deleted">Comment deleted</p>
        </Match>
        <Match when={editing()}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (finish(props.store.edit(props.threadId, props.comment.id, text()))) setEditing(false);
            }}
          >
            <CommentBox
              id={`edit-${props.comment.id}`}
              label="Edit your comment"
              value={text()}
              onInput={setText}
              focus
            />
            {buttons(
              <>
                <button type="submit">Save</button>
                <button type="button" class="secondary" onClick={() => setEditing(false)}>
                  Cancel
                </button>
              </>,
            )}
          </form>
        </Match>
        <Match when={true}>
          <p class="comment-text">{props.comment.text}</p>
        </Match>
      </Switch>
      <Show when={own() && !editing()}>
        <Show
          when={confirmDelete()}
          fallback={buttons(
            <>
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  setText(props.comment.text);
                  setEditing(true);
                }}
              >
                Edit
              </button>
              <button type="button" class="secondary" onClick={() => setConfirmDelete(true)}>
                Delete
              </button>
            </>,
          )}
        >
          <p>Delete this comment? Its place in the thread stays.</p>
          {buttons(
            <>
              <button
                type="button"
                onClick={() => finish(props.store.remove(props.threadId, props.comment.id)) && setConfirmDelete(false)}
              >
                Delete comment
              </button>
              <button type="button" class="secondary" onClick={() => setConfirmDelete(false)}>
                Keep it
              </button>
            </>,
          )}
        </Show>
      </Show>
    </li>
  );
}
