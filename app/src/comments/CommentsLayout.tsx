// The report's form with its comments margin beside it: gives the form's text fields the comments (for
// their highlights and "Add comment"), and points the comments at the content document shown.
import { createEffect, Show, type JSX } from 'solid-js';
import type * as Y from 'yjs';
import { CommentsMargin } from './CommentsMargin.tsx';
import { CommentsContext, type ReportComments } from './report-comments.ts';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';

export function CommentsLayout(props: {
  comments: ReportComments;
  doc: Y.Doc;
  /** Whether this person may change the content now, and so accept or reject suggested edits. */
  canWrite?: boolean;
  children: JSX.Element;
}) {
  props.comments.setContent(props.doc);
  createEffect(() => props.comments.suggestions.setMayDecide(props.canWrite === true));
  return (
    <CommentsContext.Provider value={props.comments}>
      <div class="report-with-margin" classList={{ 'no-margin': !props.comments.mayRead() }}>
        <div>{props.children}</div>
        <Show when={props.comments.mayRead()}>
          <div class="margin-column">
            <SuggestionsPanel comments={props.comments} />
            <CommentsMargin comments={props.comments} />
          </div>
        </Show>
      </div>
    </CommentsContext.Provider>
  );
}
