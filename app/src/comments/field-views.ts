// The report's text fields on screen, each an editor view carrying the comment plugin: threads are drawn into
// them as highlights, the words a person selects are read from them, and a thread's words are scrolled to and
// selected in them. Threads are placed as offsets of a field's text; app/src/editor/field-text.ts turns those
// into ProseMirror positions and back.
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { createSignal } from 'solid-js';
import type * as Y from 'yjs';
import type { PlacedThread } from '../../../shared/comments/thread-store.ts';
import { fieldText } from '../editor/field-text.ts';
import { setHighlights, type HighlightRange } from './comment-plugin.ts';

export interface ShownField {
  label: string;
  fragment: Y.XmlFragment;
  view: EditorView;
}

export type FieldViews = ReturnType<typeof createFieldViews>;

export function createFieldViews() {
  const fields = new Map<string, ShownField>();
  const [version, setVersion] = createSignal(0);
  /** How many highlights each view was last sent. */
  const highlighted = new WeakMap<EditorView, number>();

  const shown = (field: string): ShownField | undefined => {
    const found = fields.get(field);
    return found && !found.view.isDestroyed ? found : undefined;
  };

  function highlightField(view: EditorView, field: string, threads: PlacedThread[], focused: string | null): void {
    if (view.isDestroyed) return;
    const text = fieldText(view.state.doc);
    const ranges: HighlightRange[] = threads.flatMap(({ thread, placement }) =>
      thread.field === field && placement.kind === 'placed'
        ? [
            {
              threadId: thread.id,
              from: text.positionOf(placement.from),
              to: text.positionOf(placement.to),
              resolved: thread.resolved,
              focused: focused === thread.id,
            },
          ]
        : [],
    );
    // A field without comments, before and after, needs no new transaction on every keystroke.
    if (ranges.length === 0 && highlighted.get(view) === 0) return;
    highlighted.set(view, ranges.length);
    setHighlights(view, ranges);
  }

  return {
    /** A field's view appeared (its plugin was made); the function returned forgets it. */
    add(field: string, shownField: ShownField): () => void {
      fields.set(field, shownField);
      setVersion((n) => n + 1);
      return () => {
        if (fields.get(field)?.view === shownField.view) fields.delete(field);
        setVersion((n) => n + 1);
      };
    },
    get: shown,
    /** The label of a field shown (reactive: it changes as fields appear and go). */
    label(field: string): string | undefined {
      version();
      return fields.get(field)?.label;
    },

    /** Draws the threads' highlights in one field, or in every field shown. */
    highlight(threads: PlacedThread[], focused: string | null, only?: string): void {
      for (const [field, { view }] of fields)
        if (only === undefined || only === field) highlightField(view, field, threads, focused);
    },

    /** The field's text offsets of the ProseMirror positions `from` and `to`. */
    offsets(view: EditorView, from: number, to: number): { from: number; to: number } {
      const text = fieldText(view.state.doc);
      return { from: text.offsetAt(from), to: text.offsetAt(to) };
    },

    /** Scrolls to a thread's words and selects them. */
    select({ thread, placement }: PlacedThread): boolean {
      const found = shown(thread.field);
      if (!found || placement.kind !== 'placed') return false;
      const { view } = found;
      const text = fieldText(view.state.doc);
      const from = text.positionOf(placement.from);
      const to = text.positionOf(placement.to);
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

    /** Where a thread's words are on screen (its field's top while they are not placed), for the margin's layout. */
    topOf({ thread, placement }: PlacedThread): number | undefined {
      const found = shown(thread.field);
      if (!found) return undefined;
      if (placement.kind !== 'placed') return found.view.dom.getBoundingClientRect().top;
      return found.view.coordsAtPos(fieldText(found.view.state.doc).positionOf(placement.from)).top;
    },

    focus(field: string): void {
      const found = shown(field);
      if (found) focusField(found.view);
    },
  };
}

/** ProseMirror's focus() does nothing in a read-only field; the field itself takes focus (it has a tabindex). */
function focusField(view: EditorView): void {
  if (view.editable) view.focus();
  else view.dom.focus();
}
