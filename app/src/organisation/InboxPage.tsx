// /inbox: a signed-in member's notifications, newest first (docs/protocol.md, "Notifications"): each says who did
// what to which kind of report and opens the report; unread ones are marked in words, not colour alone, and can
// be marked read one by one or all at once. Opening one marks it read.
import { useNavigate } from '@solidjs/router';
import { createSignal, For, onMount, Show } from 'solid-js';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import { type NotificationView, notificationSentence } from '../../../shared/protocol/notifications.ts';
import { currentInbox, markAllRead, markRead, refreshInbox } from './inbox.ts';
import { signedIn } from './signed-in.ts';
import './organisation.css';

/** Where a notification leads: its report, or for an invitation the member's account. */
const destination = (notification: NotificationView) =>
  notification.reportId ? `/report/${encodeURIComponent(notification.reportId)}` : '/account';

export function InboxPage() {
  const navigate = useNavigate();
  const [problem, setProblem] = createSignal('');
  const [status, setStatus] = createSignal('');
  onMount(async () => {
    const answer = await refreshInbox();
    if (!answer.ok && answer.problem.status !== 401) setProblem(answer.problem.message);
  });

  let heading!: HTMLHeadingElement;
  /** The button pressed goes once its notification is read: focus goes to what it was about, or the heading. */
  const done = (answer: Awaited<ReturnType<typeof markRead>>, said: string, focus?: string) => {
    if (!answer.ok) return setProblem(answer.problem.message);
    setProblem('');
    setStatus(said);
    ((focus && document.getElementById(focus)) || heading).focus();
  };

  const open = async (event: MouseEvent, notification: NotificationView) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (!notification.read) await markRead(notification.id);
    navigate(destination(notification));
  };

  return (
    <section class="card organisation-page inbox-page">
      <h1 tabindex="-1" ref={heading}>
        Inbox
      </h1>
      <Show
        when={signedIn()}
        fallback={
          <Show when={signedIn() === null} fallback={<p role="status">Asking the relay who you are…</p>}>
            <p role="alert">
              Your inbox is for members signed in. <a href="/sign-in">Sign in</a>
            </p>
          </Show>
        }
      >
        <Show when={currentInbox()} fallback={<p role="status">Loading your notifications…</p>}>
          {(inbox) => (
            <>
              <div class="row">
                <p class="inbox-summary">
                  {inbox().unread === 0
                    ? 'Nothing unread.'
                    : inbox().unread === 1
                      ? '1 unread notification.'
                      : `${inbox().unread} unread notifications.`}
                </p>
                <Show when={inbox().unread > 0}>
                  <button
                    type="button"
                    class="secondary"
                    onClick={async () => done(await markAllRead(), 'Every notification is marked read.')}
                  >
                    Mark all read
                  </button>
                </Show>
              </div>
              <Show
                when={inbox().notifications.length > 0}
                fallback={
                  <p>
                    Nothing here yet. You are told here when a report of yours is sent back or approved, when someone
                    comments on it or replies to you, and when a review is ready for your comments or signature.
                  </p>
                }
              >
                <ul class="plain-list inbox-list" aria-label="Notifications, newest first">
                  <For each={inbox().notifications}>
                    {(notification) => (
                      <li classList={{ unread: !notification.read }}>
                        <span>
                          <Show when={!notification.read}>
                            <span class="tag unread-tag">Unread</span>{' '}
                          </Show>
                          <a
                            id={`notification-${notification.id}`}
                            href={destination(notification)}
                            onClick={(event) => open(event, notification)}
                          >
                            {notificationSentence(notification)}
                          </a>
                          <span class="muted"> {formatMoment(notification.at)}</span>
                        </span>
                        <Show when={!notification.read}>
                          <button
                            type="button"
                            class="secondary"
                            aria-label={`Mark read: ${notificationSentence(notification)}`}
                            onClick={async () =>
                              done(
                                await markRead(notification.id),
                                'The notification is marked read.',
                                `notification-${notification.id}`,
                              )
                            }
                          >
                            Mark read
                          </button>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Show>
        <p role="status">{status()}</p>
        <Show when={problem()}>
          <p role="alert" class="error">
            {problem()}
          </p>
        </Show>
      </Show>
    </section>
  );
}
