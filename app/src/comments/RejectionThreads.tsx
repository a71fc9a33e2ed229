// Under a rejection: the comment threads the reviewer pointed at, each a link to the thread in the margin
// (whose quote then selects the words).
import { For, Show } from 'solid-js';
import type { ReportComments } from './report-comments.ts';

export function RejectionThreads(props: { comments: ReportComments; threadIds?: string[] }) {
  const threads = () =>
    (props.threadIds ?? []).flatMap((id) => {
      const found = props.comments.threads().find((placed) => placed.thread.id === id);
      return found ? [found] : [];
    });
  return (
    <Show when={(props.threadIds ?? []).length > 0}>
      <div class="rejection-comments">
        <p>The reviewer points at these comments:</p>
        <ul>
          <For each={threads()}>
            {(placed) => (
              <li>
                <button type="button" onClick={() => props.comments.focusThread(placed.thread.id)}>
                  “{placed.thread.quote}” ({props.comments.fieldLabel(placed.thread.field) ?? placed.thread.field})
                </button>
              </li>
            )}
          </For>
        </ul>
        <Show when={threads().length < (props.threadIds ?? []).length}>
          <p class="muted">Some of them have not reached this device yet.</p>
        </Show>
      </div>
    </Show>
  );
}
