// Stops local typing from taking a field past its character limit, as a form's maxlength would, and cuts a
// paste to what fits instead of dropping it: the kept part goes in as one change (one undo takes it back)
// and the place it was cut is marked until the next edit. Changes that arrive from collaborators through
// Yjs are never refused: refusing them would split this editor from the shared document; an over-long
// field is shown instead.
import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Fragment, type Node, type Schema, Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

/** Why a local change did not go in whole. */
export type LimitNotice =
  /** Nothing was added: the change would have made the field `attempted` characters long. */
  | { kind: 'refused'; attempted: number; length: number }
  /** A paste of `pasted` characters was cut to the first `kept`; `leftOut` begins the part left out. */
  | { kind: 'cut'; pasted: number; kept: number; leftOut: string };

export interface CharacterLimitOptions {
  limit: number;
  onLimit: (notice: LimitNotice) => void;
}

export const textLength = (doc: Node) => doc.textBetween(0, doc.content.size, '\n').length;

const cutMark = new PluginKey<number | null>('pasteCut');

/** Plain text as open paragraphs, so it joins the paragraph it lands in as pasted text does. */
function paragraphs(schema: Schema, text: string): Slice {
  const lines = text.split('\n').map((line) => schema.nodes.paragraph!.create(null, line ? schema.text(line) : null));
  return new Slice(Fragment.fromArray(lines), 1, 1);
}

/** The first `count` characters, never ending inside a surrogate pair. */
function firstCharacters(text: string, count: number): string {
  const end = count > 0 && /[\uD800-\uDBFF]/.test(text[count - 1] ?? '') ? count - 1 : count;
  return text.slice(0, Math.max(0, end));
}

/** The paste cut to fit the field, as a transaction, or null when it fits whole or nothing of it fits. */
function cutPaste(state: EditorState, slice: Slice, limit: number): { tr: Transaction; notice: LimitNotice } | null {
  const whole = state.tr.replaceSelection(slice);
  if (textLength(whole.doc) <= limit) return null;
  const text = slice.content.textBetween(0, slice.content.size, '\n');
  let keep = limit - textLength(state.tr.deleteSelection().doc);
  while (keep > 0) {
    const kept = firstCharacters(text, keep);
    const tr = state.tr.replaceSelection(paragraphs(state.schema, kept)).scrollIntoView();
    const over = textLength(tr.doc) - limit;
    if (over <= 0) {
      const notice: LimitNotice = {
        kind: 'cut',
        pasted: text.length,
        kept: kept.length,
        leftOut: text.slice(kept.length, kept.length + 40),
      };
      return { tr: tr.setMeta(cutMark, tr.selection.from).setMeta('uiEvent', 'paste'), notice };
    }
    keep = kept.length - over;
  }
  return null;
}

export const CharacterLimit = Extension.create<CharacterLimitOptions>({
  name: 'characterLimit',
  addOptions() {
    return { limit: 1024, onLimit: () => {} };
  },
  addProseMirrorPlugins() {
    const { limit, onLimit } = this.options;
    return [
      new Plugin({
        key: new PluginKey('characterLimit'),
        filterTransaction(transaction, state) {
          if (!transaction.docChanged || isChangeOrigin(transaction)) return true;
          const after = textLength(transaction.doc);
          const length = textLength(state.doc);
          if (after <= limit || after <= length) return true;
          onLimit({ kind: 'refused', attempted: after, length });
          return false;
        },
        props: {
          handlePaste(view, _event, slice) {
            const cut = cutPaste(view.state, slice, limit);
            if (!cut) return false;
            // The kept part is its own undo step, whatever was typed just before or after it.
            const undo = (yUndoPluginKey.getState(view.state) as { undoManager?: Y.UndoManager } | undefined)
              ?.undoManager;
            undo?.stopCapturing();
            view.dispatch(cut.tr);
            undo?.stopCapturing();
            onLimit(cut.notice);
            return true;
          },
        },
      }),
      new Plugin<number | null>({
        key: cutMark,
        state: {
          init: () => null,
          apply(tr, at) {
            const marked = tr.getMeta(cutMark) as number | undefined;
            if (marked !== undefined) return marked;
            // The next change to the field, an undo included, clears it.
            return tr.docChanged ? null : at;
          },
        },
        props: {
          decorations(state) {
            const at = cutMark.getState(state);
            if (at === null || at === undefined) return null;
            const mark = () => {
              const element = document.createElement('span');
              element.className = 'paste-cut';
              element.title = 'The paste was cut here';
              element.setAttribute('aria-hidden', 'true');
              return element;
            };
            return DecorationSet.create(state.doc, [Decoration.widget(at, mark, { side: -1, key: 'paste-cut' })]);
          },
        },
      }),
    ];
  },
});
