// Where the report stands in its workflow, said plainly: its status, who decided last and, when it was sent
// back, why; and whether this person may change it.
import { Match, Show, Switch } from 'solid-js';
import type { StatusView } from '../../../shared/doc/status-doc.ts';
import { mayEditContent } from '../../../shared/protocol/room-access.ts';
import { powers, type Role } from '../../../shared/protocol/roles.ts';
import { statusLabels } from '../../../shared/workflow/status.ts';
import { useRoleWord } from '../collab/role-words.ts';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import './workflow.css';

export function StatusBanner(props: { view: StatusView; role?: Role }) {
  const roleWord = useRoleWord();
  const last = () => props.view.history.at(-1);
  return (
    <section class="status-banner" data-status={props.view.status} aria-label="Report status">
      <p>
        <strong>Status: {statusLabels[props.view.status]}</strong>
        <Show when={last()}>
          {(decision) => (
            <span class="muted">
              {' '}
              ({decision().by.name}, {roleWord(decision().by.role)}, {formatMoment(decision().at, 'day')})
            </span>
          )}
        </Show>
      </p>
      <Switch>
        <Match when={props.view.rejection}>
          {(rejection) => (
            <p class="rejection">
              Sent back by {rejection().by.name}: “{rejection().reason}”
              <Show when={props.role && mayEditContent(props.role, props.view.status)}>
                {' '}
                Make the changes asked for, then resubmit.
              </Show>
            </p>
          )}
        </Match>
        <Match when={props.view.status === 'approved'}>
          <p>This report is approved and can no longer change.</p>
        </Match>
        <Match when={props.view.status === 'submitted' || props.view.status === 'resubmitted'}>
          <p>This report is submitted: no one can change it until a reviewer approves it or sends it back.</p>
        </Match>
      </Switch>
      <Show when={props.role && !powers[props.role].writeContent}>
        <p>Your link lets you read this report, not change it.</p>
      </Show>
    </section>
  );
}
