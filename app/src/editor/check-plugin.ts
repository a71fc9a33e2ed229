// Underlines for the checks' findings, as ProseMirror decorations (nothing is added to the document,
// so Yjs and other writers never see them). Findings are placed by position; every transaction maps
// them, and a spelling or grammar finding whose words were edited is dropped at once rather than
// left on the wrong text; the next check (a moment after typing stops, at once after a collaborator's
// change) replaces them all. A click or Alt+Enter on an underline opens its suggestions.
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Finding } from '../../../shared/checks/finding.ts';

export interface PlacedFinding {
  finding: Finding;
  from: number;
  to: number;
}

interface ChecksState {
  placed: PlacedFinding[];
  decorations: DecorationSet;
  /** The last change came from a collaborator (through Yjs), so the field should be checked now. */
  remoteChange: boolean;
}

export const checksKey = new PluginKey<ChecksState>('marginChecks');

export interface CheckPluginOptions {
  /** Called after every change of the document (and once at the start), to schedule a check. */
  changed(view: EditorView, remote: boolean): void;
  /** The user asked for a finding's suggestions, by click or keyboard. */
  open(view: EditorView, placed: PlacedFinding): void;
  /** Findings placed or moved, for lists shown beside the field. */
  placedChanged(placed: PlacedFinding[]): void;
}

const classFor: Record<Finding['kind'], string> = {
  spelling: 'check-spelling',
  grammar: 'check-grammar',
  prompt: 'check-prompt',
};

function decorate(state: EditorState['doc'], placed: PlacedFinding[]): DecorationSet {
  return DecorationSet.create(
    state,
    placed.map((item) =>
      Decoration.inline(
        item.from,
        item.to,
        { class: classFor[item.finding.kind], 'data-rule': item.finding.rule },
        { placed: item },
      ),
    ),
  );
}

/** Replaces the field's findings (positions already worked out for the current document). */
export function setPlacedFindings(view: EditorView, placed: PlacedFinding[]): void {
  view.dispatch(view.state.tr.setMeta(checksKey, placed).setMeta('addToHistory', false));
}

export function placedAt(state: EditorState, position: number): PlacedFinding | undefined {
  const placed = checksKey.getState(state)?.placed ?? [];
  // The narrowest finding under the position: a misspelt word inside a prompted sentence wins.
  return placed
    .filter((item) => item.from <= position && position <= item.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from))[0];
}

export function createCheckPlugin(options: CheckPluginOptions): Plugin<ChecksState> {
  return new Plugin<ChecksState>({
    key: checksKey,
    state: {
      init: () => ({ placed: [], decorations: DecorationSet.empty, remoteChange: false }),
      apply(tr, value, _old, state) {
        const replaced = tr.getMeta(checksKey) as PlacedFinding[] | undefined;
        if (replaced) return { placed: replaced, decorations: decorate(state.doc, replaced), remoteChange: false };
        if (!tr.docChanged) return value;
        const placed: PlacedFinding[] = [];
        for (const item of value.placed) {
          const from = tr.mapping.map(item.from, 1);
          const to = tr.mapping.map(item.to, -1);
          if (to <= from) continue;
          // Words that were edited no longer hold the mistake that was found in them.
          if (item.finding.kind !== 'prompt' && state.doc.textBetween(from, to, '\n') !== item.finding.text) continue;
          placed.push({ ...item, from, to });
        }
        return { placed, decorations: decorate(state.doc, placed), remoteChange: isChangeOrigin(tr) };
      },
    },
    props: {
      decorations: (state) => checksKey.getState(state)?.decorations,
      handleClick(view, position) {
        const placed = placedAt(view.state, position);
        if (placed) options.open(view, placed);
        return false;
      },
      handleKeyDown(view, event) {
        const asks = (event.key === 'Enter' && event.altKey) || (event.key === '.' && (event.ctrlKey || event.metaKey));
        if (!asks) return false;
        const placed = placedAt(view.state, view.state.selection.from);
        if (!placed) return false;
        options.open(view, placed);
        return true;
      },
    },
    view(view) {
      options.changed(view, false);
      return {
        update(view, previous) {
          const state = checksKey.getState(view.state)!;
          if (state !== checksKey.getState(previous)) options.placedChanged(state.placed);
          if (!view.state.doc.eq(previous.doc)) options.changed(view, state.remoteChange);
        },
      };
    },
  });
}
