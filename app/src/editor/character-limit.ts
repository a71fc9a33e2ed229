// Stops local typing and pasting from taking a field past its character limit, as a form's
// maxlength would. Changes that arrive from collaborators through Yjs are never refused: refusing
// them would split this editor from the shared document; an over-long field is shown instead.
import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { Node } from '@tiptap/pm/model';

export interface CharacterLimitOptions {
  limit: number;
  /** Told the length a refused change would have made. */
  onRefused: (attemptedLength: number) => void;
}

export const textLength = (doc: Node) => doc.textBetween(0, doc.content.size, '\n').length;

export const CharacterLimit = Extension.create<CharacterLimitOptions>({
  name: 'characterLimit',
  addOptions() {
    return { limit: 1024, onRefused: () => {} };
  },
  addProseMirrorPlugins() {
    const { limit, onRefused } = this.options;
    return [
      new Plugin({
        key: new PluginKey('characterLimit'),
        filterTransaction(transaction, state) {
          if (!transaction.docChanged || isChangeOrigin(transaction)) return true;
          const after = textLength(transaction.doc);
          if (after <= limit || after <= textLength(state.doc)) return true;
          onRefused(after);
          return false;
        },
      }),
    ];
  },
});
