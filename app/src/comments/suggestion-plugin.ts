// Suggested edits drawn in a field, and Suggest mode. Each open suggestion is drawn as decorations, never as content:
// the words it would delete struck through (a <del>), the words it would add after them underlined (an <ins> widget),
// each with its author and time in its title and in words a screen reader reads, so it is told apart by more than
// colour. In Suggest mode what the person types, pastes or deletes is not let into the content: it is handed to the
// suggestion store as a suggestion, and the caret is put where the suggestion continues.
// Why not @handlewithcare/prosemirror-suggest-changes: it keeps suggestions as marks in the content, which a reviewer's
// link may not write and the relay would refuse; nor prosemirror-changeset: the edit is caught as it is made, so there
// is no pair of documents to compare. Their idea kept: insertions and deletions drawn as <ins> and <del>.
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/** A suggestion placed in this field's document (ProseMirror positions), with its words for people. */
export interface SuggestionMark {
  id: string;
  from: number;
  to: number;
  insert: string;
  /** Who suggested it and when, e.g. "Suggested by Rita Reviewer (Reviewer), 4 Dec 2026, 11:02". */
  byline: string;
}

/** An edit made in Suggest mode: the positions replaced and what was typed. */
export interface SuggestModeEdit {
  from: number;
  to: number;
  insert: string;
  key: 'text' | 'backspace' | 'delete';
}

export interface SuggestionPluginOptions {
  /** Whether the field is in Suggest mode now. */
  suggesting(): boolean;
  /** Records the edit as a suggestion; the position the caret goes to, or undefined when nothing was recorded. */
  edit(view: EditorView, edit: SuggestModeEdit): number | undefined;
  attach(view: EditorView): () => void;
}

export const suggestionsKey = new PluginKey<DecorationSet>('marginSuggestions');

/** Replaces the field's suggestion marks (positions already worked out for the current document). */
export function setSuggestionMarks(view: EditorView, marks: SuggestionMark[]): void {
  view.dispatch(view.state.tr.setMeta(suggestionsKey, marks).setMeta('addToHistory', false));
}

function insertion(mark: SuggestionMark): (view: EditorView) => HTMLElement {
  return (view) => {
    const document = view.dom.ownerDocument;
    const ins = document.createElement('ins');
    ins.className = 'suggestion-insert';
    ins.dataset.suggestion = mark.id;
    ins.title = mark.byline;
    // A new paragraph is drawn as a pilcrow and a line break: the words after it start the next line.
    mark.insert.split('\n').forEach((line, index) => {
      if (index > 0) {
        const pilcrow = document.createElement('span');
        pilcrow.className = 'suggestion-break';
        pilcrow.setAttribute('aria-hidden', 'true');
        pilcrow.textContent = '¶';
        ins.append(pilcrow, document.createElement('br'));
      }
      if (line) ins.append(line);
    });
    const said = document.createElement('span');
    said.className = 'visually-hidden';
    const breaks = mark.insert.split('\n').length - 1;
    const paragraphs = breaks === 0 ? '' : breaks === 1 ? ', a new paragraph' : `, ${breaks} new paragraphs`;
    said.textContent = ` (suggested insertion${paragraphs}. ${mark.byline})`;
    ins.append(said);
    return ins;
  };
}

function joined(mark: SuggestionMark): (view: EditorView) => HTMLElement {
  return (view) => {
    const del = view.dom.ownerDocument.createElement('del');
    del.className = 'suggestion-delete suggestion-break';
    del.dataset.suggestion = mark.id;
    del.title = `Suggested join of two paragraphs. ${mark.byline}`;
    del.textContent = '¶';
    return del;
  };
}

function decorate(doc: EditorView['state']['doc'], marks: SuggestionMark[]): DecorationSet {
  const size = doc.content.size;
  const decorations: Decoration[] = [];
  for (const mark of marks) {
    if (mark.from < 0 || mark.to > size || mark.from > mark.to) continue;
    if (mark.from < mark.to)
      decorations.push(
        Decoration.inline(mark.from, mark.to, {
          nodeName: 'del',
          class: 'suggestion-delete',
          title: `Suggested deletion. ${mark.byline}`,
          'data-suggestion': mark.id,
        }),
      );
    // Each paragraph break it deletes (joining paragraphs) is drawn as a struck pilcrow where the paragraph ends.
    doc.nodesBetween(mark.from, mark.to, (node, position) => {
      const end = position + node.nodeSize - 1;
      if (node.isTextblock && end >= mark.from && end < mark.to)
        decorations.push(Decoration.widget(end, joined(mark), { side: 1, key: `${mark.id}:join:${mark.byline}` }));
      return !node.isTextblock;
    });
    if (mark.insert)
      decorations.push(
        Decoration.widget(mark.to, insertion(mark), { side: -1, key: `${mark.id}:${mark.insert}:${mark.byline}` }),
      );
  }
  return DecorationSet.create(doc, decorations);
}

export function createSuggestionPlugin(options: SuggestionPluginOptions): Plugin<DecorationSet> {
  const record = (view: EditorView, edit: SuggestModeEdit) => {
    const caret = options.edit(view, edit);
    if (caret !== undefined) {
      const at = Math.max(0, Math.min(caret, view.state.doc.content.size));
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at)));
    }
    return true;
  };
  return new Plugin<DecorationSet>({
    key: suggestionsKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, decorations, _old, state) {
        const marks = tr.getMeta(suggestionsKey) as SuggestionMark[] | undefined;
        if (marks) return decorate(state.doc, marks);
        return tr.docChanged ? decorations.map(tr.mapping, tr.doc) : decorations;
      },
    },
    // In Suggest mode nothing but the shared document's own changes (others' edits arriving) reaches the content.
    filterTransaction: (tr) => !(tr.docChanged && options.suggesting() && !tr.getMeta(ySyncPluginKey)),
    props: {
      decorations: (state) => suggestionsKey.getState(state),
      handleTextInput(view, from, to, text) {
        if (!options.suggesting()) return false;
        return record(view, { from, to, insert: text, key: 'text' });
      },
      handlePaste(view, _event, slice) {
        if (!options.suggesting()) return false;
        const text = slice.content.textBetween(0, slice.content.size, '\n', ' ');
        const { from, to } = view.state.selection;
        return record(view, { from, to, insert: text, key: 'text' });
      },
      handleDrop: () => options.suggesting(),
      handleKeyDown(view, event) {
        if (!options.suggesting()) return false;
        const { from, to, empty, $from, $to } = view.state.selection;
        if (event.key === 'Enter') return record(view, { from, to, insert: '\n', key: 'text' });
        if (event.key !== 'Backspace' && event.key !== 'Delete') return false;
        const key = event.key === 'Backspace' ? 'backspace' : 'delete';
        if (!empty) return record(view, { from, to, insert: '', key });
        // At a paragraph's start (or end) the character deleted is the break between it and the one before (after):
        // two positions away, past the end of one paragraph and the start of the next.
        if (key === 'backspace') {
          const step = $from.parentOffset === 0 ? 2 : 1;
          return from - step >= 1 ? record(view, { from: from - step, to: from, insert: '', key }) : true;
        }
        const step = $to.parentOffset === $to.parent.content.size ? 2 : 1;
        return to + step <= view.state.doc.content.size - 1
          ? record(view, { from: to, to: to + step, insert: '', key })
          : true;
      },
    },
    view(view) {
      const detach = options.attach(view);
      return { destroy: detach };
    },
  });
}
