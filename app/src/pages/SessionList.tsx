// A list of sessions, each a link to its report. Individual and group sessions look different by shape
// and by words (one circle and "1:1"; three numbered circles and "Group 1:2"), never by colour alone.
import { For, Show } from 'solid-js';
import { groupLabel } from '../../../shared/forms/fields.ts';
import { formatDate } from '../../../shared/workflow/calendar.ts';
import { statusLabels } from '../../../shared/workflow/status.ts';
import type { SessionItem } from '../store/home-queries.ts';
import './home.css';

function LearnerIcon(props: { count: number }) {
  return (
    <svg class="learner-icon" viewBox="0 0 48 20" width="48" height="20" aria-hidden="true">
      <Show when={props.count > 1} fallback={<circle cx="10" cy="10" r="8" class="one" />}>
        <For each={[1, 2, 3]}>
          {(n) => (
            <g class={n <= props.count ? 'member' : 'seat'}>
              <circle cx={8 + (n - 1) * 16} cy="10" r="7" />
              <text x={8 + (n - 1) * 16} y="14" text-anchor="middle">
                {n}
              </text>
            </g>
          )}
        </For>
      </Show>
    </svg>
  );
}

export function SessionList(props: { sessions: SessionItem[]; empty?: string }) {
  return (
    <Show when={props.sessions.length > 0} fallback={<p class="muted">{props.empty ?? 'No sessions.'}</p>}>
      <ul class="session-list">
        <For each={props.sessions}>
          {(session) => {
            const count = session.learnerNames.length;
            return (
              <li classList={{ group: count > 1, individual: count <= 1 }}>
                <a href={`/report/${session.reportId}`}>
                  <LearnerIcon count={count} />
                  <span class="kind">{count > 1 ? `Group ${groupLabel(count)}` : 'Individual'}</span>
                  <span class="when">
                    {formatDate(session.date)}, {session.start}–{session.finish}
                  </span>
                  <span class="who">{session.learnerNames.join(', ') || 'Unknown learner'}</span>
                  <span class="what">{session.subject}</span>
                  <span class="status" data-status={session.status}>
                    {statusLabels[session.status]}
                  </span>
                  <Show when={session.unreadComments > 0}>
                    <span class="unread-comments">
                      {session.unreadComments === 1 ? '1 new comment' : `${session.unreadComments} new comments`}
                    </span>
                  </Show>
                </a>
              </li>
            );
          }}
        </For>
      </ul>
    </Show>
  );
}
