// The "Suggest" switch of one text field, for those who may comment other than the tutor who writes it: while it is pressed, what they type or delete in
// the field becomes a suggestion (./suggestion-plugin.ts), not a change to the report. A field being read becomes
// editable for it, and goes back to being read when it is released.
import { Show, useContext, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { withYourName } from '../collab/your-name.ts';
import { CommentsContext } from './report-comments.ts';

export function SuggestToggle(props: {
  field: string;
  fragment: Y.XmlFragment;
  label: string;
  suggesting: Accessor<boolean>;
  /** Turns Suggest mode on or off (the field makes itself editable or not). */
  set: (on: boolean) => void;
}) {
  const comments = useContext(CommentsContext);
  const toggle = async () => {
    if (props.suggesting()) {
      comments?.suggestions.endDraft();
      return props.set(false);
    }
    // Suggestions carry their author's name: it is asked for before the first one.
    if ((await withYourName(() => true)) === true) props.set(true);
  };
  return (
    <Show
      when={comments?.canComment() && comments.role() !== 'tutor' && comments.suggestions.suggestsIn(props.fragment)}
    >
      <button
        type="button"
        class="secondary suggest-toggle"
        aria-pressed={props.suggesting()}
        aria-label={`Suggest edits in ${props.label}`}
        onClick={() => void toggle()}
      >
        Suggest
      </button>
      <Show when={props.suggesting()}>
        <p class="hint suggesting-note" id={`${props.field}-suggesting`} role="status">
          Suggesting: what you type or delete here becomes a suggestion, shown to everyone, for the report’s writer to
          accept or reject. Press Suggest again to stop.
        </p>
      </Show>
    </Show>
  );
}
