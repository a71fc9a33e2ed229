// The foot of a desk's paged list (the payroll, the progress reviews overview): how many of how many are shown, and a
// "Show more" button, reached by keyboard like any button, that asks the relay for the next page. The count is a
// polite live region, so a screen reader hears it grow.
import { createSignal, Show } from 'solid-js';

const counted = (n: number) => n.toLocaleString('en-GB');

export function ShowMore(props: {
  shown: number;
  total: number;
  /** "session", "review": said once or with an s. */
  noun: string;
  /** Asks for the next page; its answer's problem, if any, is shown. */
  onMore: () => Promise<string | undefined>;
}) {
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  const more = async () => {
    setBusy(true);
    setProblem(await props.onMore());
    setBusy(false);
  };
  return (
    <div class="show-more no-print">
      <p role="status" data-testid="paging-status">
        Showing {counted(props.shown)} of {counted(props.total)} {props.noun}
        {props.total === 1 ? '' : 's'}
      </p>
      <Show when={props.shown < props.total}>
        <button type="button" class="secondary" disabled={busy()} onClick={() => void more()}>
          {busy() ? 'Loading…' : 'Show more'}
        </button>
      </Show>
      <Show when={problem()}>
        <p role="alert">{problem()}</p>
      </Show>
    </div>
  );
}
