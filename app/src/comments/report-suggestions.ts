// The suggested edits of one open report, for the report page: the suggestion store (shared/comments/
// suggestion-store.ts) in its comments room, drawn into the fields shown (./suggestion-plugin.ts), what Suggest mode
// records, and accepting, rejecting and withdrawing them. The report comments (./report-comments.ts) make one.
import type { EditorView } from '@tiptap/pm/view';
import { createSignal } from 'solid-js';
import type * as Y from 'yjs';
import { createSuggestionStore, type PlacedSuggestion } from '../../../shared/comments/suggestion-store.ts';
import { isWriterOf, type CommentAuthor } from '../../../shared/doc/comments.ts';
import type { Suggestion } from '../../../shared/doc/suggestions.ts';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import { fail, type Result } from '../../../shared/result.ts';
import { capitalised } from '../collab/role-words.ts';
import { withYourName } from '../collab/your-name.ts';
import { fieldText } from '../editor/field-text.ts';
import { createSuggestionPlugin, setSuggestionMarks, type SuggestionMark } from './suggestion-plugin.ts';

interface ShownField {
  view: EditorView;
  fragment: Y.XmlFragment;
  roleWord: (role: string) => string;
}

export type ReportSuggestions = ReturnType<typeof createReportSuggestions>;

/** "Suggested by Rita Reviewer (Reviewer), 4 Dec 2026, 11:02": who and when, in the open report's words for roles. */
export function byline(suggestion: Suggestion, roleWord: (role: string) => string): string {
  const { name, role } = suggestion.author;
  return `Suggested by ${name || 'someone'} (${capitalised(roleWord(role))}), ${formatMoment(suggestion.createdAt)}`;
}

export function createReportSuggestions(comments: Y.Doc, author: () => CommentAuthor) {
  const store = createSuggestionStore({ comments, author });
  const [all, setAll] = createSignal<PlacedSuggestion[]>(store.suggestions());
  /** Whether this person may accept and reject suggestions now: they may change the report's content. */
  const [mayDecide, setMayDecide] = createSignal(false);
  const fields = new Map<string, ShownField>();
  const [content, setContent] = createSignal<Y.Doc>();

  function draw(field: string, shown: ShownField, placed: PlacedSuggestion[]): void {
    const { view, roleWord } = shown;
    if (view.isDestroyed) return;
    const text = fieldText(view.state.doc);
    const marks: SuggestionMark[] = placed.flatMap(({ suggestion, placement }) =>
      suggestion.field === field && suggestion.state === 'open' && placement.kind === 'placed'
        ? [
            {
              id: suggestion.id,
              from: text.positionOf(placement.from),
              to: text.positionOf(placement.to),
              insert: suggestion.insert,
              byline: byline(suggestion, roleWord),
            },
          ]
        : [],
    );
    setSuggestionMarks(view, marks);
  }

  store.subscribe((placed) => {
    setAll(placed);
    for (const [field, shown] of fields) draw(field, shown, placed);
  });
  const now = () => setAll(store.suggestions());

  /** Signs an action with this person's name, asking for it first on a device with none. */
  const signed = async <T>(act: () => Result<T>): Promise<Result<T>> => {
    const result = (await withYourName(act)) ?? fail('Give your name first: suggestions say who decided them.');
    now();
    return result;
  };

  return {
    /** Every suggestion, open or decided, placed in the content. */
    all,
    open: () => all().filter((placed) => placed.suggestion.state === 'open'),
    mayDecide,
    setMayDecide,
    setContent: (doc: Y.Doc) => {
      setContent(doc);
      store.setContent(doc);
    },
    /** Whether words can be suggested in a field: one of the content's (a teacher's part, in the comments, is theirs). */
    suggestsIn: (fragment: Y.XmlFragment) => fragment.doc !== null && fragment.doc === content(),
    isMine: (suggestion: Suggestion) => isWriterOf(suggestion.author, author()),

    /** The ProseMirror plugin for one field: its suggestions drawn, and Suggest mode. */
    plugin(options: {
      field: string;
      fragment: Y.XmlFragment;
      suggesting: () => boolean;
      roleWord: (role: string) => string;
    }) {
      return createSuggestionPlugin({
        suggesting: options.suggesting,
        edit(view, edit) {
          const text = fieldText(view.state.doc);
          const result = store.edit({
            field: options.field,
            fragment: options.fragment,
            from: text.offsetAt(edit.from),
            to: text.offsetAt(edit.to),
            insert: edit.insert,
            key: edit.key,
          });
          return result.ok ? text.positionOf(result.value) : undefined;
        },
        attach(view) {
          const shown = { view, fragment: options.fragment, roleWord: options.roleWord };
          fields.set(options.field, shown);
          queueMicrotask(() => draw(options.field, shown, store.suggestions()));
          return () => {
            if (fields.get(options.field) === shown) fields.delete(options.field);
          };
        },
      });
    },
    /** Suggest mode was left: the next thing typed starts a new suggestion. */
    endDraft: () => store.endDraft(),

    accept: (id: string) => signed(() => store.accept(id)),
    reject: (id: string) => signed(() => store.reject(id)),
    withdraw: (id: string) => signed(() => store.withdraw(id)),
    decideAll: (decision: 'accept' | 'reject') => signed(() => store.decideAll(decision)),

    /** Scrolls to a suggestion's words and puts the caret there. */
    show(id: string): void {
      const found = all().find((placed) => placed.suggestion.id === id);
      const shown = found && fields.get(found.suggestion.field);
      if (!found || !shown || shown.view.isDestroyed || found.placement.kind !== 'placed') return;
      shown.view.dom.closest('.field')?.scrollIntoView({ block: 'center' });
      shown.view.dom.focus();
    },

    destroy: () => store.destroy(),
  };
}
