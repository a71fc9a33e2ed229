// Submit, approve, reject with a reason, resubmit: the buttons this person's role may use at this status
// (shared/workflow/status.ts), each asking the relay, which alone records the decision.
import { createSignal, For, Show } from 'solid-js';
import type { TransitionResult } from '../../../shared/protocol/api.ts';
import { appSubmitButtonNames } from '../../../shared/protocol/app-and-extension.ts';
import type { PlacedThread } from '../../../shared/comments/thread-store.ts';
import type { Role } from '../../../shared/protocol/roles.ts';
import {
  transition,
  workflowActions,
  type ReportStatus,
  type WorkflowAction,
} from '../../../shared/workflow/status.ts';
import type { SubmitCheck, SubmitPastWarnings } from '../forms/SubmissionChecks.tsx';
import { withYourName } from '../collab/your-name.ts';
import { relayApi } from '../sync/relay-api.ts';
import './workflow.css';

// Submit and Resubmit keep the names the extension's "Before you submit" finds them by.
const buttonLabels: Record<WorkflowAction, string> = {
  submit: appSubmitButtonNames.submit,
  approve: 'Approve report',
  reject: 'Send back with a reason…',
  resubmit: appSubmitButtonNames.resubmit,
};

export function WorkflowActions(props: {
  reportId: string;
  token: string;
  role: Role;
  status: ReportStatus;
  /**
   * Runs the report's check, which the form lists when it finds anything. Errors stop a submit or resubmit; warnings
   * stop it until the user confirms them with the list's "Submit with N warnings", which calls `submit` back.
   */
  beforeSubmit?: (pastWarnings: SubmitPastWarnings) => Promise<SubmitCheck>;
  /** The report's comment threads: a rejection can point at the open ones. */
  commentThreads?: PlacedThread[];
  onDecided: (result: TransitionResult) => void;
}) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const [rejecting, setRejecting] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [pointedAt, setPointedAt] = createSignal<string[]>([]);
  const openThreads = () => (props.commentThreads ?? []).filter((placed) => !placed.thread.resolved);
  // A reason stands in for the one asked for later, so reject shows whenever the role and status allow it.
  const actions = () => workflowActions.filter((action) => transition(props.status, action, props.role, 'reason').ok);

  /** `confirmedWarnings`: how many writing warnings the user chose to submit with; more found since stop it again. */
  const decide = async (action: WorkflowAction, confirmedWarnings = 0) => {
    if (busy()) return;
    setBusy(true);
    setError('');
    try {
      if ((action === 'submit' || action === 'resubmit') && props.beforeSubmit) {
        const verb = action === 'submit' ? 'Submit' : 'Resubmit';
        const found = await props.beforeSubmit({
          verb,
          submit: (warnings) => void decide(action, warnings),
        });
        if (found.errors > 0 || found.warnings > confirmedWarnings) return;
      }
      // A rejection without a reason is refused here, before anyone is asked for their name for it.
      const allowed = action === 'reject' ? transition(props.status, action, props.role, reason()) : undefined;
      if (allowed && !allowed.ok) return setError(allowed.problem);
      // The button pressed stays enabled while a name is asked for, so focus can go back to it.
      setBusy(false);
      const result = await withYourName((name) => {
        setBusy(true);
        return relayApi.decide(props.reportId, props.token, {
          action,
          name,
          ...(action === 'reject'
            ? { reason: reason(), comments: pointedAt().filter((id) => openThreads().some((p) => p.thread.id === id)) }
            : {}),
        });
      });
      // Asked for their name, the person cancelled: nothing was decided.
      if (!result) return;
      setRejecting(false);
      setReason('');
      setPointedAt([]);
      props.onDecided(result);
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show when={actions().length > 0}>
      <div class="workflow-actions">
        <For each={actions()}>
          {(action) => (
            <Show when={action !== 'reject' || !rejecting()}>
              <button
                type="button"
                class={action === 'reject' ? 'secondary' : undefined}
                disabled={busy()}
                onClick={() => (action === 'reject' ? setRejecting(true) : void decide(action))}
              >
                {buttonLabels[action]}
              </button>
            </Show>
          )}
        </For>
        <Show when={rejecting()}>
          <form
            class="reject-form"
            onSubmit={(event) => {
              event.preventDefault();
              void decide('reject');
            }}
          >
            <div class="field">
              <label for="reject-reason">Why is it sent back? The tutor will see this.</label>
              <textarea
                id="reject-reason"
                rows={3}
                maxLength={1024}
                value={reason()}
                onInput={(event) => setReason(event.currentTarget.value)}
                ref={(el) => queueMicrotask(() => el.focus())}
              />
            </div>
            <Show when={openThreads().length > 0}>
              <fieldset class="point-at-comments">
                <legend>Point at comments</legend>
                {/* By id, so a checkbox keeps its focus while others' edits place the threads again. */}
                <For each={openThreads().map((placed) => placed.thread.id)}>
                  {(threadId) => {
                    const thread = () => openThreads().find((placed) => placed.thread.id === threadId)?.thread;
                    const opening = () => thread()?.comments[0];
                    return (
                      <label>
                        <input
                          type="checkbox"
                          checked={pointedAt().includes(threadId)}
                          onChange={(event) =>
                            setPointedAt((ids) =>
                              event.currentTarget.checked ? [...ids, threadId] : ids.filter((id) => id !== threadId),
                            )
                          }
                        />{' '}
                        “{thread()?.quote}”: {opening()?.deleted ? 'Comment deleted' : opening()?.text}
                      </label>
                    );
                  }}
                </For>
              </fieldset>
            </Show>
            <button type="submit" disabled={busy()}>
              Send back to the tutor
            </button>
            <button type="button" class="secondary" onClick={() => setRejecting(false)}>
              Cancel
            </button>
          </form>
        </Show>
        <Show when={error()}>
          <p role="alert" class="error">
            {error()}
          </p>
        </Show>
      </div>
    </Show>
  );
}
