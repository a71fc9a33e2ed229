// The signed-in member's inbox (docs/protocol.md, "Notifications"): one signal for the header's unread count and
// the inbox page, filled from the relay when a member is signed in, asked again every 30 s while the page is shown
// and when it comes back into view; marking read answers with the inbox as it now is.
import { createEffect, createRoot, createSignal } from 'solid-js';
import { EmailView, NotificationList, notificationPaths as paths } from '../../../shared/protocol/notifications.ts';
import { type ApiResult, call } from './organisation-api.ts';
import { signedIn } from './signed-in.ts';

const [inbox, setInbox] = createSignal<NotificationList | undefined>(undefined);

/** The member's notifications (newest first) and unread count; undefined until the relay has answered. */
export const currentInbox = inbox;
export const unreadCount = () => inbox()?.unread ?? 0;

const kept = (answer: ApiResult<NotificationList>): ApiResult<NotificationList> => {
  if (answer.ok) setInbox(answer.value);
  return answer;
};

export const refreshInbox = async (): Promise<ApiResult<NotificationList>> =>
  kept(await call(NotificationList, 'GET', paths.list));
export const markRead = async (id: string) => kept(await call(NotificationList, 'POST', paths.read(id)));
export const markAllRead = async () => kept(await call(NotificationList, 'POST', paths.readAll));

export const emailApi = {
  get: () => call(EmailView, 'GET', paths.email),
  set: (email: string | null) => call(EmailView, 'PUT', paths.email, { email }),
};

const pollMs = 30_000;
let started = false;

/** Follows the inbox while someone is signed in (called once, by the header). */
export function followInbox(): void {
  if (started) return;
  started = true;
  createRoot(() => {
    createEffect(() => {
      if (signedIn()) void refreshInbox();
      else setInbox(undefined);
    });
  });
  const ask = () => {
    if (signedIn() && document.visibilityState === 'visible') void refreshInbox();
  };
  setInterval(ask, pollMs);
  document.addEventListener('visibilitychange', ask);
}
