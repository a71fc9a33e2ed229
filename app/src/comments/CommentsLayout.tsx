// The report's form with its comments margin beside it: gives the form's text fields the comments (for
// their highlights and "Add comment"), and points the comments at the content document shown.
import { Show, type JSX } from 'solid-js';
import type * as Y from 'yjs';
import { CommentsMargin } from './CommentsMargin.tsx';
import { CommentsContext, type ReportComments } from './report-comments.ts';

export function CommentsLayout(props: { comments: ReportComments; doc: Y.Doc; children: JSX.Element }) {
  props.comments.setContent(props.doc);
  return (
    <CommentsContext.Provider value={props.comments}>
      <div class="report-with-margin" classList={{ 'no-margin': !props.comments.mayRead() }}>
        <div>{props.children}</div>
        <Show when={props.comments.mayRead()}>
          <CommentsMargin comments={props.comments} />
        </Show>
      </div>
    </CommentsContext.Provider>
  );
}
