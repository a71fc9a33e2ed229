// On a report opened from "Reports to review": a link to the next report in the queue, also reached with Alt+N.
// It loads the next report afresh (rel="external"), so each report has its own session.
import { onCleanup, onMount, Show } from 'solid-js';
import { nextInQueue } from './review-queue.ts';

export function NextToReview(props: { reportId: string }) {
  const next = nextInQueue(props.reportId);
  onMount(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!next || !event.altKey || event.ctrlKey || event.metaKey || event.code !== 'KeyN') return;
      event.preventDefault();
      window.location.assign(`/report/${next}`);
    };
    window.addEventListener('keydown', onKey);
    onCleanup(() => window.removeEventListener('keydown', onKey));
  });
  return (
    <Show when={next}>
      {(id) => (
        <p class="next-to-review">
          <a href={`/report/${id()}`} rel="external" aria-keyshortcuts="Alt+N">
            Next report to review
          </a>{' '}
          <span class="muted">(or press Alt+N)</span>
        </p>
      )}
    </Show>
  );
}
