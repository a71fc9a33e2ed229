// Highlights for the words comment threads are about, as ProseMirror decorations: the content document never
// changes, so Yjs and other writers never see them. The comments store places each thread's anchor (Yjs
// relative positions) and sends the field its ranges; between two placements the highlights are mapped
// through edits. A click on a highlight shows its thread. For a selection of words the plugin shows an
// "Add comment" button, and Ctrl+Alt+M does the same; both work in read-only fields, which is how
// reviewers comment.
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';

export interface HighlightRange {
  threadId: string;
  from: number;
  to: number;
  resolved: boolean;
  focused: boolean;
}

export const commentsKey = new PluginKey<DecorationSet>('marginComments');

export const addCommentShortcut = { keys: 'Ctrl+Alt+M', aria: 'Control+Alt+M' };

export interface CommentPluginOptions {
  /** Whether this person may add comments now. */
  canComment(): boolean;
  /** A thread's highlight was clicked. */
  showThread(threadId: string): void;
  /** The person asked to comment on the words from `from` to `to` (ProseMirror positions). */
  addComment(view: EditorView, from: number, to: number): void;
  /** The plugin's view was made or destroyed: the store sends highlights to views it knows. */
  attach(view: EditorView): () => void;
}

/** Replaces the field's highlights (positions already worked out for the current document). */
export function setHighlights(view: EditorView, ranges: HighlightRange[]): void {
  view.dispatch(view.state.tr.setMeta(commentsKey, ranges).setMeta('addToHistory', false));
}

function decorate(doc: EditorState['doc'], ranges: HighlightRange[]): DecorationSet {
  const size = doc.content.size;
  return DecorationSet.create(
    doc,
    ranges
      .filter((range) => range.from >= 0 && range.to <= size && range.from < range.to)
      .map((range) =>
        Decoration.inline(
          range.from,
          range.to,
          {
            class: ['comment-highlight', range.resolved ? 'resolved' : '', range.focused ? 'focused' : '']
              .filter(Boolean)
              .join(' '),
            'data-thread': range.threadId,
          },
          { threadId: range.threadId },
        ),
      ),
  );
}

/** The selection inside this field, read from the page (so it works in read-only fields too), or null. */
function selectedRange(view: EditorView): { from: number; to: number } | null {
  const selection = view.dom.ownerDocument.getSelection();
  if (
    selection &&
    !selection.isCollapsed &&
    selection.anchorNode &&
    selection.focusNode &&
    view.dom.contains(selection.anchorNode) &&
    view.dom.contains(selection.focusNode)
  ) {
    try {
      const a = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
      const b = view.posAtDOM(selection.focusNode, selection.focusOffset);
      if (a !== b) return { from: Math.min(a, b), to: Math.max(a, b) };
    } catch {
      return null;
    }
  }
  return null;
}

function addCommentButton(view: EditorView, options: CommentPluginOptions) {
  const button = view.dom.ownerDocument.createElement('button');
  button.type = 'button';
  button.className = 'add-comment secondary';
  button.textContent = `Add comment (${addCommentShortcut.keys})`;
  button.setAttribute('aria-keyshortcuts', addCommentShortcut.aria);
  button.hidden = true;
  // Pressing the button must not take the selection away from the words.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', () => {
    const range = selectedRange(view);
    if (range) options.addComment(view, range.from, range.to);
    button.hidden = true;
  });
  view.dom.parentElement?.appendChild(button);
  // Whether the page's selection, when it last changed, was a range of words in this field. Reading the
  // selection makes the browser lay the page out, so an edit (a keystroke arriving from someone else, new
  // underlines) re-places the button only while there is a selection here to place it by; a change of
  // selection always reads it (selectionchange).
  let selectionHere = false;
  const place = () => {
    const selected = selectedRange(view);
    selectionHere = selected !== null;
    const range = options.canComment() ? selected : null;
    if (!range) {
      button.hidden = true;
      return;
    }
    const frame = (button.offsetParent ?? view.dom.parentElement)!.getBoundingClientRect();
    const end = view.coordsAtPos(range.to);
    button.hidden = false;
    button.style.left = `${Math.max(0, Math.min(end.left - frame.left, frame.width - button.offsetWidth))}px`;
    button.style.top = `${end.bottom - frame.top + 4}px`;
  };
  const update = () => {
    if (selectionHere) place();
  };
  return { button, place, update };
}

export function createCommentPlugin(options: CommentPluginOptions): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: commentsKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, decorations, _old, state) {
        const ranges = tr.getMeta(commentsKey) as HighlightRange[] | undefined;
        if (ranges) return decorate(state.doc, ranges);
        return tr.docChanged ? decorations.map(tr.mapping, tr.doc) : decorations;
      },
    },
    props: {
      decorations: (state) => commentsKey.getState(state),
      // Read-only fields take focus too, so the keyboard shortcut works there.
      attributes: { tabindex: '0' },
      // DOM event handlers, not handleClick/handleKeyDown: ProseMirror calls those only in editable fields.
      handleDOMEvents: {
        click(_view, event) {
          const highlight = (event.target as Element | null)?.closest?.('[data-thread]');
          const threadId = highlight?.getAttribute('data-thread');
          if (threadId) options.showThread(threadId);
          return false;
        },
        keydown(view, event) {
          if (!(event.ctrlKey && event.altKey && event.code === 'KeyM')) return false;
          const range =
            selectedRange(view) ??
            (view.state.selection.empty ? null : { from: view.state.selection.from, to: view.state.selection.to });
          if (!range || !options.canComment()) return false;
          event.preventDefault();
          options.addComment(view, range.from, range.to);
          return true;
        },
      },
    },
    view(view) {
      const detach = options.attach(view);
      const { button, place, update } = addCommentButton(view, options);
      const document = view.dom.ownerDocument;
      document.addEventListener('selectionchange', place);
      return {
        update,
        destroy() {
          document.removeEventListener('selectionchange', place);
          button.remove();
          detach();
        },
      };
    },
  });
}
