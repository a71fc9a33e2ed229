// A signed-in member's inbox (docs/protocol.md, "Notifications"): their notifications, newest first, marked read one
// at a time or all at once, and the e-mail address they give for mail. Every call names the member by their session
// cookie alone, so nobody reads or marks another member's notifications: an id that is not theirs is not found.
import type { IncomingMessage } from 'node:http';
import {
  EmailRequest,
  type EmailView,
  type NotificationList,
  notificationIdPattern,
  notificationListLimit,
} from '../../shared/protocol/notifications.ts';
import type { NotificationRecord } from '../storage/notifications.ts';
import type { Storage } from '../storage/store.ts';
import { type Answer, Problem, readBody, signedInMember } from './requests.ts';

interface InboxContext {
  store: Storage;
}

const view = (notification: NotificationRecord): NotificationList['notifications'][number] => ({
  id: notification.id,
  kind: notification.kind,
  ...(notification.reportId ? { reportId: notification.reportId } : {}),
  ...(notification.actorName ? { by: notification.actorName } : {}),
  ...(notification.reportKind ? { reportKind: notification.reportKind } : {}),
  at: notification.createdAt,
  read: notification.readAt !== undefined,
});

async function inbox(context: InboxContext, memberId: string): Promise<NotificationList> {
  const [notifications, unread] = await Promise.all([
    context.store.notificationsOf(memberId, notificationListLimit),
    context.store.unreadCount(memberId),
  ]);
  return { notifications: notifications.map(view), unread };
}

/** GET /api/organisation/notifications */
export async function myNotifications(context: InboxContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  return { status: 200, body: await inbox(context, member.id) };
}

/** POST /api/organisation/notifications/<id>/read */
export async function markNotificationRead(
  context: InboxContext,
  request: IncomingMessage,
  [id]: string[],
): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  if (!notificationIdPattern.test(id!))
    throw new Problem(400, 'This is not a notification’s id: the app names each one by the id the relay gave it.');
  if (!(await context.store.markNotificationRead(member.id, id!, new Date().toISOString())))
    throw new Problem(404, 'You have no notification with that id.');
  return { status: 200, body: await inbox(context, member.id) };
}

/** POST /api/organisation/notifications/read: marks every one of the member's notifications read. */
export async function markAllNotificationsRead(context: InboxContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  await context.store.markAllNotificationsRead(member.id, new Date().toISOString());
  return { status: 200, body: await inbox(context, member.id) };
}

/** GET /api/organisation/email: the member's own address, if they gave one. */
export async function myEmail(context: InboxContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  const email = await context.store.emailOf(member.id);
  const body: EmailView = email ? { email } : {};
  return { status: 200, body };
}

/** PUT /api/organisation/email `{ email }`: sets the member's own address, or removes it with null. */
export async function setMyEmail(context: InboxContext, request: IncomingMessage): Promise<Answer> {
  const { member } = await signedInMember(context, request);
  const { email } = await readBody(request, EmailRequest);
  await context.store.setEmail(member.id, email ?? undefined);
  await context.store.appendAudit({
    organisationId: member.organisationId,
    at: new Date().toISOString(),
    actor: member.id,
    action: email ? 'e-mail address set' : 'e-mail address removed',
    subject: member.id,
  });
  const body: EmailView = email ? { email } : {};
  return { status: 200, body };
}
