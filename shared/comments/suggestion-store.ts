// The suggested edits of one open report, as plain data: reads the comments document's suggestions, places each in
// the content document, turns what a person types or deletes in Suggest mode into suggestions (typing on at the end of
// one's own suggestion adds to it, deleting on extends it), and accepts, rejects or withdraws them as one person. No
// DOM and no connection: the caller opens both documents and says who is writing. Like the thread store, changes in a
// turn reach the listeners once, after it.
import type * as Y from 'yjs';
import { fail, ok, type Result } from '../result.ts';
import type { CommentAuthor } from '../doc/comments.ts';
import { placedInContent } from './placed-in-content.ts';
import {
  acceptSuggestion,
  addSuggestion,
  anchorSuggestion,
  placeSuggestion,
  readSuggestions,
  rejectSuggestion,
  reviseSuggestion,
  withdrawSuggestion,
  type Suggestion,
  type SuggestionPlacement,
} from '../doc/suggestions.ts';

export interface PlacedSuggestion {
  suggestion: Suggestion;
  placement: SuggestionPlacement;
}

/** What a person did in a field in Suggest mode, as offsets of the field's text. */
export interface SuggestedChange {
  field: string;
  fragment: Y.XmlFragment;
  /** The words replaced or deleted (equal for typing at a point). */
  from: number;
  to: number;
  /** What was typed (empty for a deletion). */
  insert: string;
  /** Typing (or pasting), Backspace, or Delete: deleting on from one's own suggestion extends it. */
  key: 'text' | 'backspace' | 'delete';
}

export interface SuggestionStoreOptions {
  comments: Y.Doc;
  author: () => CommentAuthor;
}

export type SuggestionStore = ReturnType<typeof createSuggestionStore>;

export function createSuggestionStore({ comments, author }: SuggestionStoreOptions) {
  /** The suggestion this person is typing into, in this session. */
  let draft: { field: string; id: string } | undefined;
  const placing = placedInContent(comments, (fragmentOf) =>
    readSuggestions(comments).map((suggestion): PlacedSuggestion => {
      const fragment = fragmentOf(suggestion.field);
      return { suggestion, placement: fragment ? placeSuggestion(fragment, suggestion) : { kind: 'pending' } };
    }),
  );
  const suggestions = placing.current;

  /** The open suggestion this person is typing into in the field, where it is now. */
  function currentDraft(field: string) {
    if (draft?.field !== field) return undefined;
    const found = suggestions().find((s) => s.suggestion.id === draft!.id);
    if (found?.suggestion.state !== 'open' || found.placement.kind !== 'placed') return undefined;
    return { suggestion: found.suggestion, from: found.placement.from, to: found.placement.to };
  }

  /** Changes the draft in place, if the change carries on from it; the caret's offset, or undefined when it does not. */
  function carryOn(change: SuggestedChange): Result<number> | undefined {
    const current = currentDraft(change.field);
    if (!current) return undefined;
    const { suggestion, from, to } = current;
    const me = author();
    const revise = (insert: string, range?: { from: number; to: number }) => {
      if (!range) return reviseSuggestion(comments, suggestion.id, { insert }, me);
      const anchored = anchorSuggestion(change.fragment, range.from, range.to);
      if (!anchored.ok) return anchored;
      return reviseSuggestion(comments, suggestion.id, { insert, ...anchored.value }, me);
    };
    const point = change.from === change.to;
    if (change.key === 'text' && point && change.from === to) {
      const revised = revise(suggestion.insert + change.insert);
      return revised.ok ? ok(to) : revised;
    }
    if (change.key === 'backspace' && suggestion.insert && change.to === to && change.from === to - 1) {
      const insert = suggestion.insert.slice(0, -1);
      const revised = insert || suggestion.quote ? revise(insert) : withdrawSuggestion(comments, suggestion.id, me);
      return revised.ok ? ok(to) : revised;
    }
    if (!suggestion.insert && change.key === 'backspace' && change.to === from) {
      const revised = revise('', { from: change.from, to });
      return revised.ok ? ok(change.from) : revised;
    }
    if (!suggestion.insert && change.key === 'delete' && change.from === from) {
      const revised = revise('', { from, to: to + (change.to - change.from) });
      return revised.ok ? ok(from) : revised;
    }
    return undefined;
  }

  const finish = <T>(result: Result<T>): Result<T> => {
    if (result.ok) placing.changed();
    return result;
  };

  return {
    suggestions,

    subscribe: placing.subscribe,
    setContent: placing.setContent,

    /** Records what was typed or deleted as a suggestion; its value is the offset the caret goes to. */
    edit(change: SuggestedChange): Result<number> {
      const carried = carryOn(change);
      if (carried) return finish(carried);
      const anchored = anchorSuggestion(change.fragment, change.from, change.to);
      if (!anchored.ok) return anchored;
      const made = addSuggestion(comments, {
        field: change.field,
        ...anchored.value,
        insert: change.insert,
        author: author(),
      });
      if (!made.ok) return made;
      draft = { field: change.field, id: made.value };
      return finish(ok(change.key === 'text' ? change.to : change.from));
    },

    /** Stops adding to the suggestion being typed (the caret moved away, Suggest mode was left). */
    endDraft(): void {
      draft = undefined;
    },

    accept(id: string, limit?: number): Result {
      const content = placing.content();
      if (!content) return fail('The report is not open.');
      if (draft?.id === id) draft = undefined;
      return finish(acceptSuggestion(content, comments, id, author(), { limit }));
    },
    reject: (id: string) => finish(rejectSuggestion(comments, id, author())),
    withdraw: (id: string) => finish(withdrawSuggestion(comments, id, author())),

    /** Accepts (or rejects) every open suggestion; the value counts those done, the problems say why others were not. */
    decideAll(decision: 'accept' | 'reject'): Result<{ done: number; problems: string[] }> {
      const doc = placing.content();
      if (!doc) return fail('The report is not open.');
      const open = suggestions().filter((s) => s.suggestion.state === 'open');
      const problems: string[] = [];
      let done = 0;
      const me = author();
      doc.transact(() =>
        comments.transact(() => {
          for (const { suggestion } of open) {
            const result =
              decision === 'accept'
                ? acceptSuggestion(doc, comments, suggestion.id, me)
                : rejectSuggestion(comments, suggestion.id, me);
            if (result.ok) done++;
            else problems.push(result.problem);
          }
        }),
      );
      draft = undefined;
      return finish(ok({ done, problems }));
    },

    destroy: placing.destroy,
  };
}
